package cn.unionportal.organization;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.query.Param;

interface AffiliationRepository extends JpaRepository<Affiliation, Affiliation.Key> {

	@Query("""
			select o from Affiliation a, Organization o
			where a.organizationId = :union and o.id = a.federationId order by o.name
			""")
	List<Organization> findFederationsOf(@Param("union") long union);

	@Query(value = """
			select o from Affiliation a, Organization o
			where a.federationId = :federation and o.id = a.organizationId
			  and exists (select 1 from OrganizationLink l where l.ancestorId = :scope and l.descendantId = o.id)
			order by o.name, o.id
			""", countQuery = """
			select count(a) from Affiliation a where a.federationId = :federation
			  and exists (select 1 from OrganizationLink l where l.ancestorId = :scope and l.descendantId = a.organizationId)
			""")
	Page<Organization> findUnionsOf(@Param("scope") long scope, @Param("federation") long federation,
			Pageable pageable);
}
