package cn.unionportal.benefits;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface InsuranceEnrolmentRepository extends JpaRepository<InsuranceEnrolment, Long> {

	Optional<InsuranceEnrolment> findByProgrammeIdAndMemberId(long programmeId, long memberId);

	List<InsuranceEnrolment> findByMemberId(long memberId);
}
