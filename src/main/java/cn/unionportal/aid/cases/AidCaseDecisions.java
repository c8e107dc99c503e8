package cn.unionportal.aid.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

import cn.unionportal.aid.AidEvents;
import cn.unionportal.aid.funding.AidPolicyKey;
import cn.unionportal.aid.funding.AidPolicyStore;
import cn.unionportal.aid.funding.AidPolicyValues;
import cn.unionportal.aid.lookup.LookupCodes;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.ForbiddenException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deciding an aid case (issue 9, split from {@link AidCaseManagement}): four-eyes approval or
 * rejection at the case's level (see {@link AidCaseDeciders}), the medical cap checked again under
 * the member-year lock, and a lookup code for an approved case without a household file.
 */
@Service
public class AidCaseDecisions {

	private static final int CODE_ATTEMPTS = 10;

	private final AidCaseRecords records;

	private final AidCaseRepository cases;

	private final AidPolicyStore policies;

	private final AidCaseDeciders deciders;

	private final AidCaseFiles files;

	private final ApplicationEventPublisher events;

	AidCaseDecisions(AidCaseRecords records, AidCaseRepository cases, AidPolicyStore policies,
			AidCaseDeciders deciders, AidCaseFiles files, ApplicationEventPublisher events) {
		this.records = records;
		this.cases = cases;
		this.policies = policies;
		this.deciders = deciders;
		this.files = files;
		this.events = events;
	}

	@Transactional
	public void approve(CurrentUser user, long id, long version, String comment) {
		decide(user, id, version, comment, true);
	}

	@Transactional
	public void reject(CurrentUser user, long id, long version, String comment) {
		decide(user, id, version, comment, false);
	}

	private void decide(CurrentUser user, long id, long version, String comment, boolean approve) {
		AidCase aidCase = records.load(user, id);
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
		Instant now = records.now();
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
		records.audit(user, approve ? "AID_CASE_APPROVED" : "AID_CASE_REJECTED", aidCase,
				(approve ? "approved " + aidCase.getApprovedAmount() : "rejected " + aidCase.getRequestedAmount())
						+ " at " + aidCase.getApprovalLevel() + " level");
		if (approve) {
			events.publishEvent(new AidEvents.AidCaseApproved(id, aidCase.getMemberId(), aidCase.getApprovedAmount(),
					aidCase.getKind(), aidCase.getOrganizationId(), aidCase.getYear()));
		}
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
}
