package cn.unionportal.benefits;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface MemberEntitlementRepository extends JpaRepository<MemberEntitlement, Long> {

	List<MemberEntitlement> findByMemberId(long memberId);
}
