package cn.unionportal.organization;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Maintains the closure table. Portable SQL with bound parameters only.
 */
@Component
class OrganizationLinks {

	private final JdbcClient jdbc;

	OrganizationLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void linkNew(long organizationId, long parentId) {
		jdbc.sql("""
				INSERT INTO organization_closure (ancestor_id, descendant_id, depth)
				SELECT ancestor_id, :id, depth + 1 FROM organization_closure WHERE descendant_id = :parent
				""").param("id", organizationId).param("parent", parentId).update();
		jdbc.sql("INSERT INTO organization_closure (ancestor_id, descendant_id, depth) VALUES (:id, :id, 0)")
			.param("id", organizationId)
			.update();
	}

	/** Re-hangs the whole subtree of {@code organizationId} under {@code newParentId}. */
	void move(long organizationId, long newParentId) {
		jdbc.sql("""
				DELETE FROM organization_closure
				WHERE descendant_id IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = :id)
				  AND ancestor_id NOT IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = :id)
				""").param("id", organizationId).update();
		jdbc.sql("""
				INSERT INTO organization_closure (ancestor_id, descendant_id, depth)
				SELECT above.ancestor_id, below.descendant_id, above.depth + below.depth + 1
				FROM organization_closure above CROSS JOIN organization_closure below
				WHERE above.descendant_id = :parent AND below.ancestor_id = :id
				""").param("parent", newParentId).param("id", organizationId).update();
	}

	boolean isWithin(long ancestorId, long descendantId) {
		return jdbc.sql("SELECT COUNT(*) FROM organization_closure WHERE ancestor_id = :a AND descendant_id = :d")
			.param("a", ancestorId)
			.param("d", descendantId)
			.query(Long.class)
			.single() > 0;
	}
}
