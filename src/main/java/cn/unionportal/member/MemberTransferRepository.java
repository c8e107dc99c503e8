package cn.unionportal.member;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MemberTransferRepository extends JpaRepository<MemberTransfer, Long> {

	List<MemberTransfer> findByMemberIdOrderByRequestedAtDesc(long memberId);

	boolean existsByMemberIdAndStatus(long memberId, TransferStatus status);

	@Query(value = """
			SELECT t.* FROM member_transfer t WHERE t.status = 'PENDING' AND t.to_organization_id IN
			  (SELECT c.descendant_id FROM organization_closure c WHERE c.ancestor_id = :scope)
			ORDER BY t.requested_at, t.id
			""", countQuery = """
			SELECT COUNT(*) FROM member_transfer t WHERE t.status = 'PENDING' AND t.to_organization_id IN
			  (SELECT c.descendant_id FROM organization_closure c WHERE c.ancestor_id = :scope)
			""", nativeQuery = true)
	Page<MemberTransfer> findPendingInto(@Param("scope") long scope, Pageable pageable);

	@Query(value = """
			SELECT t.* FROM member_transfer t WHERE t.status = 'PENDING' AND t.from_organization_id IN
			  (SELECT c.descendant_id FROM organization_closure c WHERE c.ancestor_id = :scope)
			ORDER BY t.requested_at, t.id
			""", countQuery = """
			SELECT COUNT(*) FROM member_transfer t WHERE t.status = 'PENDING' AND t.from_organization_id IN
			  (SELECT c.descendant_id FROM organization_closure c WHERE c.ancestor_id = :scope)
			""", nativeQuery = true)
	Page<MemberTransfer> findPendingFrom(@Param("scope") long scope, Pageable pageable);
}
