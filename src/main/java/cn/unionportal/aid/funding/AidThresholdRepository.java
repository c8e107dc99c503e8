package cn.unionportal.aid.funding;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AidThresholdRepository extends JpaRepository<AidThreshold, AidThreshold.Key> {

	List<AidThreshold> findByYearOrderByDistrictId(int year);
}
