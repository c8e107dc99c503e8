package cn.unionportal.aid.funding;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A district's minimum-living threshold (per-capita monthly income) for a year. */
@Entity
@Table(name = "aid_threshold")
@IdClass(AidThreshold.Key.class)
public class AidThreshold {

	@Id
	@Column(name = "district_id")
	private Long districtId;

	@Id
	@Column(name = "aid_year")
	private Integer year;

	@Column(name = "monthly_amount", nullable = false, precision = 10, scale = 2)
	private BigDecimal monthlyAmount;

	@Column(name = "updated_by", nullable = false, length = 50)
	private String updatedBy;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected AidThreshold() {
	}

	AidThreshold(long districtId, int year, BigDecimal monthlyAmount, String by, Instant at) {
		this.districtId = districtId;
		this.year = year;
		set(monthlyAmount, by, at);
	}

	void set(BigDecimal monthlyAmount, String by, Instant at) {
		this.monthlyAmount = monthlyAmount;
		this.updatedBy = by;
		this.updatedAt = at;
	}

	Long getDistrictId() {
		return districtId;
	}

	Integer getYear() {
		return year;
	}

	BigDecimal getMonthlyAmount() {
		return monthlyAmount;
	}

	String getUpdatedBy() {
		return updatedBy;
	}

	record Key(Long districtId, Integer year) implements Serializable {
		Key() {
			this(null, null);
		}
	}
}
