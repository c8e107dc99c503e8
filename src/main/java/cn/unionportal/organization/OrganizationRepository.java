package cn.unionportal.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.query.Param;

/**
 * Organizations, always read through the scope (the subtree of {@code scope}) with bound
 * parameters.
 */
interface OrganizationRepository extends JpaRepository<Organization, Long> {

	String IN_SCOPE = " exists (select 1 from OrganizationLink l where l.ancestorId = :scope and l.descendantId = o.id) ";

	String PARENT_IN_SCOPE = " exists (select 1 from OrganizationLink l where l.ancestorId = :scope and l.descendantId = :parent) ";

	@Query("select o from Organization o where o.id = :id and" + IN_SCOPE)
	Optional<Organization> findInScope(@Param("scope") long scope, @Param("id") long id);

	/**
	 * The children of a parent in scope: all of them lie in the scope too. The scope is checked on
	 * the parent (one closure row), not on each child, so the plan does not depend on the scope's
	 * size: checked per child, a cached generic plan walked the whole closure of the federation's
	 * 4,990 organizations for each page of a district's children (issue 13).
	 */
	@Query(value = "select o from Organization o where o.parentId = :parent and" + PARENT_IN_SCOPE
			+ "order by o.status, o.type, o.nameSort, o.id",
			countQuery = "select count(*) from Organization o where o.parentId = :parent and" + PARENT_IN_SCOPE)
	Page<Organization> findChildren(@Param("scope") long scope, @Param("parent") long parent, Pageable pageable);

	/** {@code pinyin}: a LIKE pattern on the pinyin keys (ChineseNames), or null when the query is no pinyin. */
	@Query(value = "select o from Organization o where (lower(o.name) like :pattern escape '\\' or o.creditCode = :code"
			+ " or o.namePinyin like :pinyin escape '\\') and" + IN_SCOPE + "order by o.status, o.nameSort, o.id",
			countQuery = "select count(o) from Organization o where (lower(o.name) like :pattern escape '\\'"
					+ " or o.creditCode = :code or o.namePinyin like :pinyin escape '\\') and" + IN_SCOPE)
	Page<Organization> search(@Param("scope") long scope, @Param("pattern") String pattern,
			@Param("code") String code, @Param("pinyin") String pinyin, Pageable pageable);

	@Query("""
			select o.parentId, count(*) from Organization o
			where o.parentId in :parents and o.status = cn.unionportal.organization.OrganizationStatus.ACTIVE
			group by o.parentId
			""")
	List<Object[]> countActiveChildren(@Param("parents") Collection<Long> parents);

	@Query("""
			select o from Organization o, OrganizationLink l
			where l.descendantId = :id and l.ancestorId = o.id
			  and exists (select 1 from OrganizationLink s where s.ancestorId = :scope and s.descendantId = o.id)
			order by l.depth desc
			""")
	List<Organization> findAncestorsInScope(@Param("scope") long scope, @Param("id") long id);

	/** Active district federations directly under the root: id and name, in pinyin order. */
	@Query("select o.id, o.name from Organization o"
			+ " where o.parentId = (select r.id from Organization r where r.parentId is null)"
			+ " and o.type = cn.unionportal.organization.OrganizationType.DISTRICT_FEDERATION"
			+ " and o.status = cn.unionportal.organization.OrganizationStatus.ACTIVE order by o.nameSort, o.id")
	List<Object[]> findActiveDistrictNames();

	/** Active district federations in the subtree of {@code scope}, and the one above it (if any). */
	@Query("select o.id from Organization o"
			+ " where o.type = cn.unionportal.organization.OrganizationType.DISTRICT_FEDERATION"
			+ " and ((o.status = cn.unionportal.organization.OrganizationStatus.ACTIVE and" + IN_SCOPE + ")"
			+ " or exists (select 1 from OrganizationLink a where a.descendantId = :scope and a.ancestorId = o.id))")
	List<Long> findDistrictsAround(@Param("scope") long scope);

	/** Ids of the organizations whose name matches a LIKE pattern (lower case, escaped), anywhere. */
	@Query("select o.id from Organization o where lower(o.name) like :pattern escape '\\'")
	List<Long> findIdsNamedLike(@Param("pattern") String pattern);

	@Query("select count(o) > 0 from Organization o where o.parentId = :parent and o.name = :name and o.id <> :except")
	boolean existsSiblingNamed(@Param("parent") long parent, @Param("name") String name, @Param("except") long except);

	@Query("""
			select count(o) > 0 from Organization o where o.creditCode = :code and o.id <> :except
			and o.status = cn.unionportal.organization.OrganizationStatus.ACTIVE
			""")
	boolean existsActiveWithCreditCode(@Param("code") String code, @Param("except") long except);

	@Query("select count(o) from Organization o where o.parentId = :parent and o.status = cn.unionportal.organization.OrganizationStatus.ACTIVE")
	long countActiveChildren(@Param("parent") long parent);

	@Query(value = """
			select o from Organization o where o.type in :types
			and o.status = cn.unionportal.organization.OrganizationStatus.ACTIVE
			and (lower(o.name) like :pattern escape '\\' or o.namePinyin like :pinyin escape '\\') and""" + IN_SCOPE + """
			and not exists (select 1 from OrganizationLink x where x.ancestorId = :excludeSubtree and x.descendantId = o.id)
			order by o.nameSort, o.id
			""")
	List<Organization> findCandidates(@Param("scope") long scope, @Param("types") Collection<OrganizationType> types,
			@Param("pattern") String pattern, @Param("pinyin") String pinyin, @Param("excludeSubtree") long excludeSubtree,
			Pageable pageable);

	/** The federation at the top of the tree: its id only (asked on many pages, no entity to load). */
	@Query("select o.id from Organization o where o.parentId is null")
	Optional<Long> findRootId();

	/** Id and name only, for the names shown beside list rows (no entities to load and track). */
	@Query("select o.id, o.name from Organization o where o.id in :ids")
	List<Object[]> findNames(@Param("ids") Collection<Long> ids);
}
