package cn.unionportal.aid.funding;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.unionportal.aid.AidPermissions;
import cn.unionportal.audit.AuditTrail;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.ForbiddenException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Minimum-living thresholds (低保标准) per district and year: shown to everybody around a district,
 * set at the district federation or above; household files read the threshold of their district
 * ({@link #monthlyAmount}). Split from {@code HardshipFileManagement} (issue 9).
 */
@Service
@Transactional(readOnly = true)
public class AidThresholdManagement {

	/** A district's threshold for a year. */
	public record ThresholdView(long districtId, String districtName, int year, BigDecimal monthlyAmount,
			String updatedBy) {
	}

	private final AidThresholdRepository thresholds;

	private final OrganizationManagement organizations;

	private final AidPermissions permissions;

	private final AuditTrail audit;

	private final Clock clock;

	AidThresholdManagement(AidThresholdRepository thresholds, OrganizationManagement organizations,
			AidPermissions permissions, AuditTrail audit, Clock clock) {
		this.thresholds = thresholds;
		this.organizations = organizations;
		this.permissions = permissions;
		this.audit = audit;
		this.clock = clock;
	}

	public List<ThresholdView> thresholds(CurrentUser user, int year) {
		Map<Long, BigDecimal> amounts = new HashMap<>();
		Map<Long, String> by = new HashMap<>();
		for (AidThreshold threshold : thresholds.findByYearOrderByDistrictId(year)) {
			amounts.put(threshold.getDistrictId(), threshold.getMonthlyAmount());
			by.put(threshold.getDistrictId(), threshold.getUpdatedBy());
		}
		List<Long> districts = organizations.districtsAround(user);
		Map<Long, String> names = organizations.namesOf(districts);
		return districts.stream()
			.map(d -> new ThresholdView(d, names.get(d), year, amounts.get(d), by.get(d)))
			.toList();
	}

	@Transactional
	public void setThreshold(CurrentUser user, long districtId, int year, BigDecimal monthlyAmount) {
		if (!organizations.districtsAround(user).contains(districtId)) {
			throw new NotFoundException("district", districtId);
		}
		if (!organizations.scopeOf(user).contains(districtId)) {
			// a township or union below the district sees its threshold but does not set it
			throw new ForbiddenException("thresholds are set at the district federation or above");
		}
		permissions.requireSetThresholds(user);
		if (monthlyAmount == null || monthlyAmount.signum() <= 0) {
			throw new RuleViolationException("monthlyAmount", "aid.threshold.error.amount");
		}
		AidThreshold threshold = thresholds.findById(new AidThreshold.Key(districtId, year))
			.orElseGet(() -> new AidThreshold(districtId, year, monthlyAmount, user.username(), clock.instant()));
		threshold.set(monthlyAmount, user.username(), clock.instant());
		thresholds.saveAndFlush(threshold);
		audit.record(user.username(), "THRESHOLD_SET", "AID_THRESHOLD", districtId, districtId,
				year + ": " + monthlyAmount.toPlainString());
	}

	/** The monthly threshold of the year in the district of the organization, if one is set. */
	public Optional<BigDecimal> monthlyAmount(long organizationId, int year) {
		return organizations.districtOf(organizationId)
			.flatMap(district -> thresholds.findById(new AidThreshold.Key(district, year)))
			.map(AidThreshold::getMonthlyAmount);
	}
}
