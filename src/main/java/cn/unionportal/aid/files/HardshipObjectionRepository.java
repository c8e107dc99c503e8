package cn.unionportal.aid.files;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface HardshipObjectionRepository extends JpaRepository<HardshipObjection, Long> {

	List<HardshipObjection> findByFileIdOrderByRaisedAt(long fileId);

	@Query("select count(o) from HardshipObjection o where o.fileId = :file and o.resolvedAt is null")
	long countOpen(@Param("file") long fileId);
}
