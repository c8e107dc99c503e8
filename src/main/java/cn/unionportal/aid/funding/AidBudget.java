package cn.unionportal.aid.funding;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An organization's aid budget for a year and what has been paid from it. Spent never exceeds the
 * amount (checked here, by the database, and by optimistic locking against concurrent payments).
 */
@Entity
@Table(name = "aid_budget")
public class AidBudget {

	@EmbeddedId
	private AidBudgetKey key;

	@Column(nullable = false, precision = 14, scale = 2)
	private BigDecimal amount;

	@Column(nullable = false, precision = 14, scale = 2)
	private BigDecimal spent;

	/** {@code null} until first saved (so a new budget is inserted, never merged). */
	@Version
	private Long version;

	@Column(name = "updated_by", nullable = false, length = 50)
	private String updatedBy;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected AidBudget() {
	}

	AidBudget(long organizationId, int year, BigDecimal amount, String by, Instant now) {
		this.key = new AidBudgetKey(organizationId, year);
		this.amount = amount;
		this.spent = BigDecimal.ZERO.setScale(2);
		this.updatedBy = by;
		this.updatedAt = now;
	}

	public BigDecimal remaining() {
		return amount.subtract(spent);
	}

	void setAmount(BigDecimal amount, String by, Instant now) {
		if (amount.compareTo(spent) < 0) {
			throw new IllegalStateException("budget below spent");
		}
		this.amount = amount;
		this.updatedBy = by;
		this.updatedAt = now;
	}

	public void spend(BigDecimal payment, String by, Instant now) {
		if (payment.compareTo(remaining()) > 0) {
			throw new IllegalStateException("budget exceeded");
		}
		this.spent = spent.add(payment);
		this.updatedBy = by;
		this.updatedAt = now;
	}

	public long getOrganizationId() {
		return key.organizationId();
	}

	public int getYear() {
		return key.year();
	}

	public BigDecimal getAmount() {
		return amount;
	}

	public BigDecimal getSpent() {
		return spent;
	}

	public long getVersion() {
		return version == null ? 0 : version;
	}

	public String getUpdatedBy() {
		return updatedBy;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}
}
