package cn.unionportal.selfservice;

import cn.unionportal.support.IdNumbers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import cn.unionportal.member.DocumentType;
import cn.unionportal.member.EmploymentType;
import cn.unionportal.member.MemberData;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberStatus;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Members' sessions and sign-in: a staff reset of the self-service account or a change of the
 * member's status ends the member's open sessions (no 500 on the next password change), only
 * active members sign in, the member's own password change keeps that session and ends the
 * others, and the card number is recognised in any spelling with failures counted per account.
 * Commits (sign-ins run in their own transactions): each test registers a member of its own.
 */
class MemberSessionTest extends PostgresIntegrationTest {

	private static final AtomicLong SEQUENCE = new AtomicLong(700);

	private static final String PASSWORD = "Member-pass-1";

	@Autowired
	MemberManagement members;

	@Autowired
	OrganizationManagement organizations;

	@Autowired
	SelfServiceManagement selfService;

	CurrentUser system;

	long memberId;

	String card;

	String phone;

	@BeforeEach
	void registerAndActivate() {
		system = CurrentUser.system(organizations.rootId());
		long n = SEQUENCE.incrementAndGet() + System.nanoTime() % 100_000 * 1000;
		String number = IdNumbers.resident("371083", 1979, n);
		String idNumber = number;
		phone = "1371" + String.format("%07d", n % 10_000_000);
		memberId = members.register(system, new MemberData("会话会员", null, DocumentType.RESIDENT_ID, idNumber, null,
				phone, EmploymentType.MIGRANT_WORKER, organizations.search(system, "乳山银滩旅游", org.springframework.data.domain.PageRequest.of(0, 1))
					.getContent()
					.get(0)
					.id(), LocalDate.of(2019, 3, 1)));
		card = members.selfView(memberId).cardNumber();
		selfService.activate(new SelfServiceManagement.Activation(card, idNumber, phone, PASSWORD, PASSWORD),
				"10.7.7." + n % 250);
	}

	private MockHttpSession signIn(String name, String password) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin().user(name).password(password))
			.andExpect(authenticated().withRoles("MEMBER"))
			.andReturn()
			.getRequest()
			.getSession();
	}

	private String outcome() {
		return jdbc.queryForObject("SELECT outcome FROM login_event WHERE username = ? ORDER BY id DESC LIMIT 1",
				String.class, card);
	}

	@Test
	void aStaffResetEndsTheMembersSessionsAndThePasswordChangeDoesNotFail() throws Exception {
		MockHttpSession session = signIn(card, PASSWORD);
		MockHttpSession other = signIn(phone, PASSWORD);
		mvc.perform(get("/me").session(session)).andExpect(status().isOk());
		selfService.resetActivation(system, memberId);
		mvc.perform(get("/me").session(session)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(post("/me/password").session(other)
			.param("currentPassword", PASSWORD)
			.param("newPassword", "Member-pass-2")
			.param("confirmPassword", "Member-pass-2")
			.with(csrf())).andExpect(redirectedUrl("/login?expired"));
	}

	@Test
	void onlyActiveMembersSignInAndAStatusChangeEndsTheirSessions() throws Exception {
		MockHttpSession session = signIn(card, PASSWORD);
		long version = members.selfView(memberId).version();
		members.changeStatus(system, memberId, version, MemberStatus.DECEASED);
		mvc.perform(get("/me").session(session)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(formLogin().user(card).password(PASSWORD)).andExpect(unauthenticated());
		assertThat(outcome()).isEqualTo("DISABLED");
		String page = mvc.perform(get("/login").param("error", "")).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).doesNotContain("停用");

		members.changeStatus(system, memberId, members.selfView(memberId).version(), MemberStatus.ACTIVE);
		signIn(card, PASSWORD);
	}

	@Test
	void theMembersOwnPasswordChangeKeepsThisSessionAndEndsTheOthers() throws Exception {
		MockHttpSession here = signIn(card, PASSWORD);
		MockHttpSession elsewhere = signIn(phone, PASSWORD);
		mvc.perform(post("/me/password").session(here)
			.param("currentPassword", PASSWORD)
			.param("newPassword", "woaini1314")
			.param("confirmPassword", "woaini1314")
			.with(csrf())).andExpect(redirectedUrl("/me/account"));
		assertThat(mvc.perform(get("/me/account").session(here)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("该密码过于常见");
		mvc.perform(post("/me/password").session(here)
			.param("currentPassword", PASSWORD)
			.param("newPassword", "Member-pass-2")
			.param("confirmPassword", "Member-pass-2")
			.with(csrf())).andExpect(redirectedUrl("/me/account"));
		mvc.perform(get("/me/account").session(here)).andExpect(status().isOk());
		mvc.perform(get("/me").session(elsewhere)).andExpect(redirectedUrl("/login?expired"));
		signIn(card, "Member-pass-2");
	}

	@Test
	void everySpellingOfTheCardCountsOnTheSameAccount() throws Exception {
		String fullWidth = card.chars()
			.map(c -> c + 0xFEE0)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		String spaced = card.substring(0, 4) + "\u3000" + card.substring(4).toLowerCase();
		signIn(fullWidth + "\u3000", PASSWORD);
		for (String spelling : new String[] { fullWidth, spaced, card.toLowerCase(), " " + card, card + "\u3000" }) {
			mvc.perform(formLogin().user(spelling).password("wrong-password")).andExpect(unauthenticated());
		}
		assertThat(jdbc.queryForObject("SELECT locked_until IS NOT NULL FROM member_account WHERE member_id = ?",
				Boolean.class, memberId)).isTrue();
		assertThat(outcome()).isEqualTo("BAD_CREDENTIALS");
		mvc.perform(formLogin().user(card).password(PASSWORD)).andExpect(unauthenticated());
		assertThat(outcome()).isEqualTo("LOCKED");
	}
}
