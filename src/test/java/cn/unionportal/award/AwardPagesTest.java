package cn.unionportal.award;

import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.annotation.Transactional;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
}
