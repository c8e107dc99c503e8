package cn.unionportal.member;

import cn.unionportal.support.IdNumbers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.List;

import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The member registry through its pages: registration rules, one active membership per person
 * across the federation, masking and audited reveals, transfers across scopes, and scope for every
 * member page and POST (outside the scope answers like a missing member).
 */
@Transactional
@RecordApplicationEvents
class MemberRegistryTest extends PostgresIntegrationTest {

	@Autowired
	ApplicationEvents published;

	@Autowired
	java.time.Clock clock;

	/** Distinct valid ID numbers for this test class (region 371003, born 1985). */
	private static final AtomicLong SEQUENCE = new AtomicLong(100);

	long wendengUnion;

	long huancuiUnion;

	@BeforeEach
	void lookUp() {
		wendengUnion = demo.org("大明国际控股有限公司威海分公司工会");
		huancuiUnion = demo.org("威海恒科精工有限公司工会");
	}

	static String newIdNumber() {
		long n = SEQUENCE.incrementAndGet();
		return IdNumbers.resident("371003", 1985, n);
	}

	private MockHttpServletRequestBuilder register(long organization, String name, String idNumber, String phone) {
		return post("/members").param("name", name)
			.param("documentType", "RESIDENT_ID")
			.param("idNumber", idNumber)
			.param("phone", phone)
			.param("employmentType", "MIGRANT_WORKER")
			.param("organizationId", String.valueOf(organization))
			.param("joinDate", "2024-03-01")
			.with(csrf());
	}

	private long registered(long organization, String name, String user) throws Exception {
		String id = newIdNumber();
		mvc.perform(register(organization, name, id, "13912345678").with(demo.as(user)))
			.andExpect(status().is3xxRedirection());
		return memberId(name);
	}

	private long memberId(String name) {
		return jdbc.queryForObject("SELECT id FROM member WHERE name = ? ORDER BY id DESC LIMIT 1", Long.class, name);
	}

	private long version(long member) {
		return jdbc.queryForObject("SELECT version FROM member WHERE id = ?", Long.class, member);
	}

	private String body(MockHttpServletRequestBuilder request, int status) throws Exception {
		return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	// ---- registration ------------------------------------------------------------------------

	@Test
	void registeringStoresOnlyProtectedValuesAndIssuesACheckedCardNumber() throws Exception {
		String idNumber = newIdNumber();
		mvc.perform(register(wendengUnion, "王建初", idNumber, "138-1234-5678").with(demo.as("wendeng")))
			.andExpect(status().is3xxRedirection());
		var row = jdbc.queryForMap("SELECT * FROM member WHERE id = ?", memberId("王建初"));
		assertThat(row.get("id_number_cipher").toString()).doesNotContain(idNumber).doesNotContain("371003");
		assertThat(row.get("id_number_masked")).isEqualTo("*".repeat(16) + idNumber.substring(16));
		assertThat(row.get("phone_masked")).isEqualTo("138****5678");
		assertThat(row.get("phone_cipher").toString()).doesNotContain("13812345678");
		// the birth year in clear, the date only encrypted (issue 8)
		assertThat(((Number) row.get("birth_year")).intValue()).isEqualTo(Integer.parseInt(idNumber.substring(6, 10)));
		assertThat(row).doesNotContainKeys("birth_date", "id_last_four");
		assertThat(row.get("birth_date_cipher").toString()).doesNotContain(idNumber.substring(6, 14))
			.doesNotContain(idNumber.substring(6, 10));
		assertThat(CardNumbers.isValid((String) row.get("card_number"))).isTrue();
		// the card carries the year it was issued, not the join year
		assertThat((String) row.get("card_number"))
			.startsWith("WH" + (java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() % 100));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE subject_type = 'MEMBER' AND subject_id = ? AND action = 'CREATE'",
				Long.class, row.get("id"))).isEqualTo(1);
	}

	@Test
	void badIdNumbersPhonesAndMismatchesComeBackToTheForm() throws Exception {
		String valid = newIdNumber();
		char wrongCheck = valid.charAt(17) == '1' ? '2' : '1';
		assertThat(body(register(wendengUnion, "校验位", valid.substring(0, 17) + wrongCheck, "").with(demo.as("wendeng")), 200))
			.contains("证件号码校验位不正确");
		assertThat(body(register(wendengUnion, "手机", newIdNumber(), "12345").with(demo.as("wendeng")), 200))
			.contains("手机号码应为 11 位");
		assertThat(body(register(wendengUnion, "性别", valid, "").param("gender",
				Integer.parseInt(valid.substring(16, 17)) % 2 == 1 ? "FEMALE" : "MALE").with(demo.as("wendeng")), 200))
			.contains("性别与证件号码不一致");
		assertThat(body(register(wendengUnion, "", "", "").with(demo.as("wendeng")), 200)).contains("此项必填");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE name IN ('校验位', '手机', '性别')", Long.class))
			.isZero();
	}

	@Test
	void onePersonHoldsOneActiveMembershipAcrossTheWholeFederation() throws Exception {
		String idNumber = newIdNumber();
		mvc.perform(register(huancuiUnion, "张三", idNumber, "").with(demo.as("huancui")))
			.andExpect(status().is3xxRedirection());
		String elsewhere = body(register(wendengUnion, "张三", idNumber.toLowerCase(), "").with(demo.as("wendeng")), 200);
		assertThat(elsewhere).contains("此人已是本市其他工会的在册会员").doesNotContain("威海恒科精工");
		String inScope = body(register(wendengUnion, "张三", idNumber, "").with(demo.as("admin")), 200);
		assertThat(inScope).contains("此人已是“威海恒科精工有限公司工会”的在册会员");
	}

	@Test
	void aLapsedMemberCanJoinAgainElsewhereButNotBeReactivatedTwice() throws Exception {
		String idNumber = newIdNumber();
		mvc.perform(register(huancuiUnion, "李四", idNumber, "").with(demo.as("huancui")));
		long first = memberId("李四");
		mvc.perform(post("/members/{id}/status", first).param("status", "LAPSED")
			.param("version", String.valueOf(version(first)))
			.with(csrf())
			.with(demo.as("huancui"))).andExpect(status().is3xxRedirection());
		// what the coming statistics module will count: joined, and left (lapsed)
		java.time.LocalDate joined = jdbc.queryForObject("SELECT join_date FROM member WHERE id = ?",
				java.time.LocalDate.class, first);
		assertThat(published.stream(MemberEvents.MemberJoined.class))
			.containsExactly(new MemberEvents.MemberJoined(first, huancuiUnion, joined));
		assertThat(published.stream(MemberEvents.MemberStatusChanged.class)).containsExactly(
				new MemberEvents.MemberStatusChanged(first, MemberStatus.ACTIVE, MemberStatus.LAPSED, huancuiUnion,
						java.time.LocalDate.now(clock)));
		mvc.perform(register(wendengUnion, "李四", idNumber, "").with(demo.as("wendeng")))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/members/{id}/status", first).param("status", "ACTIVE")
			.param("version", String.valueOf(version(first)))
			.with(csrf())
			.with(demo.as("huancui")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("flashError", "member.error.duplicateElsewhere"));
		assertThat(jdbc.queryForObject("SELECT status FROM member WHERE id = ?", String.class, first)).isEqualTo("LAPSED");
	}

	// ---- masking and reveal ------------------------------------------------------------------

	@Test
	void listsShowMaskedNumbersAndARevealIsAudited() throws Exception {
		String idNumber = newIdNumber();
		mvc.perform(register(wendengUnion, "赵六", idNumber, "13712345678").with(demo.as("wendeng")));
		long id = memberId("赵六");
		String list = body(get("/members").param("q", "赵六").with(demo.as("wendeng")), 200);
		assertThat(list).contains("137****5678").doesNotContain(idNumber).doesNotContain("13712345678");
		assertThat(body(get("/members/{id}", id).with(demo.as("wendeng")), 200)).doesNotContain(idNumber);
		assertThat(body(get("/members").param("q", idNumber).with(demo.as("wendeng")), 200)).contains("赵六");

		String revealed = body(post("/members/{id}/reveal", id).param("field", "ID_NUMBER").with(csrf())
			.with(demo.as("wendeng")), 200);
		assertThat(revealed).contains(idNumber).contains("已记录本次查看");
		assertThat(jdbc.queryForList("SELECT actor FROM audit_event WHERE subject_id = ? AND action = 'REVEAL_ID_NUMBER'",
				String.class, id)).containsExactly("wendeng");
	}

	@Test
	void staffSeeMaskedNumbersOnlyAndCannotReveal() throws Exception {
		long id = registered(huancuiUnion, "孙七", "huancui");
		assertThat(body(get("/members/{id}", id).with(demo.as("huancui")), 200)).doesNotContain("查看完整号码");
		mvc.perform(post("/members/{id}/reveal", id).param("field", "PHONE").with(csrf()).with(demo.as("huancui")))
			.andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE subject_id = ? AND action LIKE 'REVEAL%'",
				Long.class, id)).isZero();
	}

	@Test
	void editingKeepsTheStoredNumbersWhenLeftBlankAndAuditsOldAndNewValues() throws Exception {
		long id = registered(wendengUnion, "周八", "wendeng");
		String cipherBefore = jdbc.queryForObject("SELECT id_number_hash FROM member WHERE id = ?", String.class, id);
		mvc.perform(post("/members/{id}", id).param("name", "周八八")
			.param("documentType", "RESIDENT_ID")
			.param("idNumber", "")
			.param("phone", "")
			.param("employmentType", "DISPATCHED")
			.param("organizationId", String.valueOf(wendengUnion))
			.param("joinDate", "2024-03-01")
			.param("version", String.valueOf(version(id)))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT id_number_hash FROM member WHERE id = ?", String.class, id))
			.isEqualTo(cipherBefore);
		assertThat(jdbc.queryForObject("SELECT details FROM audit_event WHERE subject_id = ? AND action = 'UPDATE'",
				String.class, id)).isEqualTo("name: 周八 → 周八八; employment: MIGRANT_WORKER → DISPATCHED");
	}

	// ---- transfers -----------------------------------------------------------------------------

	@Test
	void aTransferOutsideTheScopeWaitsForTheReceivingSide() throws Exception {
		long id = registered(wendengUnion, "吴九", "wendeng");
		mvc.perform(post("/members/{id}/transfer", id).param("toOrganizationId", String.valueOf(huancuiUnion))
			.param("reason", "工作调动")
			.param("version", String.valueOf(version(id)))
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		long transfer = jdbc.queryForObject("SELECT id FROM member_transfer WHERE member_id = ?", Long.class, id);
		assertThat(jdbc.queryForObject("SELECT organization_id FROM member WHERE id = ?", Long.class, id))
			.isEqualTo(wendengUnion);
		// a second request while one is pending is refused
		assertThat(body(post("/members/{id}/transfer", id).param("toOrganizationId", String.valueOf(huancuiUnion))
			.param("version", String.valueOf(version(id)))
			.with(csrf())
			.with(demo.as("wendeng")), 200)).contains("该会员有尚未办结的转会申请");
		// the receiving side sees it (masked), the sender cannot accept its own request
		assertThat(body(get("/members/transfers").with(demo.as("huancui")), 200)).contains("吴九");
		mvc.perform(post("/members/transfers/{id}/accept", transfer).param("version", "0").with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().isNotFound());
		mvc.perform(post("/members/transfers/{id}/accept", transfer).param("version", "0").with(csrf())
			.with(demo.as("huancui"))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT organization_id FROM member WHERE id = ?", Long.class, id))
			.isEqualTo(huancuiUnion);
		// now the member is out of wendeng's scope and in huancui's
		mvc.perform(get("/members/{id}", id).with(demo.as("wendeng"))).andExpect(status().isNotFound());
		assertThat(body(get("/members/{id}", id).with(demo.as("huancui")), 200)).contains("已办结");
	}

	@Test
	void pendingTransferListsComeAPageAtATime() throws Exception {
		long wendengUnion = demo.org("大明国际控股有限公司威海分公司工会");
		List<Long> movers = jdbc.queryForList("""
				SELECT m.id FROM member m JOIN organization_closure c ON c.descendant_id = m.organization_id
				WHERE c.ancestor_id = ? AND m.status = 'ACTIVE'
				  AND NOT EXISTS (SELECT 1 FROM member_transfer t WHERE t.pending_member_id = m.id)
				ORDER BY m.id LIMIT 25
				""", Long.class, demo.org("环翠区总工会"));
		assertThat(movers).hasSize(25);
		for (int i = 0; i < movers.size(); i++) {
			jdbc.update("""
					INSERT INTO member_transfer (member_id, from_organization_id, to_organization_id, status, reason,
					  requested_by, requested_at, pending_member_id)
					SELECT id, organization_id, ?, 'PENDING', ?, 'huancui', CURRENT_TIMESTAMP, id FROM member WHERE id = ?
					""", wendengUnion, "分页转会" + String.format("%02d", i), movers.get(i));
		}
		String first = body(get("/members/transfers").with(demo.as("wendeng")), 200);
		String second = body(get("/members/transfers").param("in", "1").with(demo.as("wendeng")), 200);
		long onFirst = first.lines().filter(line -> line.contains("分页转会")).count();
		long onSecond = second.lines().filter(line -> line.contains("分页转会")).count();
		assertThat(onFirst).isEqualTo(20);
		assertThat(onFirst + onSecond).isGreaterThanOrEqualTo(25);
		assertThat(first).contains("in=1").contains("分页转会00").doesNotContain("分页转会24");
		assertThat(second).contains("分页转会24");
		// the sending side pages its outgoing list the same way; a negative page number answers the first
		assertThat(cancelButtons(body(get("/members/transfers").with(demo.as("huancui")), 200))).isEqualTo(20);
		assertThat(cancelButtons(body(get("/members/transfers").param("out", "1").with(demo.as("huancui")), 200)))
			.isGreaterThanOrEqualTo(5);
		assertThat(cancelButtons(body(get("/members/transfers").param("out", "-3").with(demo.as("huancui")), 200)))
			.isEqualTo(20);
	}

	private static long cancelButtons(String page) {
		return page.lines().filter(line -> line.contains("/cancel\"")).count();
	}

	@Test
	void aDeclinedTransferNeedsAReasonAndLeavesTheMemberWhereItWas() throws Exception {
		long id = registered(wendengUnion, "郑十", "wendeng");
		mvc.perform(post("/members/{id}/transfer", id).param("toOrganizationId", String.valueOf(huancuiUnion))
			.param("version", String.valueOf(version(id)))
			.with(csrf())
			.with(demo.as("wendeng")));
		long transfer = jdbc.queryForObject("SELECT id FROM member_transfer WHERE member_id = ?", Long.class, id);
		mvc.perform(post("/members/transfers/{id}/decline", transfer).param("version", "0").with(csrf())
			.with(demo.as("huancui"))).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("flashError", "member.error.declineReason"));
		mvc.perform(post("/members/transfers/{id}/decline", transfer).param("version", "0").param("note", "查无此人")
			.with(csrf())
			.with(demo.as("huancui"))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT status FROM member_transfer WHERE id = ?", String.class, transfer))
			.isEqualTo("DECLINED");
		assertThat(jdbc.queryForObject("SELECT organization_id FROM member WHERE id = ?", Long.class, id))
			.isEqualTo(wendengUnion);
	}

	@Test
	void aTransferInsideTheScopeCompletesAtOnce() throws Exception {
		long id = registered(wendengUnion, "钱十一", "admin");
		mvc.perform(post("/members/{id}/transfer", id).param("toOrganizationId", String.valueOf(huancuiUnion))
			.param("version", String.valueOf(version(id)))
			.with(csrf())
			.with(demo.as("admin"))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT organization_id FROM member WHERE id = ?", Long.class, id))
			.isEqualTo(huancuiUnion);
		assertThat(published.stream(MemberEvents.MemberTransferred.class)).containsExactly(
				new MemberEvents.MemberTransferred(id, wendengUnion, huancuiUnion, java.time.LocalDate.now(clock)));
	}

	// ---- scope -----------------------------------------------------------------------------------

	@Test
	void everyMemberPageAndPostAnswers404OutsideTheScopeLikeAMissingMember() throws Exception {
		long id = registered(huancuiUnion, "冯十二", "huancui");
		long missing = 987_654_321L;
		String missingPage = body(get("/members/{id}", missing).with(demo.as("wendeng")), 404);
		assertThat(body(get("/members/{id}", id).with(demo.as("wendeng")), 404)).isEqualTo(missingPage);
		List<MockHttpServletRequestBuilder> requests = new ArrayList<>();
		requests.add(get("/members/{id}/edit", id));
		requests.add(get("/members/{id}/card", id));
		requests.add(get("/members/{id}/transfer", id));
		requests.add(post("/members/{id}", id).param("name", "x").param("documentType", "RESIDENT_ID")
			.param("employmentType", "ON_THE_JOB").param("organizationId", String.valueOf(huancuiUnion))
			.param("version", "0").with(csrf()));
		requests.add(post("/members/{id}/status", id).param("status", "DECEASED").param("version", "0").with(csrf()));
		requests.add(post("/members/{id}/reveal", id).param("field", "ID_NUMBER").with(csrf()));
		requests.add(post("/members/{id}/transfer", id).param("toOrganizationId", String.valueOf(wendengUnion))
			.param("version", "0").with(csrf()));
		requests.add(get("/members").param("organization", String.valueOf(huancuiUnion)));
		requests.add(get("/members/new").param("organization", String.valueOf(huancuiUnion)));
		requests.add(register(huancuiUnion, "越权登记", newIdNumber(), ""));
		for (MockHttpServletRequestBuilder request : requests) {
			mvc.perform(request.with(demo.as("wendeng"))).andExpect(status().isNotFound());
		}
		assertThat(jdbc.queryForObject("SELECT status FROM member WHERE id = ?", String.class, id)).isEqualTo("ACTIVE");
		assertThat(body(get("/members").param("q", "冯十二").with(demo.as("wendeng")), 200)).doesNotContain(">冯十二</a>");
		assertThat(body(get("/members").param("q", "冯十二").with(demo.as("huancui")), 200)).contains(">冯十二</a>");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE subject_id = ? AND action LIKE 'REVEAL%'",
				Long.class, id)).isZero();
	}

	@Test
	void anOrganizationWithActiveMembersCannotBeDissolved() throws Exception {
		registered(wendengUnion, "卫十三", "wendeng");
		mvc.perform(post("/organizations/{id}/dissolve", wendengUnion).param("version",
				String.valueOf(demo.version(wendengUnion))).with(csrf()).with(demo.as("wendeng")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("flashError", "organization.error.hasActiveMembers"));
		assertThat(demo.status(wendengUnion)).isEqualTo("ACTIVE");
	}
}
