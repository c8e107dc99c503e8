package cn.unionportal.aid;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface HardshipFileEventRepository extends JpaRepository<HardshipFileEvent, Long> {

	List<HardshipFileEvent> findByFileIdOrderByOccurredAtAscIdAsc(long fileId);
}
