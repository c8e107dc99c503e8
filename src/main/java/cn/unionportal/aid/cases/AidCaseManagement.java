package cn.unionportal.aid.cases;

import cn.unionportal.aid.AidEvents;
import cn.unionportal.aid.files.HardshipTier;
import cn.unionportal.aid.funding.AidPolicyKey;
import cn.unionportal.aid.funding.AidPolicyStore;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.unionportal.aid.cases.AidCaseFiles.CaseFile;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberView;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.ForbiddenException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
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
 * <p>
 * Split in issue 9: this class records cases; deciding is {@link AidCaseDecisions}, paying
 * {@link AidCasePayments}, and the read side {@link AidCaseLists} (search, queue) and
 * {@link AidCaseDetails} (one case).
 */
@Service
@Transactional(readOnly = true)
public class AidCaseManagement {

	private final AidCaseRecords records;

	private final AidCaseRepository cases;

	private final AidCaseFiles files;

	private final AidPolicyStore policies;

	private final MemberManagement members;

	private final ApplicationEventPublisher events;

	AidCaseManagement(AidCaseRecords records, AidCaseRepository cases, AidCaseFiles files, AidPolicyStore policies,
			MemberManagement members, ApplicationEventPublisher events) {
		this.records = records;
		this.cases = cases;
		this.files = files;
		this.policies = policies;
		this.members = members;
		this.events = events;
	}

	public int currentYear() {
		return today().getYear();
	}

	/** Today in the portal's time zone. */
	public LocalDate today() {
		return records.today();
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
			CaseFile file = files.inScope(user, fileId);
			if (file.memberId() != memberId) {
				throw new RuleViolationException("fileId", "aid.case.error.fileOtherMember");
			}
			if (!file.entitlesAid(records.today())) {
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
		BigDecimal requested = d.requestedAmount() == null ? computed.amount() : AidCaseRecords.checkAmount("requestedAmount",
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
				reason, level, user.username(), records.now());
		cases.saveAndFlush(aidCase);
		long id = aidCase.getId();
		records.audit(user, "AID_CASE_RECORDED", aidCase,
				"kind=" + d.kind() + "; member=" + d.memberId() + "; file=" + (d.fileId() == null ? "" : d.fileId())
						+ "; year=" + context.year() + "; computed=" + computed.amount() + "; requested=" + requested
						+ "; level=" + level);
		if (reason != null) {
			records.audit(user, "AID_CASE_OVERRIDE", aidCase,
					"computed " + computed.amount() + " → requested " + requested + " (reason recorded with the case)");
		}
		events.publishEvent(new AidEvents.AidCaseRecorded(id, d.memberId()));
		return id;
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
				AidCaseRecords.checkAmount("billAmount", d.billAmount());
				AidCaseRecords.checkAmount("insuranceAmount", d.insuranceAmount());
				AidCaseRecords.checkAmount("otherAidAmount", d.otherAidAmount());
			}
			case LEGAL_AID -> {
				require(d.caseSummary(), "caseSummary");
				if (d.obtainedAmount() != null) {
					AidCaseRecords.checkAmount("obtainedAmount", d.obtainedAmount());
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

}
