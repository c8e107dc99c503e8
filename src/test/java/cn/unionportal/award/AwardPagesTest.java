package cn.unionportal.award;

import java.util.Comparator;
import java.util.List;

import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.ChineseNames;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The award pages over the demo data, with the real security: what each page shows to whom,
 * out-of-scope answers 404 and missing rights 403, public pages without login.
 */
@Transactional
class AwardPagesTest extends PostgresIntegrationTest {

	@Autowired
	UserDetailsService users;

	long craftsmanCampaign() {
		return jdbc.queryForObject("SELECT c.id FROM award_campaign c JOIN honour_kind k ON k.id = c.kind_id"
				+ " WHERE k.code = 'WEIHAI_CRAFTSMAN'", Long.class);
	}

	long nominationIn(String district) {
		return jdbc.queryForObject("SELECT n.id FROM nomination n JOIN award_campaign c ON c.id = n.campaign_id"
				+ " WHERE n.quota_organization_id = ? ORDER BY n.id LIMIT 1", Long.class, demo.org(district));
	}

	String nomineeOf(long nomination) {
		return jdbc.queryForObject("SELECT nominee_name FROM nomination WHERE id = ?", String.class, nomination);
	}

	@Test
	void theCampaignPageShowsTheReadersQuotaLineAndTheWholeCampaignOnly() throws Exception {
		long id = craftsmanCampaign();
		mvc.perform(get("/awards/campaigns/" + id).with(demo.as("huancui")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("环翠区总工会")))
			.andExpect(content().string(not(containsString("文登区总工会"))))
			.andExpect(content().string(containsString("全市合计")))
			.andExpect(content().string(containsString("一线职工 ≥ 50%")));
		mvc.perform(get("/awards/campaigns/" + id).with(demo.as("wendeng")))
			.andExpect(content().string(containsString("文登区总工会")))
			.andExpect(content().string(not(containsString("环翠区总工会"))));
	}

	@Test
	void nominationsOutsideTheScopeAnswerLikeMissingOnes() throws Exception {
		long huancui = nominationIn("环翠区总工会");
		mvc.perform(get("/awards/nominations/" + huancui).with(demo.as("huancui")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(nomineeOf(huancui))));
		mvc.perform(get("/awards/nominations/" + huancui).with(demo.as("wendeng"))).andExpect(status().isNotFound());
		mvc.perform(post("/awards/nominations/" + huancui + "/vote").param("inFavour", "true").with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().isNotFound());
		mvc.perform(post("/awards/nominations/" + huancui + "/review").param("version", "0").param("decision", "APPROVE")
			.with(csrf()).with(demo.as("wendeng"))).andExpect(status().isNotFound());
		mvc.perform(get("/awards/nominations/999999").with(demo.as("admin"))).andExpect(status().isNotFound());
	}

	@Test
	void onlyTheOwnersAdministratorsRunTheCampaign() throws Exception {
		long id = craftsmanCampaign();
		mvc.perform(get("/awards/campaigns/new").with(demo.as("huancui"))).andExpect(status().isForbidden());
		mvc.perform(post("/awards/campaigns/" + id + "/advance").param("version", "0").param("from", "DISTRICT_REVIEW")
			.with(csrf()).with(demo.as("wendeng"))).andExpect(status().isForbidden());
		mvc.perform(post("/awards/campaigns/" + id + "/confer").param("version", "0").with(csrf())
			.with(demo.as("huancui"))).andExpect(status().isForbidden());
		mvc.perform(post("/awards/kinds/1").param("version", "0").with(csrf()).with(demo.as("wendeng")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/awards/roster").param("from", "2026-01").param("to", "2026-12").with(demo.as("huancui")))
			.andExpect(status().isForbidden());
	}

	@Autowired
	HonourRoll roll;

	@Autowired
	OrganizationManagement organizations;

	/** Issue 15: "by name" is pinyin order for honours too (within a year), not code point order. */
	@Test
	void theRegisterListsEachYearsHoldersInPinyinOrder() {
		List<HonourView> honours = roll
			.register(CurrentUser.system(organizations.rootId()), null, null, PageRequest.of(0, 5000))
			.getContent();
		assertThat(honours).hasSizeGreaterThan(10);
		Comparator<HonourView> yearThenPinyin = Comparator.comparingInt(HonourView::year)
			.reversed()
			.thenComparing(h -> h.memberId() == null ? ChineseNames.sortKey(h.holderName())
					: ChineseNames.personSortKey(h.holderName()));
		assertThat(honours).isSortedAccordingTo(yearThenPinyin);
		// not code point order: some year lists a holder before one whose name has a lower code point
		assertThat(honours).anySatisfy(h -> assertThat(honours).anyMatch(other -> other.year() == h.year()
				&& honours.indexOf(h) < honours.indexOf(other) && h.holderName().compareTo(other.holderName()) > 0));
	}

	@Test
	void theRegisterListsHonoursOfTheScopeAndThePublicRollMasksUnlistedHolders() throws Exception {
		long honour = jdbc.queryForObject("SELECT id FROM honour WHERE district_id = ? ORDER BY id LIMIT 1", Long.class,
				demo.org("环翠区总工会"));
		String name = jdbc.queryForObject("SELECT holder_name FROM honour WHERE id = ?", String.class, honour);
		mvc.perform(get("/awards/honours").with(demo.as("huancui")))
			.andExpect(content().string(containsString(name)));
		mvc.perform(get("/awards/honours").with(demo.as("wendeng")))
			.andExpect(content().string(not(containsString(name))));
		mvc.perform(get("/awards/honours/" + honour).with(demo.as("wendeng"))).andExpect(status().isNotFound());
		mvc.perform(get("/honours")).andExpect(status().isOk()).andExpect(content().string(containsString(name)));
		jdbc.update("UPDATE honour SET listed = FALSE WHERE id = ?", honour);
		mvc.perform(get("/honours")).andExpect(content().string(not(containsString(name))))
			.andExpect(content().string(containsString(name.substring(0, 1) + "*")));
		mvc.perform(get("/honours").param("q", name)).andExpect(content().string(not(containsString(name.substring(0, 1) + "*"))));
	}

	@Test
	void aConferredHonourHasACertificateThatVerifiesPublicly() throws Exception {
		long honour = jdbc.queryForObject("SELECT id FROM honour WHERE district_id = ? AND source = 'CAMPAIGN' ORDER BY id LIMIT 1",
				Long.class, demo.org("环翠区总工会"));
		String code = jdbc.queryForObject("SELECT certificate_code FROM honour WHERE id = ?", String.class, honour);
		String name = jdbc.queryForObject("SELECT holder_name FROM honour WHERE id = ?", String.class, honour);
		mvc.perform(get("/verify/" + code)).andExpect(status().isOk())
			.andExpect(content().string(containsString("威海市劳动模范")))
			.andExpect(content().string(not(containsString(name))));
		mvc.perform(get("/awards/honours/" + honour + "/certificate.pdf").with(demo.as("huancui")))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"));
		mvc.perform(get("/awards/honours/" + honour + "/certificate.pdf").with(demo.as("wendeng")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theMemberProfileShowsTheHonourAndThePublicNoticeNeedsNoLogin() throws Exception {
		long member = jdbc.queryForObject("SELECT member_id FROM honour WHERE district_id = ? ORDER BY id LIMIT 1",
				Long.class, demo.org("环翠区总工会"));
		mvc.perform(get("/members/" + member).with(demo.as("huancui")))
			.andExpect(content().string(containsString("荣誉档案")))
			.andExpect(content().string(containsString("威海市劳动模范")));
		mvc.perform(get("/honours/notice")).andExpect(status().isOk())
			.andExpect(content().string(containsString("评选表彰公示")));
		mvc.perform(get("/awards/kinds").with(demo.as("huancui"))).andExpect(content().string(containsString("威海工匠")));
		mvc.perform(get("/awards/studios").with(demo.as("admin"))).andExpect(content().string(containsString("劳模创新工作室")));
	}

	@Test
	void theOrganizationPageListsItsCollectiveHonoursAndStudiosWithinTheScopeOnly() throws Exception {
		long org = jdbc.queryForObject("SELECT organization_id FROM honour WHERE member_id IS NULL ORDER BY id LIMIT 1",
				Long.class);
		String studio = jdbc.queryForObject("SELECT name FROM innovation_studio WHERE organization_id = ? ORDER BY id LIMIT 1",
				String.class, org);
		mvc.perform(get("/organizations/" + org).with(demo.as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("集体荣誉与创新工作室")))
			.andExpect(content().string(containsString("工人先锋号")))
			.andExpect(content().string(containsString(studio)))
			.andExpect(content().string(containsString("/awards/studios?organization=" + org)));
		boolean inHuancui = jdbc.queryForObject("SELECT COUNT(*) FROM organization_closure WHERE ancestor_id = ?"
				+ " AND descendant_id = ?", Long.class, demo.org("环翠区总工会"), org) > 0;
		mvc.perform(get("/organizations/" + org).with(demo.as(inHuancui ? "wendeng" : "huancui")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/organizations/" + demo.org("文登区总工会")).with(demo.as("wendeng")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("集体荣誉与创新工作室")))
			.andExpect(content().string(not(containsString(studio))));
	}

	@Test
	void aMemberDownloadsTheCertificateOfTheirOwnHonourOnlyAndSeesTheLink() throws Exception {
		var principal = (cn.unionportal.selfservice.MemberPrincipal) users.loadUserByUsername("13906310001");
		var member = user(principal);
		long memberId = principal.memberId();
		java.util.List<Long> honours = jdbc.queryForList("SELECT id FROM honour WHERE source = 'CAMPAIGN' AND status = 'ACTIVE'"
				+ " AND certificate_code IS NOT NULL ORDER BY id LIMIT 2", Long.class);
		long own = honours.get(0);
		long others = honours.get(1);
		jdbc.update("UPDATE honour SET member_id = ? WHERE id = ?", memberId, own);
		mvc.perform(get("/me/honours").with(member))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/me/honours/" + own + "/certificate.pdf")))
			.andExpect(content().string(not(containsString("/me/honours/" + others + "/certificate.pdf"))));
		mvc.perform(get("/me/honours/" + own + "/certificate.pdf").with(member))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"));
		mvc.perform(get("/me/honours/" + others + "/certificate.pdf").with(member)).andExpect(status().isNotFound());
		mvc.perform(get("/me/honours/999999/certificate.pdf").with(member)).andExpect(status().isNotFound());
		mvc.perform(get("/me/honours/" + own + "/certificate.pdf").with(demo.as("admin"))).andExpect(status().isForbidden());
		jdbc.update("UPDATE honour SET status = 'REVOKED', revoked_reason = 'x', revoked_on = CURRENT_DATE WHERE id = ?", own);
		mvc.perform(get("/me/honours/" + own + "/certificate.pdf").with(member)).andExpect(status().isNotFound());
	}

	@Test
	void theListAndDetailPagesShowTheirRowsWithinTheScope() throws Exception {
		String campaignTitle = jdbc.queryForObject("SELECT title FROM award_campaign WHERE id = ?", String.class,
				craftsmanCampaign());
		mvc.perform(get("/awards").with(demo.as("wendeng")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(campaignTitle)));
		long honour = jdbc.queryForObject("SELECT id FROM honour WHERE district_id = ? AND member_id IS NOT NULL"
				+ " ORDER BY id LIMIT 1", Long.class, demo.org("环翠区总工会"));
		String holder = jdbc.queryForObject("SELECT holder_name FROM honour WHERE id = ?", String.class, honour);
		String reference = jdbc.queryForObject("SELECT reference FROM honour WHERE id = ?", String.class, honour);
		mvc.perform(get("/awards/honours/" + honour).with(demo.as("huancui")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(holder)))
			.andExpect(content().string(containsString(reference)));
		long studio = jdbc.queryForObject("SELECT id FROM innovation_studio ORDER BY id LIMIT 1", Long.class);
		String studioName = jdbc.queryForObject("SELECT name FROM innovation_studio WHERE id = ?", String.class, studio);
		String leader = jdbc.queryForObject("SELECT m.name FROM innovation_studio s JOIN member m ON m.id = s.leader_member_id"
				+ " WHERE s.id = ?", String.class, studio);
		mvc.perform(get("/awards/studios/" + studio).with(demo.as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(studioName)))
			.andExpect(content().string(containsString(leader)));
		long studioOrg = jdbc.queryForObject("SELECT organization_id FROM innovation_studio WHERE id = ?", Long.class, studio);
		boolean inHuancui = jdbc.queryForObject("SELECT COUNT(*) FROM organization_closure WHERE ancestor_id = ?"
				+ " AND descendant_id = ?", Long.class, demo.org("环翠区总工会"), studioOrg) > 0;
		mvc.perform(get("/awards/studios/" + studio).with(demo.as(inHuancui ? "wendeng" : "huancui")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theAllowanceRosterListsHoldersWhoseAllowanceIsDueAndNobodyElse() throws Exception {
		long honour = jdbc.queryForObject("SELECT h.id FROM honour h JOIN honour_kind k ON k.id = h.kind_id"
				+ " WHERE k.code = 'WEIHAI_MODEL_WORKER' AND h.status = 'ACTIVE' ORDER BY h.id LIMIT 1", Long.class);
		long other = jdbc.queryForObject("SELECT h.id FROM honour h JOIN honour_kind k ON k.id = h.kind_id"
				+ " WHERE k.code = 'WEIHAI_MODEL_WORKER' AND h.status = 'ACTIVE' AND h.id <> ? ORDER BY h.id LIMIT 1",
				Long.class, honour);
		jdbc.update("UPDATE honour SET allowance_from = DATE '2026-01-01' WHERE id = ?", honour);
		jdbc.update("UPDATE honour SET allowance_from = NULL WHERE id = ?", other);
		String due = jdbc.queryForObject("SELECT holder_name FROM honour WHERE id = ?", String.class, honour);
		String notDue = jdbc.queryForObject("SELECT holder_name FROM honour WHERE id = ?", String.class, other);
		mvc.perform(get("/awards/roster").param("from", "2026-01").param("to", "2026-03").with(demo.as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(due)))
			.andExpect(content().string(containsString("360")))
			.andExpect(content().string(not(containsString(notDue))));
	}
}
