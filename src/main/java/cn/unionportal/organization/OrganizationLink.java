package cn.unionportal.organization;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * One row of the closure table: {@code ancestorId} is {@code depth} levels above
 * {@code descendantId} (every organization is its own ancestor at depth 0). Read-only for JPA;
 * written by {@link OrganizationLinks}.
 */
@Entity
@Table(name = "organization_closure")
@IdClass(OrganizationLink.Key.class)
class OrganizationLink {

	@Id
	@Column(name = "ancestor_id")
	private Long ancestorId;

	@Id
	@Column(name = "descendant_id")
	private Long descendantId;

	@Column(nullable = false)
	private int depth;

	protected OrganizationLink() {
	}

	record Key(Long ancestorId, Long descendantId) implements Serializable {
		Key() {
			this(null, null);
		}
	}
}
