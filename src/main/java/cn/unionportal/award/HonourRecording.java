package cn.unionportal.award;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.competition.CompetitionTitleConferred;
import cn.unionportal.member.MemberBrief;
import cn.unionportal.member.MemberEvents.MemberTransferred;
import cn.unionportal.shared.ChineseNames;
import cn.unionportal.shared.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The write side of the honour register: records an honour with the entitlements its kind
 * carries (conferral, the {@link CompetitionTitleConferred} event, staff entries), revokes and
 * changes one after {@link HonourChanges} has checked the request, and moves honours with the
 * member on transfer.
 */
@Service
@Transactional(readOnly = true)
class HonourRecording {

	private static final Logger LOG = LoggerFactory.getLogger(HonourRecording.class);

	private final JdbcClient jdbc;

	private final HonourCatalogue catalogue;

	private final HonourHolders holders;

	private final HonourEntitlements entitlements;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	HonourRecording(JdbcClient jdbc, HonourCatalogue catalogue, HonourHolders holders, HonourEntitlements entitlements,
			AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.holders = holders;
		this.entitlements = entitlements;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Writes an honour and grants what its kind carries: a yearly health check and recuperation
	 * leave (benefits, source AWARD), and for a monthly allowance the first month it is due (from
	 * the birth date). Used by conferral, the competition listener and staff entries.
	 */
	@Transactional
	long record(HonourEntry given, String actor) {
		HonourEntry entry = given.memberId() == null ? given : holders.withCurrentOrganization(given);
		HonourKindView kind = catalogue.kind(entry.kindId());
		YearMonth allowanceFrom = holders.allowanceFrom(entry, kind);
		Long district = holders.districtOf(entry.organizationId());
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO honour (kind_id, member_id, organization_id, district_id, holder_name, name_sort_key, honour_year,
				  conferred_on, source, campaign_id, nomination_id, reference, certificate_code, status, allowance_from,
				  recorded_by, created_at)
				VALUES (:kind, :member, :org, :district, :name, :sortKey, :year, :on, :source, :campaign, :nomination,
				  :reference, :certificate, 'ACTIVE', :allowanceFrom, :actor, :at)
				""")
			.param("kind", entry.kindId()).param("member", entry.memberId()).param("org", entry.organizationId())
			.param("district", district).param("name", entry.holderName())
			.param("sortKey", entry.memberId() == null ? ChineseNames.sortKey(entry.holderName())
					: ChineseNames.personSortKey(entry.holderName()))
			.param("year", entry.year()).param("on", Date.valueOf(entry.conferredOn()))
			.param("source", entry.source().name()).param("campaign", entry.campaignId())
			.param("nomination", entry.nominationId()).param("reference", entry.reference())
			.param("certificate", entry.certificateCode())
			.param("allowanceFrom", allowanceFrom == null ? null : Date.valueOf(allowanceFrom.atDay(1)))
			.param("actor", actor).param("at", Timestamp.from(clock.instant()))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		if (entry.memberId() != null) {
			entitlements.grant(id, entry, kind, actor);
		}
		events.publishEvent(new HonourEvents.HonourConferred(id, entry.memberId(), entry.organizationId(), kind.code(),
				kind.level(), entry.year(), entry.conferredOn(), entry.source()));
		audit.record(actor, "HONOUR_RECORDED", HonourRegister.SUBJECT, id, entry.organizationId(),
				kind.code() + " " + entry.year() + " " + entry.source() + ": " + entry.holderName() + " ("
						+ entry.reference() + ")");
		return id;
	}

	/** Marks a checked honour revoked; the entitlements it granted end. */
	@Transactional
	void revoke(HonourView honour, long version, String why, String doc, String actor) {
		long id = honour.id();
		int changed = jdbc.sql("""
				UPDATE honour SET status = 'REVOKED', revoked_reason = :reason, revoked_document = :doc,
				  revoked_on = :today, version = version + 1 WHERE id = :id AND version = :version
				""").param("reason", why).param("doc", doc).param("today", Date.valueOf(LocalDate.now(clock)))
			.param("id", id).param("version", version).update();
		if (changed == 0) {
			throw new ConflictException("honour " + id + " changed meanwhile");
		}
		entitlements.end(id, actor);
		events.publishEvent(new HonourEvents.HonourRevoked(id, honour.memberId(), honour.organizationId(),
				catalogue.kind(honour.kindId()).code(), LocalDate.now(clock)));
		audit.record(actor, "HONOUR_REVOKED", HonourRegister.SUBJECT, id, honour.organizationId(),
				honour.kindName() + " " + honour.year() + ": " + why + " (" + doc + ")");
	}

	/** Sets a flag of a checked honour (deceased, listed), version-checked and audited. */
	@Transactional
	void change(HonourView honour, long version, String assignment, String action, String actor) {
		int changed = jdbc.sql("UPDATE honour SET " + assignment + ", version = version + 1 WHERE id = :id AND version = :v")
			.param("id", honour.id()).param("v", version).update();
		if (changed == 0) {
			throw new ConflictException("honour " + honour.id() + " changed meanwhile");
		}
		audit.record(actor, action, HonourRegister.SUBJECT, honour.id(), honour.organizationId(),
				honour.kindName() + " " + honour.year());
	}

	// ---- events ------------------------------------------------------------------------------------

	/**
	 * A competition conferred a title: recorded once per person and title (the certificate code
	 * with the member and the kind make a repeated delivery harmless; one competition certificate
	 * carries both titles of a winner, and every member of a winning team), with the competition
	 * and trade as the reference.
	 */
	@ApplicationModuleListener
	public void on(CompetitionTitleConferred title) {
		recordCompetitionTitle(title);
	}

	@Transactional
	void recordCompetitionTitle(CompetitionTitleConferred title) {
		HonourKindView kind = catalogue.byCode(title.honourKindCode()).orElse(null);
		boolean known = kind != null && jdbc.sql("""
				SELECT COUNT(*) FROM honour WHERE certificate_code = :code AND member_id = :member AND kind_id = :kind""")
			.param("code", title.certificateCode()).param("member", title.memberId()).param("kind", kind.id())
			.query(Long.class).single() > 0;
		if (known) {
			return;
		}
		MemberBrief member = holders.member(title.memberId()).orElse(null);
		if (kind == null || member == null) {
			LOG.warn("Competition title {} for member {} not recorded: unknown kind or member", title.honourKindCode(),
					title.memberId());
			return;
		}
		String reference = Texts.summary(title.competitionName() + " · " + title.tradeName(), 200);
		record(new HonourEntry(kind.id(), member.id(), member.organizationId(), member.name(), title.year(),
				title.conferredOn(), HonourSource.COMPETITION, null, null, reference, title.certificateCode()),
				"competition");
	}

	/** The honours follow the member to the new organization, in the transfer's transaction. */
	@EventListener
	@Transactional
	public void on(MemberTransferred transferred) {
		jdbc.sql("UPDATE honour SET organization_id = :to WHERE member_id = :member")
			.param("to", transferred.toOrganizationId()).param("member", transferred.memberId()).update();
	}
}
