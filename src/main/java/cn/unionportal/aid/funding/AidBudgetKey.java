package cn.unionportal.aid.funding;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The key of a budget: an organization and a year. */
@Embeddable
public class AidBudgetKey implements Serializable {

	@Column(name = "organization_id", nullable = false)
	private long organizationId;

	@Column(name = "aid_year", nullable = false)
	private int year;

	protected AidBudgetKey() {
	}

	public AidBudgetKey(long organizationId, int year) {
		this.organizationId = organizationId;
		this.year = year;
	}

	long organizationId() {
		return organizationId;
	}

	int year() {
		return year;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AidBudgetKey key && key.organizationId == organizationId && key.year == year;
	}

	@Override
	public int hashCode() {
		return Objects.hash(organizationId, year);
	}
}
