package cn.unionportal.benefits;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A yearly programme (such as 职工互助保障) run by a federation. */
@Entity
@Table(name = "benefit_programme")
class BenefitProgramme {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private ProgrammeKind kind;

	@Column(nullable = false, length = 100)
	private String name;

	@Column(name = "programme_year", nullable = false)
	private int year;

	@Column(name = "period_start", nullable = false)
	private LocalDate periodStart;

	@Column(name = "period_end", nullable = false)
	private LocalDate periodEnd;

	@Column(nullable = false, precision = 10, scale = 2)
	private BigDecimal premium;

	@Column(name = "organization_id", nullable = false)
	private long organizationId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private ProgrammeStatus status;

	@Column(name = "created_by", nullable = false, length = 50)
	private String createdBy;

	@Version
	private long version;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected BenefitProgramme() {
	}

	BenefitProgramme(ProgrammeKind kind, String name, int year, LocalDate periodStart, LocalDate periodEnd,
			BigDecimal premium, long organizationId, String createdBy, Instant now) {
		this.kind = kind;
		this.name = name;
		this.year = year;
		this.periodStart = periodStart;
		this.periodEnd = periodEnd;
		this.premium = premium;
		this.organizationId = organizationId;
		this.status = ProgrammeStatus.OPEN;
		this.createdBy = createdBy;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void changeStatus(ProgrammeStatus status, Instant now) {
		this.status = status;
		this.updatedAt = now;
	}

	Long getId() {
		return id;
	}

	ProgrammeKind getKind() {
		return kind;
	}

	String getName() {
		return name;
	}

	int getYear() {
		return year;
	}

	LocalDate getPeriodStart() {
		return periodStart;
	}

	LocalDate getPeriodEnd() {
		return periodEnd;
	}

	BigDecimal getPremium() {
		return premium;
	}

	long getOrganizationId() {
		return organizationId;
	}

	ProgrammeStatus getStatus() {
		return status;
	}

	long getVersion() {
		return version;
	}
}
