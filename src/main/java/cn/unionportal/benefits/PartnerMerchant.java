package cn.unionportal.benefits;

import java.time.Instant;

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

/** A merchant giving membership-card holders a discount, in one district. */
@Entity
@Table(name = "partner_merchant")
class PartnerMerchant {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 100)
	private String name;

	/** {@link ChineseNames#sortKey}: the list is in pinyin order. */
	@Column(name = "name_sort", nullable = false, length = 1600)
	private String nameSort;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private MerchantCategory category;

	@Column(name = "district_id", nullable = false)
	private long districtId;

	@Column(length = 200)
	private String address;

	@Column(nullable = false, length = 100)
	private String discount;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private MerchantStatus status;

	@Version
	private long version;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected PartnerMerchant() {
	}

	PartnerMerchant(String name, MerchantCategory category, long districtId, String address, String discount,
			Instant now) {
		this.status = MerchantStatus.ACTIVE;
		this.createdAt = now;
		update(name, category, districtId, address, discount, now);
	}

	void update(String name, MerchantCategory category, long districtId, String address, String discount,
			Instant now) {
		this.name = name;
		this.nameSort = ChineseNames.sortKey(name);
		this.category = category;
		this.districtId = districtId;
		this.address = address;
		this.discount = discount;
		this.updatedAt = now;
	}

	void changeStatus(MerchantStatus status, Instant now) {
		this.status = status;
		this.updatedAt = now;
	}

	Long getId() {
		return id;
	}

	String getName() {
		return name;
	}

	MerchantCategory getCategory() {
		return category;
	}

	long getDistrictId() {
		return districtId;
	}

	String getAddress() {
		return address;
	}

	String getDiscount() {
		return discount;
	}

	MerchantStatus getStatus() {
		return status;
	}

	long getVersion() {
		return version;
	}

	/** For the audit trail. */
	String describe() {
		return "name=" + name + ", category=" + category + ", district=" + districtId + ", address="
				+ (address == null ? "" : address) + ", discount=" + discount;
	}
}
