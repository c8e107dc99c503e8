package cn.unionportal.award;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.benefits.BenefitsManagement;
import cn.unionportal.benefits.EntitlementData;
import cn.unionportal.benefits.EntitlementKind;
import cn.unionportal.competition.CompetitionTitleConferred;
import cn.unionportal.member.MemberBrief;
import cn.unionportal.member.MemberEvents.MemberTransferred;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberView;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.Scope;
import cn.unionportal.organization.Scopes;
import cn.unionportal.shared.ChineseNames;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
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
 * The honour register (荣誉档案): every honour a member or collective holds, from campaigns, from
 * competitions (the {@link CompetitionTitleConferred} event) or entered by staff. Conferral grants
 * the entitlements the kind carries (benefits module, source AWARD); revocation ends them. The
 * honour follows the member on transfer.
 */
@Service
@Transactional(readOnly = true)
public class HonourRegister {

	static final String SUBJECT = "HONOUR";

	private static final Logger LOG = LoggerFactory.getLogger(HonourRegister.class);

	static final String COLUMNS = """
			h.id, h.kind_id, k.name AS kind_name, k.name_en AS kind_name_en, k.honour_level, h.member_id, h.organization_id,
			h.holder_name, h.honour_year, h.conferred_on, h.source, h.reference, h.certificate_code, h.status,
			h.revoked_reason, h.revoked_document, h.revoked_on, h.deceased, h.listed, h.allowance_from, h.version
			""";

	static final String FROM = " FROM honour h JOIN honour_kind k ON k.id = h.kind_id ";

	private final JdbcClient jdbc;

	private final HonourCatalogue catalogue;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	private final Scopes scopes;

	private final BenefitsManagement benefits;

	private final AwardPermissions permissions;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	HonourRegister(JdbcClient jdbc, HonourCatalogue catalogue, MemberManagement members,
			OrganizationManagement organizations, Scopes scopes, BenefitsManagement benefits,
			AwardPermissions permissions, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.members = members;
		this.organizations = organizations;
		this.scopes = scopes;
		this.benefits = benefits;
		this.permissions = permissions;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- reads -------------------------------------------------------------------------------------

	/** A member's honours (404 outside the user's scope), newest first. */
	public List<HonourView> honoursOf(CurrentUser user, long memberId) {
		members.get(user, memberId);
		return honoursOfMember(memberId);
	}

	/** The member's own honours (self-service; the member is signed in). */
	public List<HonourView> ownHonours(long memberId) {
		return honoursOfMember(memberId);
	}

	/** Collective honours of an organization (404 outside the scope). */
	public List<HonourView> collectiveHonoursOf(CurrentUser user, long organizationId) {
		scopes.of(user).require(organizationId);
		return jdbc.sql("SELECT " + COLUMNS + FROM
				+ "WHERE h.organization_id = :org AND h.member_id IS NULL ORDER BY h.conferred_on DESC, h.id DESC")
			.param("org", organizationId).query(HonourRegister::map).list();
	}

	public HonourView honour(CurrentUser user, long id) {
		HonourView honour = find(id).orElseThrow(() -> new NotFoundException("honour", id));
		if (!scopes.of(user).contains(honour.organizationId())) {
			throw new NotFoundException("honour", id);
		}
		return honour;
	}

	java.util.Optional<HonourView> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE h.id = :id").param("id", id).query(HonourRegister::map)
			.optional();
	}

	private List<HonourView> honoursOfMember(long memberId) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE h.member_id = :member ORDER BY h.conferred_on DESC, h.id DESC")
			.param("member", memberId).query(HonourRegister::map).list();
	}

	/** What the eligibility rules need: the honours a member holds or held. */
	List<AwardRules.Held> heldBy(long memberId) {
		return jdbc.sql("SELECT kind_id, honour_year, status FROM honour WHERE member_id = :member")
			.param("member", memberId)
			.query((rs, i) -> new AwardRules.Held(rs.getLong(1), rs.getInt(2), "ACTIVE".equals(rs.getString(3))))
			.list();
	}

	// ---- changes -----------------------------------------------------------------------------------

	/** Records an honour conferred outside the portal for a member of the scope (administrators). */
	@Transactional
	public long enter(CurrentUser user, long memberId, ManualHonourData data) {
		MemberView member = members.get(user, memberId);
		AwardPermissions.require(permissions.mayManageRegister(user), "register");
		HonourKindView kind = catalogue.kind(data.kindId());
		if (kind.isCollective()) {
			throw new RuleViolationException("kindId", "award.error.collectiveKind");
		}
		Texts.requireField(data.conferredOn(), "conferredOn");
		if (data.conferredOn().isAfter(LocalDate.now(clock))) {
			throw new RuleViolationException("conferredOn", "award.error.future");
		}
		if (data.year() < 1950 || data.year() > LocalDate.now(clock).getYear()) {
			throw new RuleViolationException("year", "award.error.range", 1950, LocalDate.now(clock).getYear());
		}
		String reference = Texts.required(data.documentReference(), "documentReference", 200);
		return record(new HonourEntry(kind.id(), memberId, member.organizationId(), member.name(), data.year(),
				data.conferredOn(), HonourSource.MANUAL, null, null, reference, null), user.username());
	}

	/** Revokes an honour (撤销) with reason and document; the entitlements it granted end. */
	@Transactional
	public void revoke(CurrentUser user, long id, long version, String reason, String document) {
		HonourView honour = honour(user, id);
		AwardPermissions.require(permissions.mayManageRegister(user), "register");
		if (!honour.isActive()) {
			throw new RuleViolationException("reason", "award.error.alreadyRevoked");
		}
		String why = Texts.required(reason, "reason", 500);
		String doc = Texts.required(document, "document", 200);
		int changed = jdbc.sql("""
				UPDATE honour SET status = 'REVOKED', revoked_reason = :reason, revoked_document = :doc,
				  revoked_on = :today, version = version + 1 WHERE id = :id AND version = :version
				""").param("reason", why).param("doc", doc).param("today", Date.valueOf(LocalDate.now(clock)))
			.param("id", id).param("version", version).update();
		if (changed == 0) {
			throw new ConflictException("honour " + id + " changed meanwhile");
		}
		jdbc.sql("SELECT entitlement_id FROM honour_entitlement WHERE honour_id = :id").param("id", id)
			.query(Long.class).list().forEach(e -> benefits.endAwardEntitlement(e, user.username()));
		events.publishEvent(new HonourEvents.HonourRevoked(id, honour.memberId(), honour.organizationId(),
				catalogue.kind(honour.kindId()).code(), LocalDate.now(clock)));
		audit.record(user.username(), "HONOUR_REVOKED", SUBJECT, id, honour.organizationId(),
				honour.kindName() + " " + honour.year() + ": " + why + " (" + doc + ")");
	}

	/** Records that the holder has died (the allowance stops; the honour stays on the roll). */
	@Transactional
	public void markDeceased(CurrentUser user, long id, long version) {
		HonourView honour = honour(user, id);
		change(user, honour, version, "deceased = TRUE", "HONOUR_HOLDER_DECEASED");
	}

	/** The holder asked to be listed (or not) by name on the public honour roll. */
	@Transactional
	public void changeListing(CurrentUser user, long id, long version, boolean listed) {
		HonourView honour = honour(user, id);
		change(user, honour, version, "listed = " + (listed ? "TRUE" : "FALSE"), listed ? "HONOUR_LISTED" : "HONOUR_UNLISTED");
	}

	private void change(CurrentUser user, HonourView honour, long version, String assignment, String action) {
		int changed = jdbc.sql("UPDATE honour SET " + assignment + ", version = version + 1 WHERE id = :id AND version = :v")
			.param("id", honour.id()).param("v", version).update();
		if (changed == 0) {
			throw new ConflictException("honour " + honour.id() + " changed meanwhile");
		}
		audit.record(user.username(), action, SUBJECT, honour.id(), honour.organizationId(),
				honour.kindName() + " " + honour.year());
	}

	/**
	 * Writes an honour and grants what its kind carries: a yearly health check and recuperation
	 * leave (benefits, source AWARD), and for a monthly allowance the first month it is due (from
	 * the birth date). Used by conferral, the competition listener and staff entries.
	 */
	@Transactional
	long record(HonourEntry given, String actor) {
		HonourEntry entry = given.memberId() == null ? given : withCurrentOrganization(given);
		HonourKindView kind = catalogue.kind(entry.kindId());
		YearMonth allowanceFrom = null;
		if (entry.memberId() != null && kind.monthlyAllowance() != null && kind.allowanceFromAge() != null) {
			allowanceFrom = AwardRules.allowanceFrom(members.birthDateOf(entry.memberId()), kind.allowanceFromAge(),
					entry.conferredOn());
		}
		Long district = organizations.districtOf(entry.organizationId()).orElse(null);
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
			grantEntitlements(id, entry, kind, actor);
		}
		events.publishEvent(new HonourEvents.HonourConferred(id, entry.memberId(), entry.organizationId(), kind.code(),
				kind.level(), entry.year(), entry.conferredOn(), entry.source()));
		audit.record(actor, "HONOUR_RECORDED", SUBJECT, id, entry.organizationId(),
				kind.code() + " " + entry.year() + " " + entry.source() + ": " + entry.holderName() + " ("
						+ entry.reference() + ")");
		return id;
	}

	/** A member's honour is kept at the member's organization of today (it follows transfers). */
	private HonourEntry withCurrentOrganization(HonourEntry e) {
		MemberBrief member = members.briefs(List.of(e.memberId())).get(e.memberId());
		if (member == null) {
			throw new NotFoundException("member", e.memberId());
		}
		return new HonourEntry(e.kindId(), e.memberId(), member.organizationId(), e.holderName(), e.year(),
				e.conferredOn(), e.source(), e.campaignId(), e.nominationId(), e.reference(), e.certificateCode());
	}

	private void grantEntitlements(long honourId, HonourEntry entry, HonourKindView kind, String actor) {
		if (kind.healthCheck()) {
			link(honourId, benefits.grantForAward(entry.memberId(), new EntitlementData(EntitlementKind.HEALTH_CHECK,
					Texts.summary(kind.name() + "：每年免费健康体检", 200), entry.conferredOn(), null), actor));
		}
		if (kind.recuperationLeave()) {
			link(honourId, benefits.grantForAward(entry.memberId(), new EntitlementData(EntitlementKind.RECUPERATION_LEAVE,
					Texts.summary(kind.name() + "：疗休养", 200), entry.conferredOn(), entry.conferredOn().plusYears(1)),
					actor));
		}
	}

	private void link(long honourId, long entitlementId) {
		jdbc.sql("INSERT INTO honour_entitlement (honour_id, entitlement_id) VALUES (:h, :e)")
			.param("h", honourId).param("e", entitlementId).update();
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
		MemberBrief member = members.briefs(List.of(title.memberId())).get(title.memberId());
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

	static HonourView map(ResultSet rs, int row) throws SQLException {
		Date revokedOn = rs.getDate("revoked_on");
		Date allowanceFrom = rs.getDate("allowance_from");
		return new HonourView(rs.getLong("id"), rs.getLong("kind_id"), rs.getString("kind_name"),
				rs.getString("kind_name_en"), HonourLevel.valueOf(rs.getString("honour_level")),
				rs.getObject("member_id", Long.class), rs.getLong("organization_id"), rs.getString("holder_name"),
				rs.getInt("honour_year"), rs.getDate("conferred_on").toLocalDate(),
				HonourSource.valueOf(rs.getString("source")), rs.getString("reference"), rs.getString("certificate_code"),
				HonourStatus.valueOf(rs.getString("status")), rs.getString("revoked_reason"),
				rs.getString("revoked_document"), revokedOn == null ? null : revokedOn.toLocalDate(),
				rs.getBoolean("deceased"), rs.getBoolean("listed"),
				allowanceFrom == null ? null : YearMonth.from(allowanceFrom.toLocalDate()), rs.getLong("version"));
	}
}
