package cn.unionportal.award;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Objections (异议) to a candidate on public notice, taken from the public page; staff list them
 * through {@link NominationSearch} and resolve them through {@link NoticeAndConferral}.
 */
@Service
@Transactional(readOnly = true)
public class NoticeObjections {

	private final JdbcClient jdbc;

	private final Nominations nominations;

	private final Campaigns campaigns;

	private final PersonalDataCipher cipher;

	private final Clock clock;

	NoticeObjections(JdbcClient jdbc, Nominations nominations, Campaigns campaigns, PersonalDataCipher cipher,
			Clock clock) {
		this.jdbc = jdbc;
		this.nominations = nominations;
		this.campaigns = campaigns;
		this.cipher = cipher;
		this.clock = clock;
	}

	/**
	 * Takes an objection to a candidate on notice, anonymous (no name) or named; refused once the
	 * notice has ended. The phone number is kept encrypted and shown masked.
	 */
	@Transactional
	public long object(long nominationId, String name, String phone, String content, String actor) {
		NominationView n = nominations.load(nominationId);
		CampaignView campaign = campaigns.load(n.campaignId());
		LocalDate today = LocalDate.now(clock);
		if (n.status() != NominationStatus.ON_NOTICE || campaign.noticeUntil() == null
				|| today.isAfter(campaign.noticeUntil()) || today.isBefore(campaign.noticeFrom())) {
			throw new RuleViolationException(null, "award.error.noticeEnded");
		}
		String text = Texts.required(content, "content", 2000);
		String who = Texts.optional(name, "name", 50);
		String mobile = Texts.optional(phone, "phone", 20);
		if (mobile != null && !mobile.matches("[0-9+\\- ]{5,20}")) {
			throw new RuleViolationException("phone", "award.error.phone");
		}
		org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO nomination_objection (nomination_id, objector_name, objector_phone, content, received_at, status)
				VALUES (:n, :name, :phone, :content, :at, 'OPEN')
				""").param("n", nominationId).param("name", who)
			.param("phone", mobile == null ? null : cipher.encrypt(mobile)).param("content", text)
			.param("at", Timestamp.from(clock.instant())).update(keys, "id");
		long id = keys.getKey().longValue();
		nominations.step(n, actor, "OBJECTION_RECEIVED", "#" + id + (who == null ? " (anonymous)" : ""));
		return id;
	}
}
