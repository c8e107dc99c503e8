package cn.unionportal.organization;

import java.time.Instant;
import java.time.LocalDate;

import cn.unionportal.shared.ChineseNames;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A union organization. Its place in the hierarchy is {@code parentId}; the ancestry lives in
 * {@link OrganizationLink} rows maintained by {@link OrganizationLinks}.
 */
@Entity
@Table(name = "organization")
class Organization {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 100)
	private String name;

	/** {@link ChineseNames#sortKey}: "by name" is pinyin order. */
	@Column(name = "name_sort", nullable = false, length = 1600)
	private String nameSort;

	/** {@link ChineseNames#pinyinText}: found by pinyin. */
	@Column(name = "name_pinyin", nullable = false, length = ChineseNames.MAX_TEXT_LENGTH)
	private String namePinyin;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 40, updatable = false)
	private OrganizationType type;

	@Column(name = "parent_id")
	private Long parentId;

	@Enumerated(EnumType.STRING)
	@Column(name = "parent_type", length = 40)
	private OrganizationType parentType;

	@Column(length = 50)
	private String chair;

	@Column(name = "founded_on")
	private LocalDate foundedOn;

	@Column(name = "credit_code", length = 18)
	private String creditCode;

	/** The unit's number of employees (grassroots unions; null: not recorded). */
	private Integer employees;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private OrganizationStatus status = OrganizationStatus.ACTIVE;

	@Column(name = "dissolved_on")
	private LocalDate dissolvedOn;

	@Version
	private long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected Organization() {
	}

	Organization(Organization parent, OrganizationType type, OrganizationChanges changes, Instant now) {
		if (!parent.type.mayContain(type)) {
			throw new IllegalStateException(type + " may not sit under " + parent.type);
		}
		this.parentId = parent.id;
		this.parentType = parent.type;
		this.type = type;
		this.createdAt = now;
		apply(changes, now);
	}

	void apply(OrganizationChanges changes, Instant now) {
		this.name = changes.name().strip();
		this.nameSort = ChineseNames.sortKey(name);
		this.namePinyin = ChineseNames.pinyinText(name);
		this.chair = changes.chair() == null || changes.chair().isBlank() ? null : changes.chair().strip();
		this.foundedOn = changes.foundedOn();
		this.creditCode = type.isEnterprise() ? CreditCode.normalize(changes.creditCode()) : null;
		this.employees = type == OrganizationType.GRASSROOTS_UNION ? changes.employees() : null;
		this.updatedAt = now;
	}

	void moveUnder(Organization newParent, Instant now) {
		if (!newParent.type.mayContain(type)) {
			throw new IllegalStateException(type + " may not sit under " + newParent.type);
		}
		this.parentId = newParent.id;
		this.parentType = newParent.type;
		this.updatedAt = now;
	}

	void dissolve(LocalDate on, Instant now) {
		this.status = OrganizationStatus.DISSOLVED;
		this.dissolvedOn = on;
		this.updatedAt = now;
	}

	boolean isActive() {
		return status == OrganizationStatus.ACTIVE;
	}

	Long getId() {
		return id;
	}

	String getName() {
		return name;
	}

	OrganizationType getType() {
		return type;
	}

	Long getParentId() {
		return parentId;
	}

	String getChair() {
		return chair;
	}

	LocalDate getFoundedOn() {
		return foundedOn;
	}

	String getCreditCode() {
		return creditCode;
	}

	Integer getEmployees() {
		return employees;
	}

	OrganizationStatus getStatus() {
		return status;
	}

	LocalDate getDissolvedOn() {
		return dissolvedOn;
	}

	long getVersion() {
		return version;
	}
}
