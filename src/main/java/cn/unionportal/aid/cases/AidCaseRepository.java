package cn.unionportal.aid.cases;

import java.math.BigDecimal;
import java.util.Optional;

import cn.unionportal.organization.Scope;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AidCaseRepository extends JpaRepository<AidCase, Long> {

	@Query(value = "SELECT c.* FROM aid_case c WHERE c.id = :id AND c.organization_id" + Scope.SUBTREE,
			nativeQuery = true)
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

	/** Creates the member's cap row of the year unless it exists (see {@link #lockMedicalCap}). */
	@Modifying
	@Query(value = "INSERT INTO aid_medical_cap_lock (member_id, aid_year) VALUES (:member, :year) ON CONFLICT DO NOTHING",
			nativeQuery = true)
	int createMedicalCapRow(@Param("member") long memberId, @Param("year") int year);

	@Query(value = "SELECT member_id FROM aid_medical_cap_lock WHERE member_id = :member AND aid_year = :year FOR UPDATE",
			nativeQuery = true)
	Long lockMedicalCapRow(@Param("member") long memberId, @Param("year") int year);

	/**
	 * Locks the member's medical cap of the year until the transaction ends: whoever records or
	 * approves a medical case for them meanwhile waits, and then sees this transaction's case when
	 * it adds up {@link #medicalUsed} or {@link #medicalApproved}.
	 */
	default void lockMedicalCap(long memberId, int year) {
		createMedicalCapRow(memberId, year);
		lockMedicalCapRow(memberId, year);
	}
}
