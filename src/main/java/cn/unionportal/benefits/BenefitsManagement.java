package cn.unionportal.benefits;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.unionportal.benefits.BenefitQueries.Filter;
import cn.unionportal.member.MemberEvents.MemberTransferred;
import cn.unionportal.member.MemberBrief;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberView;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.ForbiddenException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The benefits module's public face. Staff methods take the {@link CurrentUser}: enrolments and
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

	static final String ENROLMENT = "BENEFIT_ENROLMENT";

	static final String PROGRAMME = "BENEFIT_PROGRAMME";

	static final String ENTITLEMENT = "BENEFIT_ENTITLEMENT";

	private static final int MEMBER_PAGE = 200;

	private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

	private final BenefitProgrammeRepository programmes;

	private final InsuranceEnrolmentRepository enrolments;

	private final MemberEntitlementRepository entitlements;

	private final MerchantDirectory merchants;

	private final BenefitQueries queries;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	private final AuditTrail audit;

	private final Clock clock;

	private final BenefitsPermissions permissions;

	BenefitsManagement(BenefitProgrammeRepository programmes, InsuranceEnrolmentRepository enrolments,
			MemberEntitlementRepository entitlements, MerchantDirectory merchants, BenefitQueries queries,
			MemberManagement members, OrganizationManagement organizations, AuditTrail audit, Clock clock, BenefitsPermissions permissions) {
		this.permissions = permissions;
		this.programmes = programmes;
		this.enrolments = enrolments;
		this.entitlements = entitlements;
		this.merchants = merchants;
		this.queries = queries;
		this.members = members;
		this.organizations = organizations;
		this.audit = audit;
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

	// ---- programmes ----------------------------------------------------------------------------

	/** Programmes run above the user's organization (or at it) or inside the scope. */
	public List<ProgrammeView> programmes(CurrentUser user) {
		return queries.programmes(user.organizationId());
	}

	public ProgrammeView programme(CurrentUser user, long id) {
		loadProgramme(user, id);
		return programmes(user).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
	}

	/** A new programme run by the municipal federation; it opens at once. */
	@Transactional
	public long createProgramme(CurrentUser user, ProgrammeData data) {
		permissions.requireManageProgrammes(user);
		ProgrammeKind kind = data.kind() == null ? ProgrammeKind.MUTUAL_AID_INSURANCE : data.kind();
		String name = Texts.required(data.name(), "name", 100);
		if (data.year() == null) {
			throw new RuleViolationException("year", "validation.required");
		}
		if (data.year() < 2000 || data.year() > 2100) {
			throw new RuleViolationException("year", "benefit.programme.error.year");
		}
		Texts.requireField(data.periodStart(), "periodStart");
		Texts.requireField(data.periodEnd(), "periodEnd");
		if (data.periodEnd().isBefore(data.periodStart())) {
			throw new RuleViolationException("periodEnd", "benefit.error.period");
		}
		BigDecimal premium = data.premium() == null ? BigDecimal.ZERO : checkAmount(data.premium(), "premium");
		long runBy = organizations.rootId();
		if (programmes.existsByOrganizationIdAndKindAndYear(runBy, kind, data.year())) {
			throw new RuleViolationException("year", "benefit.programme.error.duplicate", data.year());
		}
		BenefitProgramme programme = new BenefitProgramme(kind, name, data.year(), data.periodStart(),
				data.periodEnd(), premium, runBy, user.username(), clock.instant());
		try {
			programmes.saveAndFlush(programme);
		}
		catch (DataIntegrityViolationException concurrentDuplicate) {
			throw new RuleViolationException("year", "benefit.programme.error.duplicate", data.year());
		}
		audit.record(user.username(), "BENEFIT_PROGRAMME_CREATED", PROGRAMME, programme.getId(), runBy,
				"name=" + name + "; kind=" + kind + "; year=" + data.year() + "; premium=" + premium);
		return programme.getId();
	}

	@Transactional
	public void changeProgrammeStatus(CurrentUser user, long id, long version, ProgrammeStatus status) {
		BenefitProgramme programme = loadProgramme(user, id);
		permissions.requireManageProgrammes(user);
		if (programme.getVersion() != version) {
			throw new ConflictException("programme " + id + " changed meanwhile");
		}
		Texts.requireField(status, "status");
		ProgrammeStatus before = programme.getStatus();
		programme.changeStatus(status, clock.instant());
		programmes.saveAndFlush(programme);
		if (before != status) {
			audit.record(user.username(), "BENEFIT_PROGRAMME_" + status, PROGRAMME, id, programme.getOrganizationId(),
					"name=" + programme.getName() + "; status: " + before + " → " + status);
		}
	}

	// ---- enrolments ----------------------------------------------------------------------------

	/** Enrolments of members in the user's scope, optionally of one programme, by name or card. */
	public Page<EnrolmentView> enrolments(CurrentUser user, Long programmeId, String text, Pageable pageable) {
		if (programmeId != null) {
			loadProgramme(user, programmeId);
		}
		return queries.enrolments(new Filter(user.organizationId(), null, programmeId, null, text), pageable);
	}

	/** One enrolment of a member in the user's scope. */
	public EnrolmentView enrolment(CurrentUser user, long id) {
		InsuranceEnrolment enrolment = loadEnrolment(user, id);
		return collect(enrolment.getMemberId(), today()).enrolments()
			.stream()
			.filter(e -> e.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("enrolment", id));
	}

	/**
	 * Enrols a member of the user's scope in an open programme (re-opening a cancelled enrolment).
	 * Enrolling twice is refused with {@code benefit.enrolment.error.duplicate}.
	 */
	@Transactional
	public long enrol(CurrentUser user, long programmeId, long memberId, LocalDate enrolledOn) {
		BenefitProgramme programme = loadProgramme(user, programmeId);
		MemberView member = members.get(user, memberId);
		if (!member.isActive()) {
			throw new RuleViolationException(null, "benefit.error.memberNotActive");
		}
		if (programme.getStatus() != ProgrammeStatus.OPEN) {
			throw new RuleViolationException("programmeId", "benefit.enrolment.error.closed");
		}
		if (!organizations.isWithin(programme.getOrganizationId(), member.organizationId())) {
			throw new RuleViolationException("programmeId", "benefit.enrolment.error.outsideProgramme");
		}
		LocalDate on = enrolledOn == null ? today() : enrolledOn;
		if (on.isAfter(programme.getPeriodEnd())) {
			throw new RuleViolationException("enrolledOn", "benefit.enrolment.error.afterPeriod");
		}
		InsuranceEnrolment enrolment = enrolments.findByProgrammeIdAndMemberId(programmeId, memberId).orElse(null);
		if (enrolment != null && enrolment.getStatus() == EnrolmentStatus.ENROLLED) {
			throw duplicate();
		}
		String action;
		if (enrolment == null) {
			enrolment = new InsuranceEnrolment(programmeId, memberId, member.organizationId(), on, user.username(),
					clock.instant());
			action = "ENROLLED";
		}
		else {
			enrolment.reopen(member.organizationId(), on, user.username(), clock.instant());
			action = "RE_ENROLLED";
		}
		try {
			enrolments.saveAndFlush(enrolment);
		}
		catch (DataIntegrityViolationException concurrentDouble) {
			// the same member enrolled by a concurrent request (a double submit)
			throw duplicate();
		}
		audit.record(user.username(), "BENEFIT_" + action, ENROLMENT, enrolment.getId(), member.organizationId(),
				"member " + memberId + ", programme " + programmeId + " (" + programme.getName() + "), from " + on);
		return enrolment.getId();
	}

	@Transactional
	public void cancelEnrolment(CurrentUser user, long enrolmentId, long version) {
		InsuranceEnrolment enrolment = loadEnrolment(user, enrolmentId, version);
		if (enrolment.getStatus() == EnrolmentStatus.CANCELLED) {
			return;
		}
		enrolment.cancel(today(), clock.instant());
		enrolments.saveAndFlush(enrolment);
		audit.record(user.username(), "BENEFIT_ENROLMENT_CANCELLED", ENROLMENT, enrolmentId,
				enrolment.getOrganizationId(), "member " + enrolment.getMemberId());
	}

	/** Sets the total of claims paid out on an enrolment (yuan, at least 0, two decimals at most). */
	@Transactional
	public void recordClaimsPaid(CurrentUser user, long enrolmentId, long version, BigDecimal amount) {
		InsuranceEnrolment enrolment = loadEnrolment(user, enrolmentId, version);
		BigDecimal checked = checkAmount(amount, "claimsPaid");
		BigDecimal old = enrolment.getClaimsPaid();
		if (old.compareTo(checked) == 0) {
			return;
		}
		enrolment.recordClaimsPaid(checked, clock.instant());
		enrolments.saveAndFlush(enrolment);
		audit.record(user.username(), "BENEFIT_CLAIMS_PAID", ENROLMENT, enrolmentId, enrolment.getOrganizationId(),
				"claims paid: " + old.setScale(2).toPlainString() + " → " + checked.toPlainString());
	}

	// ---- entitlements --------------------------------------------------------------------------

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

	private BenefitProgramme loadProgramme(CurrentUser user, long id) {
		return programmes.findById(id)
			.filter(p -> organizations.scopeOf(user).liesWithin(p.getOrganizationId()) || organizations.scopeOf(user).contains(p.getOrganizationId()))
			.orElseThrow(() -> new NotFoundException("programme", id));
	}

	private InsuranceEnrolment loadEnrolment(CurrentUser user, long id) {
		return enrolments.findById(id)
			.filter(e -> organizations.scopeOf(user).contains(e.getOrganizationId()))
			.orElseThrow(() -> new NotFoundException("enrolment", id));
	}

	private InsuranceEnrolment loadEnrolment(CurrentUser user, long id, long version) {
		InsuranceEnrolment enrolment = loadEnrolment(user, id);
		if (enrolment.getVersion() != version) {
			throw new ConflictException("enrolment " + id + " changed meanwhile");
		}
		return enrolment;
	}

	private static BigDecimal checkAmount(BigDecimal amount, String field) {
		Texts.requireField(amount, field);
		if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(MAX_AMOUNT) > 0) {
			throw new RuleViolationException(field, "benefit.error.amount");
		}
		return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
	}

	private static RuleViolationException duplicate() {
		return new RuleViolationException("memberId", "benefit.enrolment.error.duplicate");
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}
}
