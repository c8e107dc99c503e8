package cn.unionportal.selfservice;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MemberAccountRepository extends JpaRepository<MemberAccount, Long> {

	Optional<MemberAccount> findByMemberId(long memberId);

	@Modifying
	@Query(value = """
			UPDATE member_account SET
			  failed_attempts = CASE WHEN locked_until IS NOT NULL AND locked_until <= :now THEN 1
			                         ELSE failed_attempts + 1 END,
			  locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= :now THEN NULL
			                      WHEN failed_attempts + 1 >= :max THEN :until
			                      ELSE locked_until END
			WHERE member_id = :member
			""", nativeQuery = true)
	int recordFailure(@Param("member") long memberId, @Param("now") Instant now, @Param("max") int max,
			@Param("until") Instant until);

	@Modifying
	@Query(value = "UPDATE member_account SET failed_attempts = 0, locked_until = NULL WHERE member_id = :member AND (failed_attempts > 0 OR locked_until IS NOT NULL)",
			nativeQuery = true)
	int recordSuccess(@Param("member") long memberId);


	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = "UPDATE member_account SET session_version = session_version + 1 WHERE member_id = :member", nativeQuery = true)
	int endSessions(@Param("member") long memberId);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = "DELETE FROM member_account WHERE member_id = :member", nativeQuery = true)
	int deleteByMember(@Param("member") long memberId);
}
