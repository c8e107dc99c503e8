package cn.unionportal.benefits;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.unionportal.benefits.BenefitQueries.Filter;
import cn.unionportal.member.MemberEvents.MemberTransferred;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.shared.ForbiddenException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The benefits module's public face: what self-service and the award module ask, a member's
 * benefits for staff, and partner merchants. Programmes, enrolments and entitlements are
 * {@link BenefitProgrammes}, {@link BenefitEnrolments} and {@link BenefitEntitlements} (issue 9).
 * Staff methods take the {@link CurrentUser}: enrolments and
 * entitlements are scoped to the subtree of the user's organization (a member or record outside
 * it answers {@link NotFoundException}, like a missing one); programmes are created by federation
 * administrators and merchants managed by federation staff ({@link ForbiddenException}
 * otherwise). The self-service methods ({@link #benefitsOf(long, LocalDate)},
 * {@link #merchants(Long, MerchantCategory, Pageable)}, {@link #districts()}) are called for a
 * member who has already signed in, and take no user. Every change is audited.
 */
@Service
@Transactional(readOnly = true)
public class BenefitsManagement {

	static final int MEMBER_PAGE = 200;

	private final InsuranceEnrolmentRepository enrolments;

	private final MemberEntitlementRepository entitlements;

	private final MerchantDirectory merchants;

	private final BenefitQueries queries;

	private final MemberManagement members;

	private final BenefitEntitlements grants;

	private final Clock clock;

	BenefitsManagement(InsuranceEnrolmentRepository enrolments, MemberEntitlementRepository entitlements,
			MerchantDirectory merchants, BenefitQueries queries, MemberManagement members, BenefitEntitlements grants,
			Clock clock) {
		this.enrolments = enrolments;
		this.entitlements = entitlements;
		this.merchants = merchants;
		this.queries = queries;
		this.members = members;
		this.grants = grants;
		this.clock = clock;
	}

	// ---- self-service (the member is already authenticated) -------------------------------------

	/** Everything a member is entitled to, as of {@code today}. Unknown ids answer 404. */
	public MemberBenefits benefitsOf(long memberId, LocalDate today) {
		if (members.briefs(List.of(memberId)).isEmpty()) {
			throw new NotFoundException("member", memberId);
		}
		return collect(memberId, today);
	}

	/** Active partner merchants, optionally of one district and one category, by name. */
	public Page<MerchantView> merchants(Long districtId, MerchantCategory category, Pageable pageable) {
		return queries.merchants(districtId, category, MerchantStatus.ACTIVE, null, pageable);
	}

	/** The district federations merchants can be filtered by. */
	public List<DistrictOption> districts() {
		return merchants.districts();
	}

	// ---- entitlements that follow an honour (the award module) -------------------------------

	/**
	 * Grants an entitlement that follows an honour (source {@code AWARD}); called by the award
	 * module, which has checked scope and permission. Audited as the award's actor.
	 */
	@Transactional
	public long grantForAward(long memberId, EntitlementData data, String actor) {
		return grants.grantForAward(memberId, data, actor);
	}

	/** Ends (revokes) an entitlement an honour granted, when the honour is revoked; others stay. */
	@Transactional
	public void endAwardEntitlement(long entitlementId, String actor) {
		grants.endAwardEntitlement(entitlementId, actor);
	}

	// ---- one member, for staff -------------------------------------------------------------------

	/** A member of the user's scope with their enrolments and entitlements (404 outside it). */
	public MemberBenefits benefitsOf(CurrentUser user, long memberId) {
		members.get(user, memberId);
		return collect(memberId, today());
	}

	// ---- merchants -----------------------------------------------------------------------------

	/** Merchants for staff pages: every status unless one is asked for; name or address search. */
	public Page<MerchantView> merchantsForStaff(Long districtId, MerchantCategory category, MerchantStatus status,
			String text, Pageable pageable) {
		return queries.merchants(districtId, category, status, text, pageable);
	}

	public MerchantView merchant(long id) {
		return merchants.get(id);
	}

	@Transactional
	public long createMerchant(CurrentUser user, MerchantData data) {
		return merchants.create(user, data);
	}

	@Transactional
	public void updateMerchant(CurrentUser user, long id, long version, MerchantData data) {
		merchants.update(user, id, version, data);
	}

	/** Deactivates (hidden from members) or reactivates a merchant. */
	@Transactional
	public void changeMerchantStatus(CurrentUser user, long id, long version, MerchantStatus status) {
		merchants.changeStatus(user, id, version, status);
	}

	// ---- reactions -----------------------------------------------------------------------------

	/**
	 * A transferred member's enrolments and entitlements follow them into the new scope.
	 * Synchronous, in the transfer's transaction: scope is a privacy rule, so the old organization
	 * must not see them for a moment after the member left.
	 */
	@EventListener
	@Transactional
	public void on(MemberTransferred transferred) {
		List<InsuranceEnrolment> moved = enrolments.findByMemberId(transferred.memberId());
		moved.forEach(e -> e.moveToOrganization(transferred.toOrganizationId(), clock.instant()));
		enrolments.saveAllAndFlush(moved);
		List<MemberEntitlement> following = entitlements.findByMemberId(transferred.memberId());
		following.forEach(e -> e.moveToOrganization(transferred.toOrganizationId(), clock.instant()));
		entitlements.saveAllAndFlush(following);
	}

	// ---- helpers -------------------------------------------------------------------------------

	private MemberBenefits collect(long memberId, LocalDate today) {
		Filter filter = Filter.member(memberId);
		List<EnrolmentView> enrolled = queries.enrolments(filter, PageRequest.of(0, MEMBER_PAGE)).getContent();
		List<EntitlementView> granted = queries.entitlements(filter, today, PageRequest.of(0, MEMBER_PAGE))
			.getContent();
		boolean insured = enrolled.stream().anyMatch(e -> e.isEnrolled() && e.programmeYear() == today.getYear());
		return new MemberBenefits(memberId, today, insured, enrolled, granted);
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}
}
