package cn.unionportal.award;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.unionportal.shared.security.CurrentUser;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo campaigns: last year's 威海市劳动模范 campaign completed through conferral, this year's
 * 威海工匠 campaign at district review; each step by a different demo actor (four-eyes rules).
 */
@Component
@Conditional(AwardDemoData.Enabled.class)
class AwardDemoCampaigns {

	private final CampaignManagement campaigns;

	private final NominationReview review;

	private final NoticeAndConferral conferral;

	private final HonourCatalogue catalogue;

	private final AwardDemoNominations nominations;

	private final JdbcClient jdbc;

	AwardDemoCampaigns(CampaignManagement campaigns, NominationReview review, NoticeAndConferral conferral,
			HonourCatalogue catalogue, AwardDemoNominations nominations, JdbcClient jdbc) {
		this.campaigns = campaigns;
		this.review = review;
		this.conferral = conferral;
		this.catalogue = catalogue;
		this.nominations = nominations;
		this.jdbc = jdbc;
	}

	/** Whether any campaign exists (the demo data then stays away). */
	boolean anyCampaign() {
		return jdbc.sql("SELECT COUNT(*) FROM award_campaign").query(Long.class).single() > 0;
	}

	List<Long> lastYearsModelWorkers(CurrentUser owner, LocalDate today, List<AwardDemoData.Pick> picks) {
		long kind = catalogue.byCode("WEIHAI_MODEL_WORKER").orElseThrow().id();
		long id = campaigns.open(owner, new CampaignData(kind, today.getYear() - 1,
				(today.getYear() - 1) + " 年度威海市劳动模范评选", 20, today, today, 5));
		campaigns.changeRules(owner, id, version(id), java.util.Map.of("FRONT_LINE_AT_LEAST", 50, "ENTERPRISE_HEAD_AT_MOST", 15));
		List<Long> nominated = new ArrayList<>();
		for (AwardDemoData.Pick pick : picks) {
			Long n = nominations.nominateAndSubmit(id, pick, NomineeCategory.FRONT_LINE);
			if (n != null) {
				review.reviewInDistrict(AwardDemoNominations.actor("demo-district", pick.districtId()), n, nominations.nominationVersion(n),
						ReviewDecision.APPROVE, "同意推荐");
				nominated.add(n);
			}
		}
		campaigns.advance(owner, id, version(id), CampaignStatus.NOMINATING);
		campaigns.advance(owner, id, version(id), CampaignStatus.DISTRICT_REVIEW);
		for (long n : nominated) {
			review.vote(AwardDemoNominations.actor("demo-panel-1", owner.organizationId()), n, true);
			review.vote(AwardDemoNominations.actor("demo-panel-2", owner.organizationId()), n, true);
		}
		conferral.startNotice(owner, id, version(id));
		jdbc.sql("UPDATE award_campaign SET notice_from = :from, notice_until = :until WHERE id = :id")
			.param("from", Date.valueOf(today.minusDays(6))).param("until", Date.valueOf(today.minusDays(1)))
			.param("id", id).update();
		conferral.confer(owner, id, version(id), "威工发〔" + (today.getYear() - 1) + "〕12号", today);
		// the campaign ran last year: move its dates there (the honours keep their year)
		LocalDate conferredOn = LocalDate.of(today.getYear() - 1, 4, 28);
		jdbc.sql("""
				UPDATE award_campaign SET nominations_until = :until, review_until = :review, notice_from = :from,
				  notice_until = :noticeUntil, conferred_on = :on WHERE id = :id
				""").param("until", Date.valueOf(conferredOn.minusDays(40))).param("review", Date.valueOf(conferredOn.minusDays(20)))
			.param("from", Date.valueOf(conferredOn.minusDays(12))).param("noticeUntil", Date.valueOf(conferredOn.minusDays(8)))
			.param("on", Date.valueOf(conferredOn)).param("id", id).update();
		jdbc.sql("UPDATE honour SET conferred_on = :on WHERE campaign_id = :id").param("on", Date.valueOf(conferredOn))
			.param("id", id).update();
		return jdbc.sql("SELECT member_id FROM honour WHERE campaign_id = :id ORDER BY id").param("id", id)
			.query(Long.class).list();
	}

	int thisYearsCraftsmen(CurrentUser owner, LocalDate today, List<AwardDemoData.Pick> picks) {
		long kind = catalogue.byCode("WEIHAI_CRAFTSMAN").orElseThrow().id();
		long id = campaigns.open(owner, new CampaignData(kind, today.getYear(), today.getYear() + " 年度“威海工匠”评选", 12,
				today.plusDays(20), today.plusDays(40), 5));
		int count = 0;
		List<NomineeCategory> categories = List.of(NomineeCategory.FRONT_LINE, NomineeCategory.TECHNICAL);
		for (AwardDemoData.Pick pick : picks) {
			Long n = nominations.nominateAndSubmit(id, pick, categories.get(count % 2));
			if (n != null && count % 3 == 0) {
				review.reviewInDistrict(AwardDemoNominations.actor("demo-district", pick.districtId()), n, nominations.nominationVersion(n),
						ReviewDecision.APPROVE, "同意推荐");
			}
			count += n == null ? 0 : 1;
		}
		campaigns.advance(owner, id, version(id), CampaignStatus.NOMINATING);
		return count;
	}

	private long version(long campaign) {
		return jdbc.sql("SELECT version FROM award_campaign WHERE id = :id").param("id", campaign).query(Long.class).single();
	}
}
