package cn.unionportal.benefits;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.unionportal.benefits.BenefitQueries.Filter;
import cn.unionportal.member.MemberBrief;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberView;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Entitlements of members in the user's scope (issue 9, split from {@link BenefitsManagement}):
 * the list, grants by staff and by the award module (source {@code AWARD}), and status changes.
 * A member or entitlement outside the scope answers 404. Every change is audited.
 */
@Service
@Transactional(readOnly = true)
public class BenefitEntitlements {

	static final String ENTITLEMENT = "BENEFIT_ENTITLEMENT";

	private final MemberEntitlementRepository entitlements;

	private final BenefitQueries queries;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	private final AuditTrail audit;

	private final Clock clock;

	BenefitEntitlements(MemberEntitlementRepository entitlements, BenefitQueries queries, MemberManagement members,
			OrganizationManagement organizations, AuditTrail audit, Clock clock) {
		this.entitlements = entitlements;
		this.queries = queries;
		this.members = members;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
	}

	public Page<EntitlementView> entitlements(CurrentUser user, EntitlementKind kind, String text, Pageable pageable) {
		return queries.entitlements(new Filter(user.organizationId(), null, null, kind, text), today(), pageable);
	}

	/** Grants an entitlement to an active member of the user's scope, for a period. */
	@Transactional
	public long grantEntitlement(CurrentUser user, long memberId, EntitlementData data) {
		MemberView member = members.get(user, memberId);
		if (!member.isActive()) {
			throw new RuleViolationException(null, "benefit.error.memberNotActive");
		}
		Texts.requireField(data.kind(), "kind");
		Texts.requireField(data.validFrom(), "validFrom");
		if (data.validUntil() != null && data.validUntil().isBefore(data.validFrom())) {
			throw new RuleViolationException("validUntil", "benefit.error.period");
		}
		String description = Texts.optional(data.description(), "description", 200);
		MemberEntitlement entitlement = new MemberEntitlement(memberId, member.organizationId(), data.kind(),
				description, data.validFrom(), data.validUntil(), user.username(), EntitlementSource.STAFF,
				clock.instant());
		entitlements.saveAndFlush(entitlement);
		audit.record(user.username(), "BENEFIT_ENTITLEMENT_GRANTED", ENTITLEMENT, entitlement.getId(),
				member.organizationId(), "member " + memberId + ", " + data.kind() + ", " + data.validFrom() + " – "
						+ (data.validUntil() == null ? "" : data.validUntil()));
		return entitlement.getId();
	}

	/** Marks a granted entitlement used, expired or revoked. */
	@Transactional
	public void changeEntitlementStatus(CurrentUser user, long id, long version, EntitlementStatus status) {
		MemberEntitlement entitlement = entitlements.findById(id)
			.filter(e -> organizations.scopeOf(user).contains(e.getOrganizationId()))
			.orElseThrow(() -> new NotFoundException("entitlement", id));
		if (entitlement.getVersion() != version) {
			throw new ConflictException("entitlement " + id + " changed meanwhile");
		}
		Texts.requireField(status, "status");
		if (entitlement.getStatus() == status) {
			return;
		}
		if (!entitlement.getStatus().mayChangeTo(status)) {
			throw new RuleViolationException("status", "benefit.entitlement.error.transition");
		}
		EntitlementStatus old = entitlement.getStatus();
		entitlement.changeStatus(status, clock.instant());
		entitlements.saveAndFlush(entitlement);
		audit.record(user.username(), "BENEFIT_ENTITLEMENT_" + status, ENTITLEMENT, id, entitlement.getOrganizationId(),
				"status: " + old + " → " + status);
	}

	/**
	 * Grants an entitlement that follows an honour (source {@code AWARD}); called by the award
	 * module, which has checked scope and permission. Audited as the award's actor.
	 */
	@Transactional
	public long grantForAward(long memberId, EntitlementData data, String actor) {
		MemberBrief member = members.briefs(List.of(memberId)).get(memberId);
		if (member == null) {
			throw new NotFoundException("member", memberId);
		}
		MemberEntitlement entitlement = new MemberEntitlement(memberId, member.organizationId(), data.kind(),
				Texts.optional(data.description(), "description", 200), data.validFrom(), data.validUntil(), actor,
				EntitlementSource.AWARD, clock.instant());
		entitlements.saveAndFlush(entitlement);
		audit.record(actor, "BENEFIT_ENTITLEMENT_GRANTED", ENTITLEMENT, entitlement.getId(), member.organizationId(),
				"award: member " + memberId + ", " + data.kind() + ", " + data.validFrom());
		return entitlement.getId();
	}

	/** Ends (revokes) an entitlement an honour granted, when the honour is revoked; others stay. */
	@Transactional
	public void endAwardEntitlement(long entitlementId, String actor) {
		entitlements.findById(entitlementId)
			.filter(e -> e.getStatus() == EntitlementStatus.GRANTED && e.getSource() == EntitlementSource.AWARD)
			.ifPresent(e -> {
				e.changeStatus(EntitlementStatus.REVOKED, clock.instant());
				entitlements.saveAndFlush(e);
				audit.record(actor, "BENEFIT_ENTITLEMENT_REVOKED", ENTITLEMENT, entitlementId, e.getOrganizationId(),
						"award revoked");
			});
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}
}
