package cn.unionportal.aid.funding;

import cn.unionportal.aid.AidPermissions;
import cn.unionportal.aid.cases.AidAmountRules;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly aid policy: everyone reads it, federation administrators change it. A year without
 * rows shows (and until saved, applies) the values of the latest earlier year; saving writes every
 * rule of the year. Each changed value is audited.
 */
@Service
@Transactional(readOnly = true)
public class AidPolicyManagement {

	static final String SUBJECT = "AID_POLICY";

	static final int FIRST_YEAR = 2000;

	static final int LAST_YEAR = 2100;

	private final AidPolicyStore store;

	private final AuditTrail audit;

	private final Clock clock;

	private final AidPermissions permissions;

	AidPolicyManagement(AidPolicyStore store, AuditTrail audit, Clock clock, AidPermissions permissions) {
		this.permissions = permissions;
		this.store = store;
		this.audit = audit;
		this.clock = clock;
	}

	public int currentYear() {
		return LocalDate.now(clock).getYear();
	}

	public AidPolicyValues valuesFor(int year) {
		return store.valuesFor(year);
	}

	public AidPolicyView view(CurrentUser user, int year) {
		checkYear(year);
		AidPolicyValues values = store.valuesFor(year);
		List<Integer> years = new ArrayList<>(store.years());
		if (!years.contains(year)) {
			years.add(year);
			years.sort(null);
		}
		return new AidPolicyView(year, values.sourceYear(), values.values(), !values.isInherited(), years,
				permissions.mayEditPolicy(user));
	}

	/**
	 * Sets every rule of the year. Rates are fractions from 0 to 1 with at most 4 decimals, amounts
	 * non-negative yuan with at most 2 decimals.
	 */
	@Transactional
	public void update(CurrentUser user, int year, Map<AidPolicyKey, BigDecimal> values) {
		permissions.requireEditPolicy(user);
		checkYear(year);
		Map<AidPolicyKey, BigDecimal> checked = new EnumMap<>(AidPolicyKey.class);
		for (AidPolicyKey key : AidPolicyKey.values()) {
			checked.put(key, check(key, values.get(key)));
		}
		Map<AidPolicyKey, BigDecimal> before = store.rowsOf(year);
		StringBuilder changes = new StringBuilder();
		for (var entry : checked.entrySet()) {
			BigDecimal old = before.get(entry.getKey());
			if (old == null || old.compareTo(entry.getValue()) != 0) {
				store.put(year, entry.getKey(), entry.getValue(), user.username(), clock.instant());
				changes.append(changes.isEmpty() ? "" : "; ")
					.append(entry.getKey())
					.append(": ")
					.append(old == null ? "—" : AidAmountRules.plain(old))
					.append(" → ")
					.append(AidAmountRules.plain(entry.getValue()));
			}
		}
		if (!changes.isEmpty()) {
			audit.record(user.username(), "AID_POLICY_CHANGED", SUBJECT, 0, user.organizationId(),
					"year " + year + ": " + changes);
		}
	}

	private static BigDecimal check(AidPolicyKey key, BigDecimal value) {
		if (value == null) {
			throw new RuleViolationException(key.name(), "validation.required");
		}
		if (key.isRate()) {
			if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0 || value.stripTrailingZeros().scale() > 4) {
				throw new RuleViolationException(key.name(), "aid.policy.error.rate");
			}
			return value.setScale(4);
		}
		if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2 || value.precision() - value.scale() > 8) {
			throw new RuleViolationException(key.name(), "aid.policy.error.amount");
		}
		return value.setScale(4);
	}

	static void checkYear(int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new RuleViolationException("year", "aid.policy.error.year", FIRST_YEAR, LAST_YEAR);
		}
	}
}
