package cn.unionportal.benefits;

import org.springframework.data.jpa.repository.JpaRepository;

interface PartnerMerchantRepository extends JpaRepository<PartnerMerchant, Long> {

	boolean existsByDistrictIdAndNameAndIdNot(long districtId, String name, long id);
}
