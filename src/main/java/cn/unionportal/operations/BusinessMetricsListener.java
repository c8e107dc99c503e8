package cn.unionportal.operations;

import cn.unionportal.aid.AidEvents;
import cn.unionportal.shared.metrics.PortalMetrics;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts sign-ins (Spring Security's authentication events, staff and members alike) and aid
 * approvals and payments (the aid module's events) into {@link PortalMetrics}. Plain
 * synchronous listeners, not module listeners: a metric needs no publication record, and a
 * count in a transaction that later rolls back is an accepted imprecision.
 */
@Component
class BusinessMetricsListener {

	@EventListener
	void signedIn(AuthenticationSuccessEvent event) {
		PortalMetrics.signIn("success");
	}

	@EventListener
	void signInFailed(AbstractAuthenticationFailureEvent event) {
		String outcome = event instanceof AuthenticationFailureLockedEvent ? "locked"
				: event instanceof AuthenticationFailureDisabledEvent ? "disabled" : "failure";
		PortalMetrics.signIn(outcome);
	}

	@EventListener
	void aidApproved(AidEvents.AidCaseApproved event) {
		PortalMetrics.aidApproved(event.kind().name());
	}

	@EventListener
	void aidPaid(AidEvents.AidPaymentRecorded event) {
		PortalMetrics.aidPaid(event.kind().name(), event.amount().doubleValue());
	}
}
