package cn.unionportal.aid.files;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface HardshipFileEventRepository extends JpaRepository<HardshipFileEvent, Long> {

	List<HardshipFileEvent> findByFileIdOrderByOccurredAtAscIdAsc(long fileId);
}
