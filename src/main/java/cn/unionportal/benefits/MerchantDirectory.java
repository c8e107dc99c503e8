package cn.unionportal.benefits;

import java.time.Clock;
import java.util.List;

import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner merchants: anyone may read them; only federation staff (a federation administrator, or
 * staff of the municipal federation itself) create, edit, deactivate and reactivate them.
 */
@Component
@Transactional(readOnly = true)
class MerchantDirectory {

	static final String SUBJECT = "MERCHANT";

	private final PartnerMerchantRepository merchants;

	private final OrganizationManagement organizations;

	private final AuditTrail audit;

	private final Clock clock;

	private final BenefitsPermissions permissions;

	MerchantDirectory(PartnerMerchantRepository merchants, OrganizationManagement organizations, AuditTrail audit,
			Clock clock, BenefitsPermissions permissions) {
		this.permissions = permissions;
		this.merchants = merchants;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
	}

	/** The active district federations directly under the municipal federation. */
	List<DistrictOption> districts() {
		return organizations.activeDistricts()
			.entrySet()
			.stream()
			.map(d -> new DistrictOption(d.getKey(), d.getValue()))
			.toList();
	}

	MerchantView get(long id) {
		PartnerMerchant m = load(id);
		String district = organizations.namesOf(List.of(m.getDistrictId())).get(m.getDistrictId());
		return new MerchantView(m.getId(), m.getName(), m.getCategory(), m.getDistrictId(), district, m.getAddress(),
				m.getDiscount(), m.getStatus(), m.getVersion());
	}

	@Transactional
	long create(CurrentUser user, MerchantData data) {
		permissions.requireManageMerchants(user);
		Checked checked = check(data, 0);
		PartnerMerchant merchant = new PartnerMerchant(checked.name(), data.category(), data.districtId(),
				checked.address(), checked.discount(), clock.instant());
		save(merchant);
		audit.record(user.username(), "MERCHANT_CREATED", SUBJECT, merchant.getId(), merchant.getDistrictId(),
				merchant.describe());
		return merchant.getId();
	}

	@Transactional
	void update(CurrentUser user, long id, long version, MerchantData data) {
		PartnerMerchant merchant = load(id);
		permissions.requireManageMerchants(user);
		requireVersion(merchant, version);
		Checked checked = check(data, id);
		String before = merchant.describe();
		merchant.update(checked.name(), data.category(), data.districtId(), checked.address(), checked.discount(),
				clock.instant());
		save(merchant);
		audit.record(user.username(), "MERCHANT_UPDATED", SUBJECT, id, merchant.getDistrictId(),
				before + " → " + merchant.describe());
	}

	@Transactional
	void changeStatus(CurrentUser user, long id, long version, MerchantStatus status) {
		PartnerMerchant merchant = load(id);
		permissions.requireManageMerchants(user);
		requireVersion(merchant, version);
		Texts.requireField(status, "status");
		if (merchant.getStatus() == status) {
			return;
		}
		MerchantStatus old = merchant.getStatus();
		merchant.changeStatus(status, clock.instant());
		save(merchant);
		audit.record(user.username(), status == MerchantStatus.ACTIVE ? "MERCHANT_REACTIVATED" : "MERCHANT_DEACTIVATED",
				SUBJECT, id, merchant.getDistrictId(), "status: " + old + " → " + status);
	}

	private record Checked(String name, String address, String discount) {
	}

	private Checked check(MerchantData data, long selfId) {
		String name = Texts.required(data.name(), "name", 100);
		Texts.requireField(data.category(), "category");
		Texts.requireField(data.districtId(), "districtId");
		if (districts().stream().noneMatch(d -> d.id() == data.districtId())) {
			throw new RuleViolationException("districtId", "benefit.merchant.error.district");
		}
		String discount = Texts.required(data.discount(), "discount", 100);
		String address = Texts.optional(data.address(), "address", 200);
		if (merchants.existsByDistrictIdAndNameAndIdNot(data.districtId(), name, selfId)) {
			throw new RuleViolationException("name", "benefit.merchant.error.nameTaken");
		}
		return new Checked(name, address, discount);
	}

	private void save(PartnerMerchant merchant) {
		try {
			merchants.saveAndFlush(merchant);
		}
		catch (DataIntegrityViolationException duplicate) {
			// the same name in the same district, saved by a concurrent request
			throw new RuleViolationException("name", "benefit.merchant.error.nameTaken");
		}
	}

	private PartnerMerchant load(long id) {
		return merchants.findById(id).orElseThrow(() -> new NotFoundException("merchant", id));
	}

	private static void requireVersion(PartnerMerchant merchant, long version) {
		if (merchant.getVersion() != version) {
			throw new ConflictException("merchant " + merchant.getId() + " changed meanwhile");
		}
	}

	/** Only for the demo loader: whether any merchant exists. */
	boolean isEmpty() {
		return merchants.count() == 0;
	}
}
