package cn.unionportal.account;

import java.time.Instant;
import java.util.Optional;

import cn.unionportal.organization.Scope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.query.Param;

/**
 * Staff accounts. Scope filters use the organization module's {@link Scope#SUBTREE} with the bound
 * parameter {@code :scope}.
 */
interface StaffAccountRepository extends JpaRepository<StaffAccount, Long> {

	String IN_SCOPE = " a.organization_id" + Scope.SUBTREE;

	@EntityGraph(attributePaths = "roles")
	Optional<StaffAccount> findByUsername(String username);

	boolean existsByUsername(String username);

	@Query(value = "SELECT a.* FROM staff_account a WHERE a.id = :id AND" + IN_SCOPE, nativeQuery = true)
	Optional<StaffAccount> findInScope(@Param("scope") long scope, @Param("id") long id);

	@Query(value = "SELECT a.* FROM staff_account a WHERE (LOWER(a.username) LIKE :pattern ESCAPE '\\' OR LOWER(a.display_name) LIKE :pattern ESCAPE '\\') AND"
			+ IN_SCOPE + "ORDER BY a.username",
			countQuery = "SELECT COUNT(*) FROM staff_account a WHERE (LOWER(a.username) LIKE :pattern ESCAPE '\\' OR LOWER(a.display_name) LIKE :pattern ESCAPE '\\') AND"
					+ IN_SCOPE,
			nativeQuery = true)
	Page<StaffAccount> search(@Param("scope") long scope, @Param("pattern") String pattern, Pageable pageable);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = "UPDATE staff_account SET enabled = FALSE, session_version = session_version + 1, updated_at = :now, version = version + 1 WHERE organization_id = :organization AND enabled = TRUE",
			nativeQuery = true)
	int disableAllAt(@Param("organization") long organization, @Param("now") Instant now);

	/**
	 * Counts a failed login in one statement (safe under concurrent attempts): after an expired
	 * lock the count starts again; reaching {@code max} locks the account until {@code until}.
	 */
	@Modifying
	@Query(value = """
			UPDATE staff_account SET
			  failed_attempts = CASE WHEN locked_until IS NOT NULL AND locked_until <= :now THEN 1
			                         ELSE failed_attempts + 1 END,
			  locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= :now THEN NULL
			                      WHEN failed_attempts + 1 >= :max THEN :until
			                      ELSE locked_until END
			WHERE id = :id
			""", nativeQuery = true)
	int recordFailure(@Param("id") long id, @Param("now") Instant now, @Param("max") int max,
			@Param("until") Instant until);

	@Modifying
	@Query(value = "UPDATE staff_account SET failed_attempts = 0, locked_until = NULL WHERE id = :id AND (failed_attempts > 0 OR locked_until IS NOT NULL)",
			nativeQuery = true)
	int recordSuccess(@Param("id") long id);

	/** The account's security stamp (one primary-key read per request of a signed-in session). */
	@Query(value = "SELECT session_version FROM staff_account WHERE id = :id", nativeQuery = true)
	Optional<Long> findSessionVersion(@Param("id") long id);

	/** The accounts in scope that are locked now. */
	@Query(value = "SELECT a.* FROM staff_account a WHERE a.locked_until > :now AND" + IN_SCOPE + "ORDER BY a.username",
			countQuery = "SELECT COUNT(*) FROM staff_account a WHERE a.locked_until > :now AND" + IN_SCOPE,
			nativeQuery = true)
	Page<StaffAccount> findLocked(@Param("scope") long scope, @Param("now") Instant now, Pageable pageable);
}
