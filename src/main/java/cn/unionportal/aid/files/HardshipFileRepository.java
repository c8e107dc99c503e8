package cn.unionportal.aid.files;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.unionportal.organization.Scope;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface HardshipFileRepository extends JpaRepository<HardshipFile, Long> {

	String IN_SCOPE = " f.organization_id" + Scope.SUBTREE;

	@Query(value = "SELECT f.* FROM hardship_file f WHERE f.id = :id AND" + IN_SCOPE, nativeQuery = true)
	Optional<HardshipFile> findInScope(@Param("scope") long scope, @Param("id") long id);

	List<HardshipFile> findByMemberIdOrderByAppliedAtDesc(long memberId);

	boolean existsByLookupCode(String lookupCode);

	@Query("select f from HardshipFile f where f.memberId = :member and f.status in :statuses")
	List<HardshipFile> findByMemberAndStatus(@Param("member") long memberId,
			@Param("statuses") Collection<FileStatus> statuses);
}
