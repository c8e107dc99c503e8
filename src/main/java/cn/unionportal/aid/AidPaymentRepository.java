package cn.unionportal.aid;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AidPaymentRepository extends JpaRepository<AidPayment, Long> {

	List<AidPayment> findByCaseIdOrderByRecordedAtAscIdAsc(long caseId);

	boolean existsByRequestToken(String requestToken);
}
