package cn.unionportal.selfservice;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import cn.unionportal.aid.lookup.LookupCodes;
import cn.unionportal.benefits.BenefitEnrolments;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.support.PostgresIntegrationTest;
import cn.unionportal.support.TestMembers;
import cn.unionportal.support.TestMembers.Registered;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a member's own pages show (issue 9, item 7): {@code /me/aid} lists the member's household
 * file with its lookup code and nobody else's; {@code /me/benefits} the member's enrolment and the
 * active partner merchants, never an inactive one.
 */
class MemberOwnPagesTest extends PostgresIntegrationTest {

	@Autowired
	UserDetailsService users;

	@Autowired
	BenefitEnrolments enrolments;

	@Autowired
	OrganizationManagement organizations;

	Registered me;

	Registered neighbour;

	RequestPostProcessor signedIn;

	@BeforeEach
	void twoMembersOneSignedIn() throws Exception {
		TestMembers members = new TestMembers(mvc, jdbc, demo);
		long union = demo.org("山东悦多果业有限公司工会");
		me = members.register(union, "本人页面", "admin");
		neighbour = members.register(union, "邻居页面", "admin");
		mvc.perform(post("/me/activate").param("cardNumber", me.cardNumber())
			.param("idNumber", me.idNumber())
			.param("phone", me.phone())
			.param("password", "Member-pass-1")
			.param("confirmPassword", "Member-pass-1")
			.with(csrf())
			.with(request -> {
				request.setRemoteAddr("10.9.0." + (me.id() % 250));
				return request;
			})).andExpect(redirectedUrl("/login"));
		signedIn = user(users.loadUserByUsername(me.cardNumber()));
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path).with(signedIn)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** A filed household file with a lookup code (the lifecycle is tested elsewhere; inserted directly). */
	private String filedWithCode(Registered member) {
		String code = LookupCodes.generate();
		long organization = jdbc.queryForObject("SELECT organization_id FROM member WHERE id = ?", Long.class,
				member.id());
		jdbc.update("""
				INSERT INTO hardship_file (member_id, organization_id, status, tier, causes, household_size,
				  applied_by, applied_at, filed_on, lookup_code, open_member_id, created_at, updated_at)
				VALUES (?, ?, 'FILED', 'RELATIVE', 'ILLNESS', 2, 'test', CURRENT_TIMESTAMP, CURRENT_DATE, ?, ?,
				  CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
				""", member.id(), organization, code, member.id());
		return LookupCodes.display(code);
	}

	@Test
	void myAidShowsMyFileAndItsCodeButNotMyNeighbours() throws Exception {
		assertThat(page("/me/aid")).contains("您目前没有困难职工档案");
		String mine = filedWithCode(me);
		String theirs = filedWithCode(neighbour);
		String page = page("/me/aid");
		assertThat(page).contains(mine).doesNotContain(theirs).doesNotContain(neighbour.name());
	}

	@Test
	void myBenefitsShowMyEnrolmentAndOnlyActiveMerchants() throws Exception {
		long programme = jdbc.queryForObject(
				"SELECT id FROM benefit_programme WHERE status = 'OPEN' ORDER BY programme_year DESC LIMIT 1", Long.class);
		String programmeName = jdbc.queryForObject("SELECT name FROM benefit_programme WHERE id = ?", String.class,
				programme);
		CurrentUser system = CurrentUser.system(organizations.rootId());
		enrolments.enrol(system, programme, me.id(), LocalDate.now());
		long district = demo.org("环翠区总工会");
		String closed = "已停业商户" + me.id();
		jdbc.update("""
				INSERT INTO partner_merchant (name, name_sort, category, district_id, discount, status, created_at, updated_at)
				VALUES (?, ?, 'DINING', ?, '九折', 'INACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
				""", closed, closed, district);
		List<String> active = jdbc.queryForList("SELECT name FROM partner_merchant WHERE status = 'ACTIVE'",
				String.class);

		String page = page("/me/benefits");
		assertThat(page).contains(programmeName);
		assertThat(active).anyMatch(page::contains);
		assertThat(page).doesNotContain(closed);
	}
}
