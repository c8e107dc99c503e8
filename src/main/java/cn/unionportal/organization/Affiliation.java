package cn.unionportal.organization;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A grassroots union's affiliation with an industry or industry-chain federation.
 */
@Entity
@Table(name = "organization_affiliation")
@IdClass(Affiliation.Key.class)
class Affiliation {

	@Id
	@Column(name = "organization_id")
	private Long organizationId;

	@Id
	@Column(name = "federation_id")
	private Long federationId;

	@Enumerated(EnumType.STRING)
	@Column(name = "organization_type", nullable = false, length = 40)
	private OrganizationType organizationType;

	@Enumerated(EnumType.STRING)
	@Column(name = "federation_type", nullable = false, length = 40)
	private OrganizationType federationType;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected Affiliation() {
	}

	Affiliation(Organization union, Organization federation, Instant now) {
		if (!union.getType().isEnterprise() || !federation.getType().isAffiliationTarget()) {
			throw new IllegalStateException("affiliation of " + union.getType() + " with " + federation.getType());
		}
		this.organizationId = union.getId();
		this.organizationType = union.getType();
		this.federationId = federation.getId();
		this.federationType = federation.getType();
		this.createdAt = now;
	}

	Long getOrganizationId() {
		return organizationId;
	}

	Long getFederationId() {
		return federationId;
	}

	record Key(Long organizationId, Long federationId) implements Serializable {
		Key() {
			this(null, null);
		}
	}
}
