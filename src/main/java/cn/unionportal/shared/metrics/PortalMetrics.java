package cn.unionportal.shared.metrics;

import io.micrometer.core.instrument.Metrics;

/**
 * The portal's business metrics (issue 14), named in one place. They go to Micrometer's global
 * registry, to which Spring Boot adds its own (Prometheus on {@code /actuator/prometheus}), so a
 * module counts with one line and no new constructor argument. Tags are closed sets (outcomes,
 * kinds), never names, ids or addresses: nothing personal reaches the metrics.
 */
public final class PortalMetrics {

	/** Sign-ins by outcome ({@code success}, {@code failure}, {@code locked}, {@code disabled}). */
	public static final String SIGN_INS = "portal.sign.ins";

	/** Rows an import has written or refused ({@code result} = imported | rejected); rate() gives rows/s. */
	public static final String IMPORT_ROWS = "portal.import.rows";

	/** Aid cases approved, by kind of aid. */
	public static final String AID_APPROVALS = "portal.aid.approvals";

	/** Aid payments recorded, by kind of aid; and their amount in yuan. */
	public static final String AID_PAYMENTS = "portal.aid.payments";

	public static final String AID_PAID_AMOUNT = "portal.aid.paid.amount";

	/** Public status lookups by outcome ({@code found}, {@code no_match}, {@code refused}). */
	public static final String STATUS_LOOKUPS = "portal.status.lookups";

	private PortalMetrics() {
	}

	public static void signIn(String outcome) {
		Metrics.counter(SIGN_INS, "outcome", outcome).increment();
	}

	public static void importRows(int imported, int rejected) {
		if (imported > 0) {
			Metrics.counter(IMPORT_ROWS, "result", "imported").increment(imported);
		}
		if (rejected > 0) {
			Metrics.counter(IMPORT_ROWS, "result", "rejected").increment(rejected);
		}
	}

	public static void aidApproved(String kind) {
		Metrics.counter(AID_APPROVALS, "kind", kind).increment();
	}

	public static void aidPaid(String kind, double amount) {
		Metrics.counter(AID_PAYMENTS, "kind", kind).increment();
		Metrics.counter(AID_PAID_AMOUNT, "kind", kind).increment(amount);
	}

	/** @param outcome the lookup's outcome, e.g. {@code TOO_MANY_ATTEMPTS} (counted as {@code refused}) */
	public static void statusLookup(String outcome) {
		Metrics.counter(STATUS_LOOKUPS, "outcome", "TOO_MANY_ATTEMPTS".equals(outcome) ? "refused" : outcome.toLowerCase(java.util.Locale.ROOT))
			.increment();
	}
}
