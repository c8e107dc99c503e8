package cn.unionportal.benefits;

import cn.unionportal.support.IdNumbers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Benefits through the staff pages and the self-service API: scope for every page and POST (a
 * member outside the scope answers like a missing one), merchants managed by federation staff
 * only, merchant filters, one enrolment per member and programme, claims amounts, entitlements
 * that expire by themselves, and exactly what {@code benefitsOf} tells a member.
 */
@Transactional
class BenefitsTest extends PostgresIntegrationTest {

	/** Distinct valid ID numbers for this test class (region 371002, born 1979). */
	private static final AtomicLong SEQUENCE = new AtomicLong(500);

	@Autowired
	BenefitsManagement benefits;

	@Autowired
	BenefitEnrolments enrolments;

	long wendengUnion;

	long huancuiUnion;

	long wendengDistrict;

	long rongchengDistrict;

	LocalDate today;

	@BeforeEach
	void lookUp() {
		wendengUnion = demo.org("大明国际控股有限公司威海分公司工会");
		huancuiUnion = demo.org("威海恒科精工有限公司工会");
		wendengDistrict = demo.org("文登区总工会");
		rongchengDistrict = demo.org("荣成市总工会");
		today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
	}

	// ---- helpers ---------------------------------------------------------------------------------

	static String newIdNumber() {
		long n = SEQUENCE.incrementAndGet();
		return IdNumbers.resident("371002", 1979, n);
	}

	private long member(long organization, String name, String user) throws Exception {
		mvc.perform(post("/members").param("name", name)
			.param("documentType", "RESIDENT_ID")
			.param("idNumber", newIdNumber())
			.param("employmentType", "ON_THE_JOB")
			.param("organizationId", String.valueOf(organization))
			.param("joinDate", "2020-05-01")
			.with(csrf())
			.with(demo.as(user))).andExpect(status().is3xxRedirection());
		return jdbc.queryForObject("SELECT id FROM member WHERE name = ? ORDER BY id DESC LIMIT 1", Long.class, name);
	}

	/** This year's mutual-aid programme, created at start-up by the demo loader. */
	private long currentProgramme() {
		return jdbc.queryForObject("SELECT id FROM benefit_programme WHERE programme_year = ? AND kind = 'MUTUAL_AID_INSURANCE'",
				Long.class, today.getYear());
	}

	private MockHttpServletRequestBuilder enrol(long programme, long member, String user) {
		return post("/benefits/enrolments").param("programmeId", String.valueOf(programme))
			.param("memberId", String.valueOf(member))
			.param("enrolledOn", today.toString())
			.with(csrf())
			.with(demo.as(user));
	}

	private long enrolmentOf(long member) {
		return jdbc.queryForObject("SELECT id FROM insurance_enrolment WHERE member_id = ? ORDER BY id DESC LIMIT 1",
				Long.class, member);
	}

	private long entitlementOf(long member) {
		return jdbc.queryForObject("SELECT id FROM member_entitlement WHERE member_id = ? ORDER BY id DESC LIMIT 1",
				Long.class, member);
	}

	private long version(String table, long id) {
		return jdbc.queryForObject("SELECT version FROM " + table + " WHERE id = ?", Long.class, id);
	}

	private MockHttpServletRequestBuilder grant(long member, String kind, LocalDate from, LocalDate until, String user) {
		return post("/benefits/entitlements").param("memberId", String.valueOf(member))
			.param("kind", kind)
			.param("description", "测试权益")
			.param("validFrom", from.toString())
			.param("validUntil", until == null ? "" : until.toString())
			.with(csrf())
			.with(demo.as(user));
	}

	private MockHttpServletRequestBuilder newMerchant(String name, String category, long district, String user) {
		return post("/benefits/merchants").param("name", name)
			.param("category", category)
			.param("districtId", String.valueOf(district))
			.param("address", "测试路 1 号")
			.param("discount", "9折")
			.with(csrf())
			.with(demo.as(user));
	}

	private long merchantId(String name) {
		return jdbc.queryForObject("SELECT id FROM partner_merchant WHERE name = ?", Long.class, name);
	}

	private String body(MockHttpServletRequestBuilder request, int status) throws Exception {
		return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	// ---- scope -----------------------------------------------------------------------------------

	@Test
	void wendengCannotSeeEnrolOrGrantToAHuancuiMember() throws Exception {
		long huancuiMember = member(huancuiUnion, "环翠参保人", "huancui");
		long programme = currentProgramme();
		mvc.perform(enrol(programme, huancuiMember, "huancui")).andExpect(status().is3xxRedirection());
		mvc.perform(grant(huancuiMember, "HEALTH_CHECK", today, null, "huancui")).andExpect(status().is3xxRedirection());
		long enrolment = enrolmentOf(huancuiMember);
		long entitlement = entitlementOf(huancuiMember);

		mvc.perform(get("/benefits/members/{id}", huancuiMember).with(demo.as("wendeng"))).andExpect(status().isNotFound());
		mvc.perform(get("/benefits/enrolments/new").param("member", String.valueOf(huancuiMember)).with(demo.as("wendeng")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/benefits/entitlements/new").param("member", String.valueOf(huancuiMember)).with(demo.as("wendeng")))
			.andExpect(status().isNotFound());
		mvc.perform(enrol(programme, huancuiMember, "wendeng")).andExpect(status().isNotFound());
		mvc.perform(grant(huancuiMember, "HEALTH_CHECK", today, null, "wendeng")).andExpect(status().isNotFound());
		mvc.perform(post("/benefits/enrolments/{id}/cancel", enrolment)
			.param("version", String.valueOf(version("insurance_enrolment", enrolment)))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().isNotFound());
		mvc.perform(get("/benefits/enrolments/{id}/claims", enrolment).with(demo.as("wendeng")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/benefits/enrolments/{id}/claims", enrolment).param("claimsPaid", "100")
			.param("version", String.valueOf(version("insurance_enrolment", enrolment)))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().isNotFound());
		mvc.perform(post("/benefits/entitlements/{id}/status", entitlement).param("status", "REVOKED")
			.param("version", String.valueOf(version("member_entitlement", entitlement)))
			.param("member", String.valueOf(huancuiMember))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().isNotFound());

		assertThat(body(get("/benefits/enrolments").with(demo.as("wendeng")), 200)).doesNotContain("环翠参保人");
		assertThat(body(get("/benefits/entitlements").with(demo.as("wendeng")), 200)).doesNotContain("环翠参保人");
		assertThat(body(get("/benefits/enrolments").param("q", "环翠参保人").with(demo.as("admin")), 200))
			.contains("环翠参保人");
		assertThat(body(get("/benefits/entitlements").with(demo.as("huancui")), 200)).contains("环翠参保人");
		assertThat(jdbc.queryForObject("SELECT status FROM insurance_enrolment WHERE id = ?", String.class, enrolment))
			.isEqualTo("ENROLLED");
		assertThat(jdbc.queryForObject("SELECT claims_paid FROM insurance_enrolment WHERE id = ?", BigDecimal.class, enrolment))
			.isEqualByComparingTo("0");
		assertThat(jdbc.queryForObject("SELECT status FROM member_entitlement WHERE id = ?", String.class, entitlement))
			.isEqualTo("GRANTED");
	}

	@Test
	void everyStaffPageRendersInScope() throws Exception {
		long member = member(wendengUnion, "页面测试", "wendeng");
		mvc.perform(enrol(currentProgramme(), member, "wendeng")).andExpect(status().is3xxRedirection());
		for (String user : List.of("admin", "wendeng", "huancui")) {
			assertThat(body(get("/benefits").with(demo.as(user)), 200)).contains("职工互助保障");
			body(get("/benefits/enrolments").with(demo.as(user)), 200);
			body(get("/benefits/entitlements").with(demo.as(user)), 200);
			body(get("/benefits/enrolments/new").param("q", "页面").with(demo.as(user)), 200);
			assertThat(body(get("/benefits/merchants").with(demo.as(user)), 200)).contains("威海刘公岛海鲜大酒店");
		}
		assertThat(body(get("/benefits/members/{id}", member).with(demo.as("wendeng")), 200)).contains("页面测试")
			.contains("已参保")
			.contains(today.getYear() + " 年度已参加职工互助保障");
		assertThat(body(get("/benefits/enrolments/new").param("q", "页面测试").with(demo.as("wendeng")), 200))
			.contains("/benefits/enrolments/new?member=" + member);
		assertThat(body(get("/benefits/entitlements/new").param("q", "页面测试").with(demo.as("huancui")), 200))
			.doesNotContain("/benefits/entitlements/new?member=" + member);
		assertThat(body(get("/benefits/enrolments/new").param("member", String.valueOf(member)).with(demo.as("wendeng")), 200))
			.contains("页面测试");
		assertThat(body(get("/benefits/entitlements/new").param("member", String.valueOf(member)).with(demo.as("admin")), 200))
			.contains("页面测试");
		assertThat(body(get("/benefits/enrolments/{id}/claims", enrolmentOf(member)).with(demo.as("wendeng")), 200))
			.contains("页面测试");
		assertThat(body(get("/benefits").param("lang", "en").with(demo.as("admin")), 200)).contains("Member benefits");
	}

	// ---- merchants ---------------------------------------------------------------------------------

	@Test
	void onlyFederationStaffManageMerchants() throws Exception {
		long existing = merchantId("威海刘公岛海鲜大酒店");
		long version = version("partner_merchant", existing);
		for (String user : List.of("huancui", "wendeng")) {
			body(get("/benefits/merchants").with(demo.as(user)), 200);
			mvc.perform(get("/benefits/merchants/new").with(demo.as(user))).andExpect(status().isForbidden());
			mvc.perform(newMerchant("越权商户", "DINING", wendengDistrict, user)).andExpect(status().isForbidden());
			mvc.perform(get("/benefits/merchants/{id}/edit", existing).with(demo.as(user))).andExpect(status().isForbidden());
			mvc.perform(post("/benefits/merchants/{id}", existing).param("name", "改名")
				.param("category", "DINING")
				.param("districtId", String.valueOf(wendengDistrict))
				.param("discount", "8折")
				.param("version", String.valueOf(version))
				.with(csrf())
				.with(demo.as(user))).andExpect(status().isForbidden());
			mvc.perform(post("/benefits/merchants/{id}/status", existing).param("status", "INACTIVE")
				.param("version", String.valueOf(version))
				.with(csrf())
				.with(demo.as(user))).andExpect(status().isForbidden());
			mvc.perform(get("/benefits/programmes/new").with(demo.as(user))).andExpect(status().isForbidden());
		}
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM partner_merchant WHERE name IN ('越权商户', '改名')", Long.class))
			.isZero();
		assertThat(jdbc.queryForObject("SELECT status FROM partner_merchant WHERE id = ?", String.class, existing))
			.isEqualTo("ACTIVE");

		mvc.perform(newMerchant("文登测试饭店", "DINING", wendengDistrict, "admin")).andExpect(status().is3xxRedirection());
		assertThat(body(newMerchant("文登测试饭店", "RETAIL", wendengDistrict, "admin"), 200)).contains("该区市已有同名商户");
		long created = merchantId("文登测试饭店");
		mvc.perform(post("/benefits/merchants/{id}", created).param("name", "文登测试饭店（新店）")
			.param("category", "DINING")
			.param("districtId", String.valueOf(wendengDistrict))
			.param("discount", "8折")
			.param("version", String.valueOf(version("partner_merchant", created)))
			.with(csrf())
			.with(demo.as("admin"))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/benefits/merchants/{id}", created).param("name", "旧页面")
			.param("category", "DINING")
			.param("districtId", String.valueOf(wendengDistrict))
			.param("discount", "8折")
			.param("version", "0")
			.with(csrf())
			.with(demo.as("admin"))).andExpect(status().isConflict());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE subject_type = 'MERCHANT' AND subject_id = ?"
				+ " AND organization_id = ?", Long.class, created, wendengDistrict)).isEqualTo(2);
		assertThat(body(newMerchant("无区市", "DINING", huancuiUnion, "admin"), 200)).contains("请选择一个区市总工会");
	}

	@Test
	void membersFilterActiveMerchantsByDistrictAndCategory() throws Exception {
		mvc.perform(newMerchant("文登测试餐馆", "DINING", wendengDistrict, "admin")).andExpect(status().is3xxRedirection());
		mvc.perform(newMerchant("文登测试药店", "HEALTH", wendengDistrict, "admin")).andExpect(status().is3xxRedirection());
		mvc.perform(newMerchant("荣成测试餐馆", "DINING", rongchengDistrict, "admin")).andExpect(status().is3xxRedirection());
		mvc.perform(newMerchant("文登停业餐馆", "DINING", wendengDistrict, "admin")).andExpect(status().is3xxRedirection());
		long closed = merchantId("文登停业餐馆");
		mvc.perform(post("/benefits/merchants/{id}/status", closed).param("status", "INACTIVE")
			.param("version", String.valueOf(version("partner_merchant", closed)))
			.with(csrf())
			.with(demo.as("admin"))).andExpect(status().is3xxRedirection());

		var dining = benefits.merchants(wendengDistrict, MerchantCategory.DINING, PageRequest.of(0, 100)).getContent();
		assertThat(dining).allSatisfy(m -> {
			assertThat(m.districtId()).isEqualTo(wendengDistrict);
			assertThat(m.districtName()).isEqualTo("文登区总工会");
			assertThat(m.category()).isEqualTo(MerchantCategory.DINING);
			assertThat(m.isActive()).isTrue();
		});
		assertThat(dining).extracting(MerchantView::name).contains("文登测试餐馆")
			.doesNotContain("文登测试药店", "荣成测试餐馆", "文登停业餐馆");
		assertThat(benefits.merchants(null, MerchantCategory.DINING, PageRequest.of(0, 100)).getContent())
			.extracting(MerchantView::name).contains("文登测试餐馆", "荣成测试餐馆").doesNotContain("文登测试药店", "文登停业餐馆");
		assertThat(benefits.merchants(wendengDistrict, null, PageRequest.of(0, 100)).getContent())
			.extracting(MerchantView::name).contains("文登测试餐馆", "文登测试药店").doesNotContain("荣成测试餐馆", "文登停业餐馆");
		assertThat(benefits.merchants(null, null, PageRequest.of(0, 100)).getContent())
			.allSatisfy(m -> assertThat(m.isActive()).isTrue());
		assertThat(benefits.districts()).extracting(DistrictOption::name)
			.contains("环翠区总工会", "文登区总工会", "荣成市总工会", "乳山市总工会")
			.doesNotContain("威海市总工会", "张村镇工会");

		String page = body(get("/benefits/merchants").param("district", String.valueOf(wendengDistrict))
			.param("category", "DINING")
			.with(demo.as("huancui")), 200);
		assertThat(page).contains("文登测试餐馆", "文登停业餐馆").doesNotContain("文登测试药店", "荣成测试餐馆");
		assertThat(body(get("/benefits/merchants").param("district", String.valueOf(wendengDistrict))
			.param("category", "DINING")
			.param("status", "ACTIVE")
			.with(demo.as("huancui")), 200)).doesNotContain("文登停业餐馆");
	}

	// ---- enrolments ----------------------------------------------------------------------------------

	@Test
	void enrollingTwiceKeepsOneEnrolmentAndSaysSo() throws Exception {
		long member = member(huancuiUnion, "重复参保", "huancui");
		long programme = currentProgramme();
		mvc.perform(enrol(programme, member, "huancui")).andExpect(status().is3xxRedirection());
		assertThat(body(enrol(programme, member, "huancui"), 200)).contains("该会员已参加此保障项目，无需重复参保");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM insurance_enrolment WHERE member_id = ?", Long.class, member))
			.isEqualTo(1);
		long enrolment = enrolmentOf(member);
		assertThat(jdbc.queryForObject("SELECT organization_id FROM insurance_enrolment WHERE id = ?", Long.class, enrolment))
			.isEqualTo(huancuiUnion);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE subject_type = 'BENEFIT_ENROLMENT'"
				+ " AND subject_id = ? AND action = 'BENEFIT_ENROLLED' AND organization_id = ?", Long.class, enrolment,
				huancuiUnion)).isEqualTo(1);

		mvc.perform(post("/benefits/enrolments/{id}/cancel", enrolment)
			.param("version", String.valueOf(version("insurance_enrolment", enrolment)))
			.with(csrf())
			.with(demo.as("huancui"))).andExpect(status().is3xxRedirection());
		assertThat(benefits.benefitsOf(member, today).insuredThisYear()).isFalse();
		mvc.perform(enrol(programme, member, "huancui")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM insurance_enrolment WHERE member_id = ?", Long.class, member))
			.isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT status FROM insurance_enrolment WHERE id = ?", String.class, enrolment))
			.isEqualTo("ENROLLED");
		assertThat(benefits.benefitsOf(member, today).insuredThisYear()).isTrue();
	}

	@Test
	void claimsPaidMustBeAnAmountOfAtLeastZero() throws Exception {
		long member = member(wendengUnion, "理赔测试", "wendeng");
		mvc.perform(enrol(currentProgramme(), member, "wendeng")).andExpect(status().is3xxRedirection());
		long enrolment = enrolmentOf(member);
		for (String bad : List.of("-1", "12.345", "-0.01")) {
			assertThat(body(post("/benefits/enrolments/{id}/claims", enrolment).param("claimsPaid", bad)
				.param("version", String.valueOf(version("insurance_enrolment", enrolment)))
				.with(csrf())
				.with(demo.as("wendeng")), 200)).as(bad).contains("金额应为不小于 0 的数字，最多两位小数");
		}
		assertThat(body(post("/benefits/enrolments/{id}/claims", enrolment).param("claimsPaid", "abc")
			.param("version", String.valueOf(version("insurance_enrolment", enrolment)))
			.with(csrf())
			.with(demo.as("wendeng")), 200)).contains("格式不正确");
		assertThat(body(post("/benefits/enrolments/{id}/claims", enrolment).param("claimsPaid", "")
			.param("version", String.valueOf(version("insurance_enrolment", enrolment)))
			.with(csrf())
			.with(demo.as("wendeng")), 200)).contains("此项必填");
		assertThat(jdbc.queryForObject("SELECT claims_paid FROM insurance_enrolment WHERE id = ?", BigDecimal.class, enrolment))
			.isEqualByComparingTo("0");

		mvc.perform(post("/benefits/enrolments/{id}/claims", enrolment).param("claimsPaid", "9029.5")
			.param("version", String.valueOf(version("insurance_enrolment", enrolment)))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT claims_paid FROM insurance_enrolment WHERE id = ?", BigDecimal.class, enrolment))
			.isEqualByComparingTo("9029.50");
		assertThat(jdbc.queryForObject("SELECT details FROM audit_event WHERE subject_type = 'BENEFIT_ENROLMENT' AND subject_id = ?"
				+ " AND action = 'BENEFIT_CLAIMS_PAID'", String.class, enrolment)).isEqualTo("claims paid: 0.00 → 9029.50");
		mvc.perform(post("/benefits/enrolments/{id}/claims", enrolment).param("claimsPaid", "1")
			.param("version", "0")
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().isConflict());
		mvc.perform(post("/benefits/enrolments/{id}/claims", enrolment).param("claimsPaid", "0")
			.param("version", String.valueOf(version("insurance_enrolment", enrolment)))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT claims_paid FROM insurance_enrolment WHERE id = ?", BigDecimal.class, enrolment))
			.isEqualByComparingTo("0");

		CurrentUser admin = CurrentUser.system(demo.org("威海市总工会"));
		long current = version("insurance_enrolment", enrolment);
		assertThatThrownBy(() -> enrolments.recordClaimsPaid(admin, enrolment, current, new BigDecimal("-5")))
			.isInstanceOf(RuleViolationException.class)
			.hasMessage("benefit.error.amount");
		assertThatThrownBy(() -> enrolments.recordClaimsPaid(admin, enrolment, current, null))
			.isInstanceOf(RuleViolationException.class)
			.hasMessage("validation.required");
	}

	// ---- entitlements ---------------------------------------------------------------------------------

	@Test
	void aGrantedEntitlementExpiresByItselfAfterItsPeriod() throws Exception {
		long member = member(wendengUnion, "过期权益", "wendeng");
		LocalDate from = today.minusDays(30);
		LocalDate until = today.minusDays(1);
		mvc.perform(grant(member, "RECUPERATION_LEAVE", from, until, "wendeng")).andExpect(status().is3xxRedirection());

		EntitlementView now = benefits.benefitsOf(member, today).entitlements().get(0);
		assertThat(now.status()).isEqualTo(EntitlementStatus.GRANTED);
		assertThat(now.effectiveStatus()).isEqualTo(EntitlementStatus.EXPIRED);
		assertThat(benefits.benefitsOf(member, until).entitlements().get(0).effectiveStatus())
			.isEqualTo(EntitlementStatus.GRANTED);
		assertThat(body(get("/benefits/members/{id}", member).with(demo.as("wendeng")), 200)).contains("已过期");

		assertThat(body(grant(member, "HEALTH_CHECK", today, today.minusDays(1), "wendeng"), 200))
			.contains("结束日期不能早于开始日期");
		mvc.perform(grant(member, "HEALTH_CHECK", today, null, "wendeng")).andExpect(status().is3xxRedirection());
		long open = entitlementOf(member);
		mvc.perform(post("/benefits/entitlements/{id}/status", open).param("status", "USED")
			.param("version", String.valueOf(version("member_entitlement", open)))
			.param("member", String.valueOf(member))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/benefits/entitlements/{id}/status", open).param("status", "REVOKED")
			.param("version", String.valueOf(version("member_entitlement", open)))
			.param("member", String.valueOf(member))
			.with(csrf())
			.with(demo.as("wendeng")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("flashError", "benefit.entitlement.error.transition"));
		assertThat(jdbc.queryForObject("SELECT status FROM member_entitlement WHERE id = ?", String.class, open))
			.isEqualTo("USED");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE subject_type = 'BENEFIT_ENTITLEMENT'"
				+ " AND subject_id = ?", Long.class, open)).isEqualTo(2);
	}

	@Test
	void aLapsedMemberIsNeitherEnrolledNorGranted() throws Exception {
		long member = member(wendengUnion, "退会会员", "wendeng");
		mvc.perform(post("/members/{id}/status", member).param("status", "LAPSED")
			.param("version", String.valueOf(version("member", member)))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		assertThat(body(enrol(currentProgramme(), member, "wendeng"), 200)).contains("只有在册会员才能参保或享受权益");
		assertThat(body(grant(member, "HEALTH_CHECK", today, null, "wendeng"), 200)).contains("只有在册会员才能参保或享受权益");
	}

	@Test
	void enrolmentsAndEntitlementsFollowATransferredMember() throws Exception {
		long member = member(wendengUnion, "转会参保", "wendeng");
		mvc.perform(enrol(currentProgramme(), member, "wendeng")).andExpect(status().is3xxRedirection());
		mvc.perform(grant(member, "HEALTH_CHECK", today, null, "wendeng")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/members/{id}/transfer", member).param("toOrganizationId", String.valueOf(huancuiUnion))
			.param("version", String.valueOf(version("member", member)))
			.with(csrf())
			.with(demo.as("admin"))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT organization_id FROM member WHERE id = ?", Long.class, member))
			.isEqualTo(huancuiUnion);
		assertThat(jdbc.queryForObject("SELECT organization_id FROM insurance_enrolment WHERE member_id = ?", Long.class,
				member)).isEqualTo(huancuiUnion);
		assertThat(jdbc.queryForObject("SELECT organization_id FROM member_entitlement WHERE member_id = ?", Long.class,
				member)).isEqualTo(huancuiUnion);
		assertThat(body(get("/benefits/enrolments").with(demo.as("huancui")), 200)).contains("转会参保");
		assertThat(body(get("/benefits/enrolments").with(demo.as("wendeng")), 200)).doesNotContain("转会参保");
	}

	// ---- self-service ---------------------------------------------------------------------------------

	@Test
	void benefitsOfTellsAMemberExactlyTheirEnrolmentsAndEntitlements() throws Exception {
		int later = today.getYear() + 5;
		mvc.perform(post("/benefits/programmes").param("kind", "MUTUAL_AID_INSURANCE")
			.param("name", later + " 年度职工互助保障")
			.param("year", String.valueOf(later))
			.param("periodStart", later + "-01-01")
			.param("periodEnd", later + "-12-31")
			.param("premium", "30")
			.with(csrf())
			.with(demo.as("admin"))).andExpect(status().is3xxRedirection());
		assertThat(body(post("/benefits/programmes").param("kind", "MUTUAL_AID_INSURANCE")
			.param("name", "重复项目")
			.param("year", String.valueOf(later))
			.param("periodStart", later + "-01-01")
			.param("periodEnd", later + "-12-31")
			.with(csrf())
			.with(demo.as("admin")), 200)).contains("年度的同类项目已经存在");
		mvc.perform(post("/benefits/programmes").param("kind", "MUTUAL_AID_INSURANCE")
			.param("name", "越权项目")
			.param("year", String.valueOf(later + 1))
			.param("periodStart", later + "-01-01")
			.param("periodEnd", later + "-12-31")
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().isForbidden());
		long future = jdbc.queryForObject("SELECT id FROM benefit_programme WHERE programme_year = ?", Long.class, later);
		long current = currentProgramme();
		String currentName = jdbc.queryForObject("SELECT name FROM benefit_programme WHERE id = ?", String.class, current);

		long member = member(wendengUnion, "权益本人", "wendeng");
		long other = member(wendengUnion, "别人", "wendeng");
		mvc.perform(enrol(current, member, "wendeng")).andExpect(status().is3xxRedirection());
		long currentEnrolment = enrolmentOf(member);
		mvc.perform(enrol(future, member, "wendeng")).andExpect(status().is3xxRedirection());
		long futureEnrolment = enrolmentOf(member);
		mvc.perform(post("/benefits/enrolments/{id}/claims", currentEnrolment).param("claimsPaid", "1234.5")
			.param("version", String.valueOf(version("insurance_enrolment", currentEnrolment)))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		mvc.perform(grant(member, "HEALTH_CHECK", today.minusDays(10), today.plusDays(10), "wendeng"))
			.andExpect(status().is3xxRedirection());
		long entitlement = entitlementOf(member);
		mvc.perform(enrol(current, other, "wendeng")).andExpect(status().is3xxRedirection());
		mvc.perform(grant(other, "RECUPERATION_LEAVE", today, null, "wendeng")).andExpect(status().is3xxRedirection());

		MemberBenefits mine = benefits.benefitsOf(member, today);
		String card = jdbc.queryForObject("SELECT card_number FROM member WHERE id = ?", String.class, member);
		assertThat(mine.memberId()).isEqualTo(member);
		assertThat(mine.today()).isEqualTo(today);
		assertThat(mine.insuredThisYear()).isTrue();
		assertThat(mine.enrolments()).containsExactly(
				new EnrolmentView(futureEnrolment, future, later + " 年度职工互助保障", later, LocalDate.of(later, 1, 1),
						LocalDate.of(later, 12, 31), member, "权益本人", card, wendengUnion,
						"大明国际控股有限公司威海分公司工会", today, EnrolmentStatus.ENROLLED, null,
						new BigDecimal("0.00"), 0),
				new EnrolmentView(currentEnrolment, current, currentName, today.getYear(),
						LocalDate.of(today.getYear(), 1, 1), LocalDate.of(today.getYear(), 12, 31), member, "权益本人",
						card, wendengUnion, "大明国际控股有限公司威海分公司工会", today, EnrolmentStatus.ENROLLED, null,
						new BigDecimal("1234.50"), 1));
		assertThat(mine.entitlements()).containsExactly(new EntitlementView(entitlement, member, "权益本人", wendengUnion,
				"大明国际控股有限公司威海分公司工会", EntitlementKind.HEALTH_CHECK, "测试权益", today.minusDays(10),
				today.plusDays(10), EntitlementStatus.GRANTED, EntitlementStatus.GRANTED, EntitlementSource.STAFF,
				"wendeng", 0));

		MemberBenefits later11 = benefits.benefitsOf(member, today.plusDays(11));
		assertThat(later11.entitlements().get(0).effectiveStatus()).isEqualTo(EntitlementStatus.EXPIRED);
		MemberBenefits nextYear = benefits.benefitsOf(member, LocalDate.of(today.getYear() + 1, 6, 1));
		assertThat(nextYear.insuredThisYear()).isFalse();
		assertThatThrownBy(() -> benefits.benefitsOf(Long.MAX_VALUE, today))
			.isInstanceOf(cn.unionportal.shared.NotFoundException.class);
	}
}
