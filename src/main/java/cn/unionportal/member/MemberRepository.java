package cn.unionportal.member;

import java.util.Optional;

import cn.unionportal.organization.Scope;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MemberRepository extends JpaRepository<Member, Long> {

	String IN_SCOPE = " m.organization_id" + Scope.SUBTREE;

	@Query(value = "SELECT m.* FROM member m WHERE m.id = :id AND" + IN_SCOPE, nativeQuery = true)
	Optional<Member> findInScope(@Param("scope") long scope, @Param("id") long id);

	@Query(value = "SELECT m.* FROM member m WHERE m.active_id_hash = :hash", nativeQuery = true)
	Optional<Member> findActiveByIdHash(@Param("hash") String hash);

	@Query(value = "SELECT COUNT(*) FROM member m WHERE m.organization_id = :organization AND m.status = 'ACTIVE'",
			nativeQuery = true)
	long countActiveAt(@Param("organization") long organization);

	@Query(value = "SELECT COUNT(*) FROM member m WHERE m.status = 'ACTIVE' AND" + IN_SCOPE, nativeQuery = true)
	long countActiveUnder(@Param("scope") long scope);

	@Query(value = "SELECT nextval('member_card_seq')", nativeQuery = true)
	long nextCardSequence();
}
