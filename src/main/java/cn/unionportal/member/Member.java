package cn.unionportal.member;

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
 * A union member. Identity and phone numbers are held only as {@link ProtectedValue}s
 * (encrypted, keyed hash, masked copy). The birth date is held encrypted beside a clear birth
 * year: the clear date together with the masked number used to give the number away (issue 8).
 */
@Entity
@Table(name = "member")
class Member {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 50)
	private String name;

	/** {@link ChineseNames#personSortKey}: "by name" is pinyin order. */
	@Column(name = "name_sort", nullable = false, length = 800)
	private String nameSort;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private Gender gender;

	@Enumerated(EnumType.STRING)
	@Column(name = "document_type", nullable = false, length = 40)
	private DocumentType documentType;

	@Column(name = "id_number_cipher", nullable = false, length = 200)
	private String idNumberCipher;

	@Column(name = "id_number_hash", nullable = false, length = 64)
	private String idNumberHash;

	@Column(name = "id_number_masked", nullable = false, length = 40)
	private String idNumberMasked;

	@Column(name = "birth_year", nullable = false)
	private int birthYear;

	@Column(name = "birth_date_cipher", nullable = false, length = 200)
	private String birthDateCipher;

	@Column(name = "phone_cipher", length = 200)
	private String phoneCipher;

	@Column(name = "phone_hash", length = 64)
	private String phoneHash;

	@Column(name = "phone_masked", length = 20)
	private String phoneMasked;

	@Enumerated(EnumType.STRING)
	@Column(name = "employment_type", nullable = false, length = 30)
	private EmploymentType employmentType;

	@Column(name = "organization_id", nullable = false)
	private long organizationId;

	@Column(name = "join_date", nullable = false)
	private LocalDate joinDate;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private MemberStatus status;

	@Column(name = "active_id_hash", length = 64)
	private String activeIdHash;

	@Column(name = "card_number", nullable = false, length = 20, updatable = false)
	private String cardNumber;

	@Version
	private long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected Member() {
	}

	Member(String name, Gender gender, DocumentType documentType, ProtectedValue idNumber, BirthDate birthDate,
			ProtectedValue phone, EmploymentType employmentType, long organizationId,
			LocalDate joinDate, String cardNumber, Instant now) {
		this.name = name;
		this.nameSort = ChineseNames.personSortKey(name);
		this.gender = gender;
		this.documentType = documentType;
		setIdNumber(idNumber);
		this.birthYear = birthDate.year();
		this.birthDateCipher = birthDate.cipher();
		setPhone(phone);
		this.employmentType = employmentType;
		this.organizationId = organizationId;
		this.joinDate = joinDate;
		this.cardNumber = cardNumber;
		this.createdAt = now;
		this.updatedAt = now;
		changeStatus(MemberStatus.ACTIVE, now);
	}

	void update(String name, Gender gender, DocumentType documentType, ProtectedValue idNumber, BirthDate birthDate,
			ProtectedValue phone, EmploymentType employmentType, LocalDate joinDate, Instant now) {
		this.name = name;
		this.nameSort = ChineseNames.personSortKey(name);
		this.gender = gender;
		this.documentType = documentType;
		setIdNumber(idNumber);
		this.birthYear = birthDate.year();
		this.birthDateCipher = birthDate.cipher();
		setPhone(phone);
		this.employmentType = employmentType;
		this.joinDate = joinDate;
		this.activeIdHash = status == MemberStatus.ACTIVE ? idNumberHash : null;
		this.updatedAt = now;
	}

	void changeStatus(MemberStatus status, Instant now) {
		this.status = status;
		this.activeIdHash = status == MemberStatus.ACTIVE ? idNumberHash : null;
		this.updatedAt = now;
	}

	void moveTo(long organizationId, Instant now) {
		this.organizationId = organizationId;
		this.updatedAt = now;
	}

	private void setIdNumber(ProtectedValue idNumber) {
		this.idNumberCipher = idNumber.cipher();
		this.idNumberHash = idNumber.hash();
		this.idNumberMasked = idNumber.masked();
	}

	private void setPhone(ProtectedValue phone) {
		this.phoneCipher = phone == null ? null : phone.cipher();
		this.phoneHash = phone == null ? null : phone.hash();
		this.phoneMasked = phone == null ? null : phone.masked();
	}

	Long getId() {
		return id;
	}

	String getName() {
		return name;
	}

	Gender getGender() {
		return gender;
	}

	DocumentType getDocumentType() {
		return documentType;
	}

	String getIdNumberCipher() {
		return idNumberCipher;
	}

	String getIdNumberHash() {
		return idNumberHash;
	}

	String getIdNumberMasked() {
		return idNumberMasked;
	}

	int getBirthYear() {
		return birthYear;
	}

	BirthDate getBirthDate() {
		return new BirthDate(birthYear, birthDateCipher);
	}

	String getPhoneCipher() {
		return phoneCipher;
	}

	String getPhoneHash() {
		return phoneHash;
	}

	String getPhoneMasked() {
		return phoneMasked;
	}

	EmploymentType getEmploymentType() {
		return employmentType;
	}

	long getOrganizationId() {
		return organizationId;
	}

	LocalDate getJoinDate() {
		return joinDate;
	}

	MemberStatus getStatus() {
		return status;
	}

	String getCardNumber() {
		return cardNumber;
	}

	long getVersion() {
		return version;
	}
}
