package cn.unionportal.aid.cases;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AidPaymentRepository extends JpaRepository<AidPayment, Long> {

	List<AidPayment> findByCaseIdOrderByRecordedAtAscIdAsc(long caseId);

	boolean existsByRequestToken(String requestToken);
}
