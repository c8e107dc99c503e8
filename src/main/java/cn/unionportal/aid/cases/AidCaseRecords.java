package cn.unionportal.aid.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.PortalTime;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * What every aid-case service shares (issue 9, split from {@code AidCaseManagement}): a case
 * within the user's scope (404 outside it), its payments, the audit line, and the portal's clock.
 */
@Component
class AidCaseRecords {

	static final String SUBJECT = "AID_CASE";

	private final AidCaseRepository cases;

	private final AidPaymentRepository payments;

	private final AuditTrail audit;

	private final PortalTime time;

	AidCaseRecords(AidCaseRepository cases, AidPaymentRepository payments, AuditTrail audit, PortalTime time) {
		this.cases = cases;
		this.payments = payments;
		this.audit = audit;
		this.time = time;
	}

	AidCase load(CurrentUser user, long id) {
		return cases.findInScope(user.organizationId(), id).orElseThrow(() -> new NotFoundException("aid case", id));
	}

	List<AidPayment> paymentsOf(long caseId) {
		return payments.findByCaseIdOrderByRecordedAtAscIdAsc(caseId);
	}

	void audit(CurrentUser user, String action, AidCase aidCase, String detail) {
		audit.record(user.username(), action, SUBJECT, aidCase.getId(), aidCase.getOrganizationId(), detail);
	}

	Instant now() {
		return time.now();
	}

	LocalDate today() {
		return time.today();
	}

	LocalDateTime local(Instant instant) {
		return time.local(instant);
	}

	/** Non-negative yuan with at most two decimals and ten digits before the point. */
	static BigDecimal checkAmount(String field, BigDecimal value) {
		if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2 || value.precision() - value.scale() > 10) {
			throw new RuleViolationException(field, "aid.case.error.amount");
		}
		return value.setScale(2);
	}
}
