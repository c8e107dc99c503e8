package cn.unionportal.member;

import java.util.List;

import cn.unionportal.organization.Scope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MemberTransferRepository extends JpaRepository<MemberTransfer, Long> {

	List<MemberTransfer> findByMemberIdOrderByRequestedAtDesc(long memberId);

	boolean existsByMemberIdAndStatus(long memberId, TransferStatus status);

	String PENDING_INTO = " FROM member_transfer t WHERE t.status = 'PENDING' AND t.to_organization_id" + Scope.SUBTREE;

	String PENDING_FROM = " FROM member_transfer t WHERE t.status = 'PENDING' AND t.from_organization_id" + Scope.SUBTREE;

	@Query(value = "SELECT t.*" + PENDING_INTO + "ORDER BY t.requested_at, t.id",
			countQuery = "SELECT COUNT(*)" + PENDING_INTO, nativeQuery = true)
	Page<MemberTransfer> findPendingInto(@Param("scope") long scope, Pageable pageable);

	@Query(value = "SELECT t.*" + PENDING_FROM + "ORDER BY t.requested_at, t.id",
			countQuery = "SELECT COUNT(*)" + PENDING_FROM, nativeQuery = true)
	Page<MemberTransfer> findPendingFrom(@Param("scope") long scope, Pageable pageable);
}
