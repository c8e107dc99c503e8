package cn.unionportal.organization;

import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Scope rules of the organization pages: each role, inside and outside its subtree, for reading,
 * creating, editing, moving and dissolving. Outside the scope answers exactly like a missing id.
 * Demo accounts: admin (federation administrator, 威海市总工会), wendeng (organization
 * administrator, 文登区总工会), huancui (staff, 环翠区总工会).
 */
@Transactional
class OrganizationScopeTest extends PostgresIntegrationTest {

	private static final long MISSING = 987_654_321L;

	long wendeng;
	long dashuibo;
	long gengdu;
	long wendengUnion;
	long huancui;
	long zhangcun;
	long hengke;

	@BeforeEach
	void lookUp() {
		wendeng = demo.org("文登区总工会");
		dashuibo = demo.org("大水泊镇工会");
		gengdu = demo.org("耕读小镇联合工会");
		wendengUnion = demo.org("大明国际控股有限公司威海分公司工会");
		huancui = demo.org("环翠区总工会");
		zhangcun = demo.org("张村镇工会");
		hengke = demo.org("威海恒科精工有限公司工会");
	}

	// ---- reading ---------------------------------------------------------------------------

	@Test
	void wendengAdminReadsItsOwnSubtree() throws Exception {
		for (long id : new long[] { wendeng, dashuibo, gengdu, wendengUnion }) {
			mvc.perform(get("/organizations/{id}", id).with(demo.as("wendeng"))).andExpect(status().isOk());
		}
		mvc.perform(get("/organizations/tree").param("parent", String.valueOf(dashuibo)).with(demo.as("wendeng")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("耕读小镇联合工会")));
	}

	@Test
	void wendengAdminCannotSeeHuancuiOrganizationsAndTheyAnswerLikeMissingOnes() throws Exception {
		String missing = body(get("/organizations/{id}", MISSING).with(demo.as("wendeng")), 404);
		String outside = body(get("/organizations/{id}", huancui).with(demo.as("wendeng")), 404);
		assertThat(outside).isEqualTo(missing);
		for (String url : new String[] { "/organizations/%d/edit", "/organizations/%d/move" }) {
			mvc.perform(get(url.formatted(zhangcun)).with(demo.as("wendeng"))).andExpect(status().isNotFound());
		}
		mvc.perform(get("/organizations/new").param("parent", String.valueOf(huancui)).with(demo.as("wendeng")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/organizations/tree").param("parent", String.valueOf(huancui)).with(demo.as("wendeng")))
			.andExpect(status().isNotFound());
	}

	@Test
	void treeAndSearchShowOnlyTheScope() throws Exception {
		String tree = body(get("/organizations").with(demo.as("wendeng")), 200);
		assertThat(tree).contains("大水泊镇工会").doesNotContain("环翠区总工会").doesNotContain("张村镇工会");
		String found = body(get("/organizations").param("q", "工会").with(demo.as("wendeng")), 200);
		assertThat(found).contains("耕读小镇联合工会").doesNotContain("张村镇").doesNotContain("荣成");
		String code = jdbc.queryForObject("SELECT credit_code FROM organization WHERE id = ?", String.class, hengke);
		assertThat(body(get("/organizations").param("q", code.toLowerCase()).with(demo.as("huancui")), 200))
			.contains("威海恒科精工有限公司工会");
		assertThat(body(get("/organizations").param("q", code).with(demo.as("wendeng")), 200))
			.doesNotContain("威海恒科精工有限公司工会");
	}

	@Test
	void huancuiStaffReadsItsSubtreeOnly() throws Exception {
		mvc.perform(get("/organizations/{id}", zhangcun).with(demo.as("huancui"))).andExpect(status().isOk());
		mvc.perform(get("/organizations/{id}", wendeng).with(demo.as("huancui"))).andExpect(status().isNotFound());
	}

	@Test
	void federationAdminReachesEveryOrganization() throws Exception {
		for (long id : new long[] { wendeng, gengdu, huancui, hengke }) {
			mvc.perform(get("/organizations/{id}", id).with(demo.as("admin"))).andExpect(status().isOk());
		}
	}

	// ---- staff may not change anything; outside its scope it still sees 404 ----------------

	@Test
	void huancuiStaffCannotChangeOrganizationsInItsScope() throws Exception {
		mvc.perform(create(huancui, "GRASSROOTS_UNION", "新建测试工会").with(demo.as("huancui")))
			.andExpect(status().isForbidden());
		mvc.perform(edit(zhangcun, "改名").with(demo.as("huancui"))).andExpect(status().isForbidden());
		mvc.perform(move(hengke, huancui).with(demo.as("huancui"))).andExpect(status().isForbidden());
		mvc.perform(dissolve(hengke).with(demo.as("huancui"))).andExpect(status().isForbidden());
		mvc.perform(get("/organizations/{id}/edit", zhangcun).with(demo.as("huancui"))).andExpect(status().isForbidden());
		mvc.perform(get("/organizations/new").param("parent", String.valueOf(huancui)).with(demo.as("huancui")))
			.andExpect(status().isForbidden());
		assertThat(demo.status(hengke)).isEqualTo("ACTIVE");
		assertThat(demo.parentOf(hengke)).isEqualTo(zhangcun);
	}

	@Test
	void huancuiStaffGets404ForChangesOutsideItsScope() throws Exception {
		mvc.perform(create(wendeng, "GRASSROOTS_UNION", "新建测试工会").with(demo.as("huancui")))
			.andExpect(status().isNotFound());
		mvc.perform(edit(dashuibo, "改名").with(demo.as("huancui"))).andExpect(status().isNotFound());
		mvc.perform(move(wendengUnion, wendeng).with(demo.as("huancui"))).andExpect(status().isNotFound());
		mvc.perform(dissolve(wendengUnion).with(demo.as("huancui"))).andExpect(status().isNotFound());
	}

	// ---- organization administrators inside and outside their scope ------------------------

	@Test
	void wendengAdminCreatesEditsMovesAndDissolvesInsideItsScope() throws Exception {
		MvcResult created = mvc.perform(create(dashuibo, "GRASSROOTS_UNION", "大水泊测试机械厂工会").with(demo.as("wendeng")))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		long id = demo.org("大水泊测试机械厂工会");
		assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/organizations/" + id);
		assertThat(demo.parentOf(id)).isEqualTo(dashuibo);

		mvc.perform(edit(id, "大水泊测试精密机械厂工会").with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		assertThat(demo.org("大水泊测试精密机械厂工会")).isEqualTo(id);

		mvc.perform(move(id, wendeng).with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		assertThat(demo.parentOf(id)).isEqualTo(wendeng);
		assertThat(jdbc.queryForObject(
				"SELECT COUNT(*) FROM organization_closure WHERE descendant_id = ? AND ancestor_id = ?", Long.class, id,
				dashuibo)).isZero();
		assertThat(jdbc.queryForObject(
				"SELECT depth FROM organization_closure WHERE descendant_id = ? AND ancestor_id = ?", Integer.class, id,
				wendeng)).isEqualTo(1);

		mvc.perform(dissolve(id).with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		assertThat(demo.status(id)).isEqualTo("DISSOLVED");
	}

	@Test
	void wendengAdminGets404ForEveryChangeOutsideItsScope() throws Exception {
		mvc.perform(create(huancui, "GRASSROOTS_UNION", "越权测试工会").with(demo.as("wendeng")))
			.andExpect(status().isNotFound());
		mvc.perform(edit(zhangcun, "越权改名").with(demo.as("wendeng"))).andExpect(status().isNotFound());
		mvc.perform(move(hengke, wendeng).with(demo.as("wendeng"))).andExpect(status().isNotFound());
		mvc.perform(move(wendengUnion, zhangcun).with(demo.as("wendeng"))).andExpect(status().isNotFound());
		mvc.perform(dissolve(hengke).with(demo.as("wendeng"))).andExpect(status().isNotFound());
		mvc.perform(post("/organizations/{id}/affiliations", wendengUnion)
			.param("federationId", String.valueOf(demo.org("高新区打印机产业链工会联合会")))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().isNotFound());
		assertThat(demo.parentOf(hengke)).isEqualTo(zhangcun);
		assertThat(demo.parentOf(wendengUnion)).isEqualTo(dashuibo);
		assertThat(demo.status(hengke)).isEqualTo("ACTIVE");
	}

	@Test
	void administratorsCannotMoveOrDissolveTheirOwnOrganization() throws Exception {
		assertThat(body(move(wendeng, demo.org("威海市总工会")).with(demo.as("wendeng")), 200))
			.contains("不能调整您本级组织的隶属关系");
		mvc.perform(dissolve(wendeng).with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		assertThat(demo.status(wendeng)).isEqualTo("ACTIVE");
	}

	@Test
	void federationAdminCreatesAnywhere() throws Exception {
		mvc.perform(create(huancui, "GRASSROOTS_UNION", "环翠区测试电子厂工会").with(demo.as("admin")))
			.andExpect(status().is3xxRedirection());
		assertThat(demo.parentOf(demo.org("环翠区测试电子厂工会"))).isEqualTo(huancui);
	}

	// ---- rules -------------------------------------------------------------------------------

	@Test
	void dissolvingWithActiveChildrenIsRefusedWithAMessage() throws Exception {
		mvc.perform(dissolve(dashuibo).with(demo.as("wendeng")))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("flashError", "organization.error.hasActiveChildren"));
		assertThat(demo.status(dashuibo)).isEqualTo("ACTIVE");
	}

	@Test
	void movingUnderOwnDescendantIsRefused() throws Exception {
		String page = body(move(dashuibo, gengdu).with(demo.as("admin")), 200);
		assertThat(page).contains("不能调整到本组织自己的下级组织之下");
		assertThat(demo.parentOf(dashuibo)).isEqualTo(wendeng);
	}

	@Test
	void typeRulesAreEnforcedOnTheForm() throws Exception {
		String page = body(create(wendeng, "BRANCH", "文登区测试分会").with(demo.as("admin")), 200);
		assertThat(page).contains("该类型的组织不能隶属于此上级组织");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organization WHERE name = '文登区测试分会'", Long.class))
			.isZero();
	}

	@Test
	void siblingNamesAreUnique() throws Exception {
		String page = body(create(dashuibo, "REGIONAL_FEDERATION", "耕读小镇联合工会").with(demo.as("wendeng")), 200);
		assertThat(page).contains("同一上级组织下已有同名组织");
	}

	@Test
	void creditCodeIsChecked() throws Exception {
		String bad = body(create(dashuibo, "GRASSROOTS_UNION", "信用代码测试工会", "91371003MA3C00000X")
			.with(demo.as("wendeng")), 200);
		assertThat(bad).contains("统一社会信用代码无效", "第 18 位校验码不正确");
		// a right check character does not make a code: the page names the wrong part
		String department = body(create(dashuibo, "GRASSROOTS_UNION", "信用代码测试工会",
				"B1371003MA3C00000" + CreditCode.checkCharacter("B1371003MA3C00000")).with(demo.as("wendeng")), 200);
		assertThat(department).contains("第 1 位（登记管理部门代码）“B”");
		String category = body(create(dashuibo, "GRASSROOTS_UNION", "信用代码测试工会",
				"97371003MA3C00000" + CreditCode.checkCharacter("97371003MA3C00000")).with(demo.as("wendeng")), 200);
		assertThat(category).contains("第 2 位（机构类别代码）“7”不属于登记管理部门“9”，该部门可用 1/2/3");
		String division = body(create(dashuibo, "GRASSROOTS_UNION", "信用代码测试工会",
				"91991003MA3C00000" + CreditCode.checkCharacter("91991003MA3C00000")).with(demo.as("wendeng")), 200);
		assertThat(division).contains("第 3–8 位（行政区划码）“991003”");
		String english = body(create(dashuibo, "GRASSROOTS_UNION", "信用代码测试工会",
				"91991003MA3C00000" + CreditCode.checkCharacter("91991003MA3C00000")).param("lang", "en")
			.with(demo.as("wendeng")), 200);
		assertThat(english).contains("positions 3-8 (administrative division) &quot;991003&quot;");
		String onFederation = body(create(dashuibo, "REGIONAL_FEDERATION", "信用代码联合会", "91350100M000100Y43")
			.with(demo.as("wendeng")), 200);
		assertThat(onFederation).contains("只有企业基层工会填写统一社会信用代码");
		mvc.perform(create(dashuibo, "GRASSROOTS_UNION", "信用代码测试工会", "91350100M000100Y43").with(demo.as("wendeng")))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void badFormInputComesBackWithMessagesNotA500() throws Exception {
		String garbled = body(post("/organizations").param("parentId", String.valueOf(dashuibo))
			.param("type", "NO_SUCH_TYPE")
			.param("name", "乱码测试工会")
			.param("foundedOn", "2099-13-45")
			.with(csrf())
			.with(demo.as("wendeng")), 200);
		assertThat(garbled).contains("日期格式不正确").contains("格式不正确").contains("乱码测试工会");
		String blank = body(create(dashuibo, "GRASSROOTS_UNION", " ").with(demo.as("wendeng")), 200);
		assertThat(blank).contains("此项必填");
		String future = body(post("/organizations").param("parentId", String.valueOf(dashuibo))
			.param("type", "GRASSROOTS_UNION")
			.param("name", "未来工会")
			.param("foundedOn", "2999-01-01")
			.with(csrf())
			.with(demo.as("wendeng")), 200);
		assertThat(future).contains("日期不能晚于今天");
	}

	@Test
	void aStaleEditAnswers409AndChangesNothing() throws Exception {
		long version = demo.version(gengdu);
		mvc.perform(edit(gengdu, "耕读小镇联合工会（新）", version).with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		String page = body(edit(gengdu, "耕读小镇联合工会（旧页面）", version).with(demo.as("wendeng")), 409);
		assertThat(page).contains("内容已被修改");
		assertThat(demo.org("耕读小镇联合工会（新）")).isEqualTo(gengdu);
	}

	@Test
	void postsWithoutCsrfTokenAreRejected() throws Exception {
		mvc.perform(post("/organizations/{id}/dissolve", wendengUnion).param("version", "0").with(demo.as("admin")))
			.andExpect(status().isForbidden());
		assertThat(demo.status(wendengUnion)).isEqualTo("ACTIVE");
	}

	@Test
	void grassrootsUnionsJoinIndustryChainFederations() throws Exception {
		long chain = demo.org("高新区医疗器械产业链工会");
		long union = demo.org("威海世一电子有限公司工会");
		mvc.perform(post("/organizations/{id}/affiliations", union).param("federationId", String.valueOf(chain))
			.with(csrf())
			.with(demo.as("admin"))).andExpect(status().is3xxRedirection());
		assertThat(body(get("/organizations/{id}", chain).with(demo.as("admin")), 200)).contains("威海世一电子有限公司工会");
		mvc.perform(post("/organizations/{id}/affiliations", union).param("federationId", String.valueOf(chain))
			.with(csrf())
			.with(demo.as("admin"))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject(
				"SELECT COUNT(*) FROM organization_affiliation WHERE organization_id = ? AND federation_id = ?",
				Long.class, union, chain)).isEqualTo(1);
	}

	@Test
	void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
		mvc.perform(get("/organizations")).andExpect(status().is3xxRedirection());
	}

	// ---- helpers -----------------------------------------------------------------------------

	private String body(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
		return mvc.perform(request).andExpect(status().is(expectedStatus)).andReturn().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private MockHttpServletRequestBuilder create(long parent, String type, String name) {
		return create(parent, type, name, "");
	}

	private MockHttpServletRequestBuilder create(long parent, String type, String name, String creditCode) {
		return post("/organizations").param("parentId", String.valueOf(parent))
			.param("type", type)
			.param("name", name)
			.param("chair", "测试主席")
			.param("foundedOn", "2020-01-01")
			.param("creditCode", creditCode)
			.with(csrf());
	}

	private MockHttpServletRequestBuilder edit(long id, String name) {
		return edit(id, name, demo.version(id));
	}

	private MockHttpServletRequestBuilder edit(long id, String name, long version) {
		return post("/organizations/{id}", id).param("name", name)
			.param("type", jdbc.queryForObject("SELECT type FROM organization WHERE id = ?", String.class, id))
			.param("chair", "新主席")
			.param("version", String.valueOf(version))
			.with(csrf());
	}

	private MockHttpServletRequestBuilder move(long id, long newParent) {
		return post("/organizations/{id}/move", id).param("parentId", String.valueOf(newParent))
			.param("version", String.valueOf(demo.version(id)))
			.with(csrf());
	}

	private MockHttpServletRequestBuilder dissolve(long id) {
		return post("/organizations/{id}/dissolve", id).param("version", String.valueOf(demo.version(id)))
			.param("dissolvedOn", "2026-01-01")
			.with(csrf());
	}
}
