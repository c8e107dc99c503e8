package cn.unionportal.selfservice;

import cn.unionportal.support.IdNumbers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Member self-service: activation (right and wrong combinations, one neutral answer, rate limit),
 * signing in with the card or mobile number, and the separation of members from staff for every
 * URL the portal serves.
 */
@Transactional
class SelfServiceTest extends PostgresIntegrationTest {

	private static final AtomicLong SEQUENCE = new AtomicLong(500);

	@Autowired
	UserDetailsService users;

	@Autowired
	RequestMappingHandlerMapping mappings;

	String idNumber;

	String phone;

	String card;

	long memberId;

	@BeforeEach
	void registerMember() throws Exception {
		long n = SEQUENCE.incrementAndGet();
		String number = IdNumbers.resident("371082", 1988, n);
		idNumber = number;
		phone = "1390000" + String.format("%04d", n);
		mvc.perform(post("/members").param("name", "自助会员" + n)
			.param("documentType", "RESIDENT_ID")
			.param("idNumber", idNumber)
			.param("phone", phone)
			.param("employmentType", "NEW_EMPLOYMENT_FORM")
			.param("organizationId", String.valueOf(demo.org("山东悦多果业有限公司工会")))
			.with(csrf())
			.with(demo.as("admin"))).andExpect(status().is3xxRedirection());
		memberId = jdbc.queryForObject("SELECT id FROM member WHERE name = ?", Long.class, "自助会员" + n);
		card = jdbc.queryForObject("SELECT card_number FROM member WHERE id = ?", String.class, memberId);
	}

	private MockHttpServletRequestBuilder activation(String card, String id, String phone, String address) {
		return post("/me/activate").param("cardNumber", card)
			.param("idNumber", id)
			.param("phone", phone)
			.param("password", "Member-pass-1")
			.param("confirmPassword", "Member-pass-1")
			.with(csrf())
			.with(request -> {
				request.setRemoteAddr(address);
				return request;
			});
	}

	private String body(MockHttpServletRequestBuilder request, int status) throws Exception {
		return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private void activate() throws Exception {
		mvc.perform(activation(card, idNumber, phone, "10.0.0.1")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void theRightCombinationActivatesAndTheMemberSignsInWithCardOrPhone() throws Exception {
		activate();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member_account WHERE member_id = ?", Long.class, memberId))
			.isEqualTo(1);
		mvc.perform(formLogin().user(card).password("Member-pass-1")).andExpect(authenticated().withRoles("MEMBER"));
		mvc.perform(formLogin().user(phone).password("Member-pass-1")).andExpect(authenticated().withRoles("MEMBER"));
		mvc.perform(formLogin().user(card).password("wrong")).andExpect(unauthenticated());
		assertThat(jdbc.queryForList("SELECT username FROM login_event WHERE username LIKE '139****%'", String.class))
			.isNotEmpty();
		assertThat(body(activation(card, idNumber, phone, "10.0.0.1"), 200)).contains("该会员已开通自助账号");
	}

	@Test
	void everyWrongCombinationGetsTheSameNeutralAnswer() throws Exception {
		String wrongId = body(activation(card, idNumber.substring(0, 17) + (idNumber.endsWith("1") ? "2" : "1"), phone,
				"10.0.0.2"), 200);
		String wrongPhone = body(activation(card, idNumber, "13700000000", "10.0.0.2"), 200);
		String wrongCard = body(activation("WH26000000000", idNumber, phone, "10.0.0.2"), 200);
		for (String page : List.of(wrongId, wrongPhone, wrongCard)) {
			assertThat(page).contains("信息不一致，无法开通");
		}
		assertThat(wrongPhone.replaceAll("value=\"[^\"]*\"", "")).isEqualTo(wrongId.replaceAll("value=\"[^\"]*\"", ""));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member_account WHERE member_id = ?", Long.class, memberId))
			.isZero();
	}

	@Test
	void wrongAttemptsAreRateLimitedPerCardAndPerAddress() throws Exception {
		for (int i = 0; i < 5; i++) {
			body(activation(card, idNumber, "13700000000", "10.0.1." + i), 200);
		}
		// the right combination is refused now for this card, from any address
		assertThat(body(activation(card, idNumber, phone, "10.0.2.1"), 200)).contains("尝试次数过多");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member_account WHERE member_id = ?", Long.class, memberId))
			.isZero();
	}

	@Test
	void aMemberReachesNoStaffPageAndStaffNoMemberPage() throws Exception {
		activate();
		var member = user(users.loadUserByUsername(card));
		List<String> checked = new ArrayList<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (pattern.equals("/me") || pattern.startsWith("/me/") || pattern.equals("/") || pattern.startsWith("/login")
						|| pattern.startsWith("/status") || pattern.startsWith("/notice") || pattern.startsWith("/error")
						|| pattern.startsWith("/verify") || pattern.startsWith("/competitions/results")
						|| pattern.equals("/achievements") || pattern.startsWith("/honours")) {
					continue;
				}
				String url = pattern.replaceAll("\\{[^}]+}", "1");
				boolean isPost = info.getMethodsCondition().getMethods().contains(RequestMethod.POST);
				MockHttpServletRequestBuilder request = isPost ? post(url).with(csrf()) : get(url);
				mvc.perform(request.with(member)).andExpect(status().isForbidden());
				checked.add(url);
			}
		}
		assertThat(checked).contains("/organizations", "/members", "/members/1", "/accounts", "/aid/files", "/audit");
		for (String url : List.of("/me", "/me/aid", "/me/account")) {
			mvc.perform(get(url).with(demo.as("admin"))).andExpect(status().isForbidden());
			mvc.perform(get(url).with(member)).andExpect(status().isOk());
		}
		mvc.perform(post("/me/phone").param("phone", "13811112222").param("password", "x").with(csrf())
			.with(demo.as("admin"))).andExpect(status().isForbidden());
	}

	@Test
	void theMemberSeesOnlyTheirOwnCardAndChangesTheirPhoneWithTheirPassword() throws Exception {
		activate();
		var member = user(users.loadUserByUsername(card));
		assertThat(body(get("/me").with(member), 200)).contains(card).contains("山东悦多果业有限公司工会");
		mvc.perform(post("/me/phone").param("phone", "13566667777").param("password", "wrong").with(csrf()).with(member))
			.andExpect(redirectedUrl("/me/account"));
		assertThat(jdbc.queryForObject("SELECT phone_masked FROM member WHERE id = ?", String.class, memberId))
			.isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		mvc.perform(post("/me/phone").param("phone", "13566667777").param("password", "Member-pass-1").with(csrf())
			.with(member)).andExpect(redirectedUrl("/me/account"));
		assertThat(jdbc.queryForObject("SELECT phone_masked FROM member WHERE id = ?", String.class, memberId))
			.isEqualTo("135****7777");
		assertThat(jdbc.queryForObject("SELECT details FROM audit_event WHERE subject_id = ? AND actor LIKE 'member:%' AND action = 'UPDATE'",
				String.class, memberId)).contains("135****7777");
	}

	@Test
	void theMemberSeesTheirOwnAidInPlainWordsAndNothingOfAnotherMember() throws Exception {
		activate();
		long organization = demo.org("山东悦多果业有限公司工会");
		long other = jdbc.queryForObject("SELECT MIN(id) FROM member WHERE id <> ?", Long.class, memberId);
		String insert = """
				INSERT INTO aid_case (kind, member_id, organization_id, aid_year, status, computed_amount, requested_amount,
				  approval_level, recorded_by, recorded_at, decided_by, decided_at, decision_comment, approved_amount, paid_amount)
				VALUES (?, ?, ?, 2026, ?, ?, ?, 'DISTRICT', 'wendeng', CURRENT_TIMESTAMP, 'admin', CURRENT_TIMESTAMP, ?, ?, ?)
				""";
		jdbc.update(insert, "MEDICAL_AID", memberId, organization, "APPROVED", 7874, 7874, "同意", 7874, 2000);
		jdbc.update(insert, "EDUCATION_GRANT", memberId, organization, "REJECTED", 8000, 8000, "已享受其他助学政策", null, 0);
		jdbc.update(insert, "LIVING_ALLOWANCE", other, organization, "PAID", 6543, 6543, "同意", 6543, 6543);
		var member = user(users.loadUserByUsername(card));
		for (String url : List.of("/me/aid", "/me/aid?member=" + other, "/me/aid?memberId=" + other)) {
			String page = body(get(url).with(member), 200);
			assertThat(page).contains("医疗救助").contains("已批准 7,874 元，已发放 2,000 元")
				.contains("未获批准，原因：已享受其他助学政策").doesNotContain("6543").doesNotContain("6,543");
		}
		assertThat(body(get("/me").param("member", String.valueOf(other)).with(member), 200)).contains(card);
	}

	@Test
	void staffSeeTheAccountOnTheProfileAndCanResetIt() throws Exception {
		assertThat(body(get("/members/{id}", memberId).with(demo.as("admin")), 200)).contains("未开通");
		activate();
		assertThat(body(get("/members/{id}", memberId).with(demo.as("admin")), 200)).contains("重置开通");
		mvc.perform(post("/members/{id}/self-service/reset", memberId).with(csrf()).with(demo.as("wendeng")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/members/{id}/self-service/reset", memberId).with(csrf()).with(demo.as("admin")))
			.andExpect(redirectedUrl("/members/" + memberId));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member_account WHERE member_id = ?", Long.class, memberId))
			.isZero();
	}
}
