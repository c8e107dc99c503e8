package cn.unionportal.aid.funding;

import java.util.List;

import cn.unionportal.organization.Scope;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AidBudgetRepository extends JpaRepository<AidBudget, AidBudgetKey> {

	@Query(value = "SELECT b.* FROM aid_budget b WHERE b.aid_year = :year AND b.organization_id" + Scope.SUBTREE
			+ "ORDER BY b.organization_id", nativeQuery = true)
	List<AidBudget> findInScope(@Param("scope") long scope, @Param("year") int year);
}
