package cn.unionportal.account;

import cn.unionportal.organization.Scope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.query.Param;

interface LoginEventRepository extends JpaRepository<LoginEvent, Long> {

	/** The whole log (federation administrators). */
	@Query(value = "SELECT e.* FROM login_event e WHERE LOWER(e.username) LIKE :pattern ESCAPE '\\' ORDER BY e.occurred_at DESC, e.id DESC",
			countQuery = "SELECT COUNT(*) FROM login_event e WHERE LOWER(e.username) LIKE :pattern ESCAPE '\\'",
			nativeQuery = true)
	Page<LoginEvent> findAll(@Param("pattern") String pattern, Pageable pageable);

	/** Entries of the accounts in a scope (organization administrators). */
	String SCOPED_FROM = " FROM login_event e WHERE LOWER(e.username) LIKE :pattern ESCAPE '\\'"
			+ " AND EXISTS (SELECT 1 FROM staff_account a WHERE a.username = e.username AND a.organization_id"
			+ Scope.SUBTREE + ")";

	@Query(value = "SELECT e.*" + SCOPED_FROM + " ORDER BY e.occurred_at DESC, e.id DESC",
			countQuery = "SELECT COUNT(*)" + SCOPED_FROM, nativeQuery = true)
	Page<LoginEvent> findInScope(@Param("scope") long scope, @Param("pattern") String pattern, Pageable pageable);
}
