package cn.unionportal.aid.cases;

import cn.unionportal.aid.AidEvents;
import cn.unionportal.aid.files.HardshipTier;
import cn.unionportal.aid.funding.AidBudget;
import cn.unionportal.aid.funding.AidBudgetKey;
import cn.unionportal.aid.funding.AidBudgetRepository;
import cn.unionportal.aid.funding.AidBudgetView;
import cn.unionportal.aid.funding.AidPolicyKey;
import cn.unionportal.aid.funding.AidPolicyStore;
import cn.unionportal.aid.funding.AidPolicyValues;
import cn.unionportal.aid.lookup.LookupCodes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.unionportal.aid.cases.AidCaseFiles.CaseFile;
import cn.unionportal.member.MemberBrief;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberView;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.ForbiddenException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.masking.Masking;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aid cases: recording with the amount computed from the yearly policy (an override needs a
 * reason), four-eyes approval at district or municipal level, and payments against the paying
 * organization's yearly budget.
 * <ul>
 * <li>Scope: a case belongs to the member's organization at recording time; every read and change
 * finds the case within the user's subtree, and a case outside it answers {@link NotFoundException}
 * like a missing one.</li>
 * <li>Recording: any staff user (STAFF, ORG_ADMIN, FEDERATION_ADMIN) for an active member in scope;
 * the year is the recording year in the portal's time zone. A case attached to a household file
 * takes the file's tier; the file must be the same member's, in scope, and FILED, or CLOSED with
 * its support still running ({@code support_until} not passed: 脱困不脱政策).</li>
 * <li>Deciding: see {@link AidCaseDeciders}; refusals of role or level answer
 * {@link ForbiddenException}; the recorder deciding, a missing comment or a case already decided
 * are {@link RuleViolationException}s; a stale page is a {@link ConflictException}.</li>
 * <li>Medical cap: recording or approving a medical case locks the member's year first
 * ({@link AidCaseRepository#lockMedicalCap}), so two cases at once cannot both fit into what
 * remained of the cap.</li>
 * <li>Paying: any staff user in scope, on an approved case, at most what remains of the approved
 * amount, from the budget of the user's organization for the case's year. Optimistic locking on
 * the case and the budget plus the one-time request token make concurrent clicks record one
 * payment.</li>
 * </ul>
 * Every change is audited (subject {@code AID_CASE}, no bank card numbers, no free text that could
 * hold health data) and announced as an {@link AidEvents} event.
 */
@Service
@Transactional(readOnly = true)
public class AidCaseManagement {

	static final String SUBJECT = "AID_CASE";

	private static final int CODE_ATTEMPTS = 10;

	private final AidCaseRepository cases;

	private final AidPaymentRepository payments;

	private final AidBudgetRepository budgets;

	private final AidCaseSearch search;

	private final AidCaseFiles files;

	private final AidPolicyStore policies;

	private final AidCaseDeciders deciders;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AidCaseManagement(AidCaseRepository cases, AidPaymentRepository payments, AidBudgetRepository budgets,
			AidCaseSearch search, AidCaseFiles files, AidPolicyStore policies, AidCaseDeciders deciders,
			MemberManagement members, OrganizationManagement organizations, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.cases = cases;
		this.payments = payments;
		this.budgets = budgets;
		this.search = search;
		this.files = files;
		this.policies = policies;
		this.deciders = deciders;
		this.members = members;
		this.organizations = organizations;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	// ---- reading -------------------------------------------------------------------------

	public Page<AidCaseSummary> search(CurrentUser user, AidCaseQuery query, Pageable pageable) {
		long scope = organizations.scopeOf(user).narrowTo(query.organizationId());
		if (query.memberId() != null) {
			members.get(user, query.memberId());
		}
		if (query.fileId() != null) {
			fileInScope(user, query.fileId());
		}
		return summaries(search.find(scope, query, null, Set.of(), pageable));
	}

	/** Recorded cases in scope waiting for this user's decision (not recorded by them, at their level). */
	public Page<AidCaseSummary> queue(CurrentUser user, Pageable pageable) {
		return summaries(search.find(user.organizationId(), AidCaseQuery.all(), deciders.excludedRecorders(user),
				deciders.levelsOf(user), pageable));
	}

	/** Whether the user decides cases at all (administrators at district or municipal federations). */
	public boolean decidesCases(CurrentUser user) {
		return !deciders.levelsOf(user).isEmpty();
	}

	public int currentYear() {
		return today().getYear();
	}

	/** Today in the portal's time zone. */
	public LocalDate today() {
		return LocalDate.now(clock);
	}

	public AidCaseView get(CurrentUser user, long id) {
		AidCase aidCase = load(user, id);
		MemberBrief member = members.briefs(List.of(aidCase.getMemberId())).get(aidCase.getMemberId());
		CaseFile file = aidCase.getFileId() == null ? null : files.find(aidCase.getFileId()).orElse(null);
		List<AidPayment> paid = payments.findByCaseIdOrderByRecordedAtAscIdAsc(id);
		Set<Long> organizationIds = new HashSet<>();
		organizationIds.add(aidCase.getOrganizationId());
		organizationIds.add(user.organizationId());
		paid.forEach(p -> organizationIds.add(p.getPayerOrganizationId()));
		Map<Long, String> names = organizations.scopeOf(user).names(organizationIds);
		String block = decisionBlock(user, aidCase);
		AidBudgetView payerBudget = budgets.findById(new AidBudgetKey(user.organizationId(), aidCase.getYear()))
			.map(b -> new AidBudgetView(b.getOrganizationId(), names.get(b.getOrganizationId()), b.getYear(),
					b.getAmount(), b.getSpent(), b.getVersion(), b.getUpdatedBy(), local(b.getUpdatedAt())))
			.orElse(null);
		return new AidCaseView(aidCase.getId(), aidCase.getKind(), aidCase.getStatus(), aidCase.getMemberId(),
				member.name(), member.idNumberMasked(), aidCase.getFileId(), file == null ? null : file.tier(),
				aidCase.getOrganizationId(), names.get(aidCase.getOrganizationId()), aidCase.getYear(),
				aidCase.getDetails(), aidCase.getStudentName(), aidCase.getSchool(), aidCase.getGrade(),
				aidCase.getSchoolLevel(), aidCase.getBillAmount(), aidCase.getInsuranceAmount(),
				aidCase.getOtherAidAmount(), aidCase.getCaseSummary(), aidCase.getCaseOutcome(),
				aidCase.getObtainedAmount(), aidCase.getComputedAmount(), aidCase.getRuleText(),
				aidCase.getRequestedAmount(), aidCase.getOverrideReason(), aidCase.getApprovalLevel(),
				aidCase.getRecordedBy(), local(aidCase.getRecordedAt()), aidCase.getDecidedBy(),
				aidCase.getDecidedAt() == null ? null : local(aidCase.getDecidedAt()), aidCase.getDecisionComment(),
				aidCase.getApprovedAmount(), aidCase.getPaidAmount(),
				aidCase.getLookupCode() != null ? aidCase.getLookupCode() : file == null ? null : file.lookupCode(),
				aidCase.getVersion(), timeline(aidCase, paid, names),
				aidCase.getStatus() == CaseStatus.RECORDED && block == null, block, payerBudget);
	}

	/** Whether a payment with this one-time token has been recorded (a form submitted twice). */
	public boolean paymentRecorded(String requestToken) {
		return requestToken != null && payments.existsByRequestToken(requestToken);
	}

	// ---- recording -----------------------------------------------------------------------

	/** The member (in scope, active), the file and its tier, the year and its policy. */
	public AidCaseContext prepare(CurrentUser user, long memberId, Long fileId) {
		MemberView member = members.get(user, memberId);
		if (!member.isActive()) {
			throw new RuleViolationException(null, "aid.case.error.memberInactive");
		}
		HardshipTier tier = null;
		if (fileId != null) {
			CaseFile file = fileInScope(user, fileId);
			if (file.memberId() != memberId) {
				throw new RuleViolationException("fileId", "aid.case.error.fileOtherMember");
			}
			if (!file.entitlesAid(LocalDate.now(clock))) {
				throw new RuleViolationException("fileId", "aid.case.error.fileNotEligible");
			}
			tier = file.tier();
		}
		int year = currentYear();
		return new AidCaseContext(member, fileId, tier, year, policies.valuesFor(year));
	}

	/** The amount the rules give for what has been entered so far, and the rule behind it. */
	public AidAmount preview(CurrentUser user, AidCaseData data) {
		AidCaseContext context = prepare(user, data.memberId(), data.fileId());
		return compute(context, data.normalized());
	}

	@Transactional
	public long record(CurrentUser user, AidCaseData data) {
		if (data.kind() == null) {
			throw new RuleViolationException("kind", "validation.required");
		}
		AidCaseContext context = prepare(user, data.memberId(), data.fileId());
		AidCaseData d = data.normalized();
		requireKindFields(d);
		if (d.kind() == AidKind.MEDICAL_AID) {
			cases.lockMedicalCap(d.memberId(), context.year());
		}
		AidAmount computed = compute(context, d);
		BigDecimal requested = d.requestedAmount() == null ? computed.amount() : checkAmount("requestedAmount",
				d.requestedAmount());
		String reason = d.overrideReason();
		if (requested.compareTo(computed.amount()) == 0) {
			reason = null;
		}
		else if (reason == null) {
			throw new RuleViolationException("overrideReason", "aid.case.error.overrideReason");
		}
		if (d.kind() == AidKind.MEDICAL_AID) {
			BigDecimal remaining = medicalRemaining(context, cases.medicalUsed(d.memberId(), context.year(), -1));
			if (requested.compareTo(remaining) > 0) {
				throw new RuleViolationException("requestedAmount", "aid.case.error.medicalCap",
						AidAmountRules.plain(remaining));
			}
		}
		BigDecimal limit = context.policy().get(AidPolicyKey.DISTRICT_APPROVAL_LIMIT);
		ApprovalLevel level = requested.compareTo(limit) <= 0 ? ApprovalLevel.DISTRICT : ApprovalLevel.MUNICIPAL;
		AidCase aidCase = new AidCase(d, context.member().organizationId(), context.year(), computed, requested,
				reason, level, user.username(), clock.instant());
		cases.saveAndFlush(aidCase);
		long id = aidCase.getId();
		audit.record(user.username(), "AID_CASE_RECORDED", SUBJECT, id, aidCase.getOrganizationId(),
				"kind=" + d.kind() + "; member=" + d.memberId() + "; file=" + (d.fileId() == null ? "" : d.fileId())
						+ "; year=" + context.year() + "; computed=" + computed.amount() + "; requested=" + requested
						+ "; level=" + level);
		if (reason != null) {
			audit.record(user.username(), "AID_CASE_OVERRIDE", SUBJECT, id, aidCase.getOrganizationId(),
					"computed " + computed.amount() + " → requested " + requested + " (reason recorded with the case)");
		}
		events.publishEvent(new AidEvents.AidCaseRecorded(id, d.memberId()));
		return id;
	}

	// ---- deciding ------------------------------------------------------------------------

	@Transactional
	public void approve(CurrentUser user, long id, long version, String comment) {
		decide(user, id, version, comment, true);
	}

	@Transactional
	public void reject(CurrentUser user, long id, long version, String comment) {
		decide(user, id, version, comment, false);
	}

	private void decide(CurrentUser user, long id, long version, String comment, boolean approve) {
		AidCase aidCase = load(user, id);
		Set<ApprovalLevel> levels = deciders.levelsOf(user);
		if (levels.isEmpty()) {
			throw new ForbiddenException("cases are decided by administrators of district or municipal federations");
		}
		if (!levels.contains(aidCase.getApprovalLevel())) {
			throw new ForbiddenException("case " + id + " is decided at " + aidCase.getApprovalLevel() + " level");
		}
		if (aidCase.getVersion() != version) {
			throw new ConflictException("case " + id + " changed meanwhile");
		}
		if (aidCase.getStatus() != CaseStatus.RECORDED) {
			throw new RuleViolationException(null, "aid.case.error.alreadyDecided");
		}
		if (aidCase.getRecordedBy().equals(user.username())) {
			throw new RuleViolationException(null, "aid.case.error.fourEyes");
		}
		if (deciders.linkedToRecorder(user, aidCase.getRecordedBy())) {
			throw new RuleViolationException(null, "aid.case.error.linkedAccount", aidCase.getRecordedBy());
		}
		String text = comment == null ? "" : comment.strip();
		if (text.isEmpty()) {
			throw new RuleViolationException("comment", "aid.case.error.commentRequired");
		}
		if (text.length() > 1000) {
			throw new RuleViolationException("comment", "aid.case.error.commentLength", 1000);
		}
		Instant now = clock.instant();
		if (approve) {
			if (aidCase.getKind() == AidKind.MEDICAL_AID) {
				cases.lockMedicalCap(aidCase.getMemberId(), aidCase.getYear());
				AidPolicyValues policy = policies.valuesFor(aidCase.getYear());
				BigDecimal others = cases.medicalApproved(aidCase.getMemberId(), aidCase.getYear(), id);
				BigDecimal remaining = policy.get(AidPolicyKey.MEDICAL_CAP).subtract(others).max(BigDecimal.ZERO);
				if (aidCase.getRequestedAmount().compareTo(remaining) > 0) {
					throw new RuleViolationException(null, "aid.case.error.medicalCap", AidAmountRules.plain(remaining));
				}
			}
			aidCase.approve(user.username(), text, now, aidCase.getFileId() == null ? newLookupCode() : null);
		}
		else {
			aidCase.reject(user.username(), text, now);
		}
		try {
			cases.saveAndFlush(aidCase);
		}
		catch (DataIntegrityViolationException collision) {
			throw new ConflictException("case " + id + " could not be decided: " + collision.getMostSpecificCause());
		}
		audit.record(user.username(), approve ? "AID_CASE_APPROVED" : "AID_CASE_REJECTED", SUBJECT, id,
				aidCase.getOrganizationId(), (approve ? "approved " + aidCase.getApprovedAmount() : "rejected "
						+ aidCase.getRequestedAmount()) + " at " + aidCase.getApprovalLevel() + " level");
		if (approve) {
			events.publishEvent(new AidEvents.AidCaseApproved(id, aidCase.getMemberId(), aidCase.getApprovedAmount(),
					aidCase.getKind(), aidCase.getOrganizationId(), aidCase.getYear()));
		}
	}

	// ---- paying --------------------------------------------------------------------------

	/**
	 * Records a payment. @return {@code false} when a payment with the same request token was
	 * already recorded (the form was submitted twice), {@code true} otherwise
	 */
	@Transactional
	public boolean pay(CurrentUser user, long id, AidPaymentData data) {
		AidCase aidCase = load(user, id);
		String token = data.requestToken() == null ? "" : data.requestToken().strip();
		if (token.isEmpty() || token.length() > 64) {
			throw new RuleViolationException(null, "aid.payment.error.token");
		}
		if (payments.existsByRequestToken(token)) {
			return false;
		}
		if (aidCase.getStatus() != CaseStatus.APPROVED) {
			throw new RuleViolationException(null, "aid.payment.error.notApproved");
		}
		if (data.paidOn() == null) {
			throw new RuleViolationException("paidOn", "validation.required");
		}
		if (data.paidOn().isAfter(LocalDate.now(clock))) {
			throw new RuleViolationException("paidOn", "validation.date.notFuture");
		}
		if (data.amount() == null) {
			throw new RuleViolationException("amount", "validation.required");
		}
		BigDecimal amount = checkAmount("amount", data.amount());
		if (amount.signum() <= 0) {
			throw new RuleViolationException("amount", "aid.payment.error.amount");
		}
		if (amount.compareTo(aidCase.payable()) > 0) {
			throw new RuleViolationException("amount", "aid.payment.error.exceedsApproved",
					AidAmountRules.plain(aidCase.payable()));
		}
		if (data.channel() == null) {
			throw new RuleViolationException("channel", "validation.required");
		}
		String card = maskedCard(data.channel(), data.bankCard());
		long payer = user.organizationId();
		AidBudget budget = budgets.findById(new AidBudgetKey(payer, aidCase.getYear()))
			.orElseThrow(() -> new RuleViolationException("amount", "aid.payment.error.noBudget",
					String.valueOf(aidCase.getYear())));
		if (amount.compareTo(budget.remaining()) > 0) {
			throw new RuleViolationException("amount", "aid.payment.error.budgetExceeded",
					String.valueOf(aidCase.getYear()), AidAmountRules.plain(budget.remaining()));
		}
		Instant now = clock.instant();
		try {
			payments.saveAndFlush(new AidPayment(id, payer, data.paidOn(), amount, data.channel(), card, token,
					user.username(), now));
		}
		catch (DataIntegrityViolationException sameToken) {
			throw new ConflictException("payment " + token + " submitted twice");
		}
		aidCase.pay(amount);
		budget.spend(amount, user.username(), now);
		cases.saveAndFlush(aidCase);
		budgets.saveAndFlush(budget);
		audit.record(user.username(), "AID_PAYMENT_RECORDED", SUBJECT, id, aidCase.getOrganizationId(),
				"amount=" + amount + "; paidOn=" + data.paidOn() + "; channel=" + data.channel() + "; payer="
						+ payer + "; paid " + aidCase.getPaidAmount() + " of " + aidCase.getApprovedAmount());
		events.publishEvent(new AidEvents.AidPaymentRecorded(id, aidCase.getMemberId(), amount, data.paidOn(),
				aidCase.getKind(), aidCase.getOrganizationId(), aidCase.getYear()));
		return true;
	}

	// ---- helpers -------------------------------------------------------------------------

	private AidCase load(CurrentUser user, long id) {
		return cases.findInScope(user.organizationId(), id).orElseThrow(() -> new NotFoundException("aid case", id));
	}

	private CaseFile fileInScope(CurrentUser user, long fileId) {
		return files.find(fileId)
			.filter(f -> organizations.scopeOf(user).contains(f.organizationId()))
			.orElseThrow(() -> new NotFoundException("hardship file", fileId));
	}

	private AidAmount compute(AidCaseContext context, AidCaseData d) {
		if (d.kind() == null) {
			return new AidAmount(BigDecimal.ZERO.setScale(2), "aid.case.rule.NONE", List.of(), "");
		}
		BigDecimal used = d.kind() == AidKind.MEDICAL_AID
				? cases.medicalUsed(d.memberId(), context.year(), -1) : BigDecimal.ZERO;
		return AidAmountRules.compute(new AidAmountRules.Input(d.kind(), context.tier(), d.schoolLevel(),
				d.billAmount(), d.insuranceAmount(), d.otherAidAmount(), used), context.policy());
	}

	private static BigDecimal medicalRemaining(AidCaseContext context, BigDecimal used) {
		return context.policy().get(AidPolicyKey.MEDICAL_CAP).subtract(used).max(BigDecimal.ZERO);
	}

	private static void requireKindFields(AidCaseData d) {
		switch (d.kind()) {
			case EDUCATION_GRANT -> {
				require(d.studentName(), "studentName");
				require(d.school(), "school");
				require(d.grade(), "grade");
				require(d.schoolLevel(), "schoolLevel");
			}
			case MEDICAL_AID -> {
				require(d.billAmount(), "billAmount");
				checkAmount("billAmount", d.billAmount());
				checkAmount("insuranceAmount", d.insuranceAmount());
				checkAmount("otherAidAmount", d.otherAidAmount());
			}
			case LEGAL_AID -> {
				require(d.caseSummary(), "caseSummary");
				if (d.obtainedAmount() != null) {
					checkAmount("obtainedAmount", d.obtainedAmount());
				}
			}
			case OTHER -> require(d.details(), "details");
			default -> {
			}
		}
	}

	private static void require(Object value, String field) {
		if (value == null) {
			throw new RuleViolationException(field, "validation.required");
		}
	}

	/** Non-negative yuan with at most two decimals and ten digits before the point. */
	private static BigDecimal checkAmount(String field, BigDecimal value) {
		if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2 || value.precision() - value.scale() > 10) {
			throw new RuleViolationException(field, "aid.case.error.amount");
		}
		return value.setScale(2);
	}

	private static String maskedCard(PaymentChannel channel, String bankCard) {
		String digits = bankCard == null ? "" : bankCard.replace(" ", "").replace("-", "");
		if (digits.isEmpty()) {
			if (channel == PaymentChannel.BANK_TRANSFER) {
				throw new RuleViolationException("bankCard", "aid.payment.error.bankCardRequired");
			}
			return null;
		}
		if (digits.length() < 12 || digits.length() > 19 || !digits.chars().allMatch(Character::isDigit)) {
			throw new RuleViolationException("bankCard", "aid.payment.error.bankCard");
		}
		return Masking.bankCard(digits);
	}

	private String newLookupCode() {
		for (int i = 0; i < CODE_ATTEMPTS; i++) {
			String code = LookupCodes.generate();
			if (!files.lookupCodeTaken(code)) {
				return code;
			}
		}
		throw new ConflictException("no free lookup code");
	}

	private String decisionBlock(CurrentUser user, AidCase aidCase) {
		if (aidCase.getStatus() != CaseStatus.RECORDED) {
			return null;
		}
		Set<ApprovalLevel> levels = deciders.levelsOf(user);
		if (levels.isEmpty()) {
			return "aid.case.block.role";
		}
		if (!levels.contains(aidCase.getApprovalLevel())) {
			return "aid.case.block.level";
		}
		if (aidCase.getRecordedBy().equals(user.username())) {
			return "aid.case.block.recorder";
		}
		if (deciders.linkedToRecorder(user, aidCase.getRecordedBy())) {
			return "aid.case.block.linkedAccount";
		}
		return null;
	}

	private List<AidCaseTimelineEntry> timeline(AidCase c, List<AidPayment> paid, Map<Long, String> names) {
		List<AidCaseTimelineEntry> steps = new ArrayList<>();
		steps.add(new AidCaseTimelineEntry(AidCaseTimelineEntry.Step.RECORDED, local(c.getRecordedAt()),
				c.getRecordedBy(), c.getRequestedAmount(), null, null, null, null, null));
		if (c.getDecidedAt() != null) {
			boolean rejected = c.getStatus() == CaseStatus.REJECTED;
			steps.add(new AidCaseTimelineEntry(
					rejected ? AidCaseTimelineEntry.Step.REJECTED : AidCaseTimelineEntry.Step.APPROVED,
					local(c.getDecidedAt()), c.getDecidedBy(), rejected ? null : c.getApprovedAmount(),
					c.getDecisionComment(), null, null, null, null));
		}
		for (AidPayment p : paid) {
			steps.add(new AidCaseTimelineEntry(AidCaseTimelineEntry.Step.PAYMENT, local(p.getRecordedAt()),
					p.getRecordedBy(), p.getAmount(), null, p.getPaidOn(), p.getChannel(), p.getBankCardMasked(),
					names.get(p.getPayerOrganizationId())));
		}
		return steps;
	}

	private Page<AidCaseSummary> summaries(Page<AidCaseSearch.Row> rows) {
		Map<Long, MemberBrief> people = members.briefs(rows.stream().map(AidCaseSearch.Row::memberId).distinct().toList());
		Map<Long, String> names = organizations
			.namesOf(rows.stream().map(AidCaseSearch.Row::organizationId).distinct().toList());
		return rows.map(r -> {
			MemberBrief m = people.get(r.memberId());
			return new AidCaseSummary(r.id(), r.kind(), r.status(), r.memberId(), m == null ? null : m.name(),
					m == null ? null : m.idNumberMasked(), r.fileId(), r.organizationId(), names.get(r.organizationId()),
					r.year(), r.requestedAmount(), r.approvedAmount(), r.paidAmount(), r.approvalLevel(), r.recordedBy(),
					r.recordedAt());
		});
	}

	private LocalDateTime local(Instant instant) {
		return LocalDateTime.ofInstant(instant, clock.getZone());
	}
}
