package cn.unionportal.benefits;

import org.springframework.data.jpa.repository.JpaRepository;

interface BenefitProgrammeRepository extends JpaRepository<BenefitProgramme, Long> {

	boolean existsByOrganizationIdAndKindAndYear(long organizationId, ProgrammeKind kind, int year);
}
