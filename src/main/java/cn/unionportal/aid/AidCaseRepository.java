package cn.unionportal.aid;

import java.math.BigDecimal;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AidCaseRepository extends JpaRepository<AidCase, Long> {

	@Query(value = """
			SELECT c.* FROM aid_case c WHERE c.id = :id AND c.organization_id IN
			  (SELECT o.descendant_id FROM organization_closure o WHERE o.ancestor_id = :scope)
			""", nativeQuery = true)
	Optional<AidCase> findInScope(@Param("scope") long scope, @Param("id") long id);

	/**
	 * The member's medical aid of a year that counts against the yearly cap: approved or paid cases
	 * at their approved amount, cases waiting for a decision at their requested amount; one case
	 * may be left out ({@code -1} for none).
	 */
	@Query(value = """
			SELECT COALESCE(SUM(CASE WHEN c.status = 'RECORDED' THEN c.requested_amount ELSE c.approved_amount END), 0)
			FROM aid_case c
			WHERE c.member_id = :member AND c.aid_year = :year AND c.kind = 'MEDICAL_AID'
			  AND c.status <> 'REJECTED' AND c.id <> :except
			""", nativeQuery = true)
	BigDecimal medicalUsed(@Param("member") long memberId, @Param("year") int year, @Param("except") long exceptId);

	/** The member's approved or paid medical aid of a year, leaving one case out. */
	@Query(value = """
			SELECT COALESCE(SUM(c.approved_amount), 0) FROM aid_case c
			WHERE c.member_id = :member AND c.aid_year = :year AND c.kind = 'MEDICAL_AID'
			  AND c.status IN ('APPROVED', 'PAID') AND c.id <> :except
			""", nativeQuery = true)
	BigDecimal medicalApproved(@Param("member") long memberId, @Param("year") int year, @Param("except") long exceptId);
}
