package cn.unionportal.award;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.ConflictException;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The honour catalogue: seeded by V22, read by everyone, edited by federation administrators. */
@Service
@Transactional(readOnly = true)
public class HonourCatalogue {

	static final String SUBJECT = "HONOUR_KIND";

	private static final String COLUMNS = """
			k.id, k.code, k.name, k.name_en, k.honour_level, k.recipient, k.prerequisite_id, p.name AS prerequisite_name,
			k.repeat_after_years, k.health_check, k.recuperation_leave, k.monthly_allowance, k.allowance_from_age,
			k.active, k.version FROM honour_kind k LEFT JOIN honour_kind p ON p.id = k.prerequisite_id
			""";

	private final JdbcClient jdbc;

	private final AwardPermissions permissions;

	private final AuditTrail audit;

	HonourCatalogue(JdbcClient jdbc, AwardPermissions permissions, AuditTrail audit) {
		this.jdbc = jdbc;
		this.permissions = permissions;
		this.audit = audit;
	}

	/** Every kind, by level (national first) then id. */
	public List<HonourKindView> kinds() {
		return jdbc.sql("SELECT " + COLUMNS + " ORDER BY CASE k.honour_level WHEN 'NATIONAL' THEN 0 WHEN 'PROVINCIAL' THEN 1"
				+ " WHEN 'MUNICIPAL' THEN 2 ELSE 3 END, k.id").query(HonourCatalogue::map).list();
	}

	public Map<Long, HonourKindView> byId() {
		return kinds().stream().collect(Collectors.toMap(HonourKindView::id, Function.identity()));
	}

	public HonourKindView kind(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " WHERE k.id = :id").param("id", id).query(HonourCatalogue::map)
			.optional().orElseThrow(() -> new NotFoundException("honour kind", id));
	}

	public Optional<HonourKindView> byCode(String code) {
		return jdbc.sql("SELECT " + COLUMNS + " WHERE k.code = :code").param("code", code).query(HonourCatalogue::map)
			.optional();
	}

	@Transactional
	public void update(CurrentUser user, long id, long version, HonourKindData data) {
		HonourKindView kind = kind(id);
		AwardPermissions.require(permissions.mayEditCatalogue(user), "catalogue");
		String name = Texts.required(data.name(), "name", 100);
		String nameEn = Texts.required(data.nameEn(), "nameEn", 100);
		if (data.repeatAfterYears() < 0 || data.repeatAfterYears() > 50) {
			throw new RuleViolationException("repeatAfterYears", "award.error.range", 0, 50);
		}
		if (data.monthlyAllowance() != null && (data.monthlyAllowance().signum() < 0
				|| data.monthlyAllowance().compareTo(new BigDecimal("100000")) > 0)) {
			throw new RuleViolationException("monthlyAllowance", "award.error.range", 0, 100000);
		}
		if (data.allowanceFromAge() != null && (data.allowanceFromAge() < 0 || data.allowanceFromAge() > 120)) {
			throw new RuleViolationException("allowanceFromAge", "award.error.range", 0, 120);
		}
		if (data.prerequisiteId() != null && createsLoop(id, data.prerequisiteId())) {
			throw new RuleViolationException("prerequisiteId", "award.error.prerequisiteLoop");
		}
		int changed = jdbc.sql("""
				UPDATE honour_kind SET name = :name, name_en = :nameEn, prerequisite_id = :prerequisite,
				  repeat_after_years = :repeat, health_check = :health, recuperation_leave = :leave,
				  monthly_allowance = :allowance, allowance_from_age = :age, active = :active, version = version + 1
				WHERE id = :id AND version = :version
				""")
			.param("name", name).param("nameEn", nameEn).param("prerequisite", data.prerequisiteId())
			.param("repeat", data.repeatAfterYears()).param("health", data.healthCheck())
			.param("leave", data.recuperationLeave()).param("allowance", data.monthlyAllowance())
			.param("age", data.allowanceFromAge()).param("active", data.active()).param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw new ConflictException("honour kind " + id + " changed meanwhile");
		}
		audit.record(user.username(), "HONOUR_KIND_UPDATED", SUBJECT, id, user.organizationId(),
				kind.code() + ": " + name + ", repeat " + data.repeatAfterYears() + ", allowance "
						+ data.monthlyAllowance() + " from " + data.allowanceFromAge());
	}

	private boolean createsLoop(long id, long prerequisiteId) {
		Map<Long, HonourKindView> all = byId();
		Long next = prerequisiteId;
		for (int i = 0; next != null && i <= all.size(); i++) {
			if (next == id) {
				return true;
			}
			HonourKindView k = all.get(next);
			next = k == null ? null : k.prerequisiteId();
		}
		return false;
	}

	static HonourKindView map(ResultSet rs, int row) throws SQLException {
		return new HonourKindView(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
				HonourLevel.valueOf(rs.getString("honour_level")), Recipient.valueOf(rs.getString("recipient")),
				rs.getObject("prerequisite_id", Long.class), rs.getString("prerequisite_name"),
				rs.getInt("repeat_after_years"), rs.getBoolean("health_check"), rs.getBoolean("recuperation_leave"),
				rs.getBigDecimal("monthly_allowance"), rs.getObject("allowance_from_age", Integer.class),
				rs.getBoolean("active"), rs.getLong("version"));
	}
}
