package cn.unionportal.award;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.member.MemberBrief;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.Scope;
import cn.unionportal.organization.ScopedQuery;
import cn.unionportal.organization.Scopes;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.SearchPatterns;
import cn.unionportal.shared.masking.Masking;
import cn.unionportal.shared.security.CurrentUser;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads over the register: the public honour roll (光荣榜) by year, kind and district, searchable
 * by name (holders who asked not to be listed appear masked and are never found by name), the
 * staff register of a scope, and the monthly allowance roster for payment (.xlsx, audited).
 */
@Service
@Transactional(readOnly = true)
public class HonourRoll {

	private final JdbcClient jdbc;

	private final OrganizationManagement organizations;

	private final MemberManagement members;

	private final Scopes scopes;

	private final AwardPermissions permissions;

	private final AuditTrail audit;

	HonourRoll(JdbcClient jdbc, OrganizationManagement organizations, MemberManagement members, Scopes scopes,
			AwardPermissions permissions, AuditTrail audit) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.members = members;
		this.scopes = scopes;
		this.permissions = permissions;
		this.audit = audit;
	}

	/** The public roll: active honours, newest year first, then by name (pinyin). */
	public Page<RollEntry> roll(Integer year, Long kindId, Long districtId, String name, Pageable pageable) {
		StringBuilder where = new StringBuilder(" WHERE h.status = 'ACTIVE'");
		Map<String, Object> params = new java.util.HashMap<>();
		if (year != null) {
			where.append(" AND h.honour_year = :year");
			params.put("year", year);
		}
		if (kindId != null) {
			where.append(" AND h.kind_id = :kind");
			params.put("kind", kindId);
		}
		if (districtId != null) {
			where.append(" AND h.district_id = :district");
			params.put("district", districtId);
		}
		String text = name == null ? "" : name.strip();
		if (!text.isEmpty()) {
			where.append(" AND h.listed = TRUE AND h.holder_name LIKE :name ESCAPE '\\'");
			params.put("name", SearchPatterns.contains(text.length() > 50 ? text.substring(0, 50) : text));
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM honour h" + where).params(params).query(Long.class).single();
		if (total == 0) {
			return Page.empty(pageable);
		}
		List<Object[]> rows = jdbc.sql("SELECT h.id, h.holder_name, h.listed, k.name, k.name_en, h.honour_year, h.district_id,"
				+ " h.member_id FROM honour h JOIN honour_kind k ON k.id = h.kind_id" + where
				+ " ORDER BY h.honour_year DESC, h.name_sort_key, h.id LIMIT :limit OFFSET :offset")
			.params(params).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
					rs.getString(5), rs.getInt(6), rs.getObject(7, Long.class), rs.getObject(8, Long.class) })
			.list();
		Map<Long, String> districts = organizations.namesOf(
				rows.stream().map(r -> (Long) r[6]).filter(java.util.Objects::nonNull).distinct().toList());
		List<RollEntry> entries = rows.stream().map(r -> {
			boolean listed = (Boolean) r[2];
			return new RollEntry((Long) r[0], listed ? (String) r[1] : Masking.name((String) r[1]), !listed,
					(String) r[3], (String) r[4], (Integer) r[5], r[6] == null ? null : districts.get((Long) r[6]),
					r[7] == null);
		}).toList();
		return new PageImpl<>(entries, pageable, total);
	}

	/** The years from the newest honour to the oldest, newest first (the roll's filter). */
	public List<Integer> years() {
		// two index lookups (ix_honour_roll leads with the year) instead of reading every honour: the
		// filter offers every year from the newest to the oldest honour
		List<Integer> years = new ArrayList<>();
		jdbc.sql("SELECT MIN(honour_year), MAX(honour_year) FROM honour").query(rs -> {
			int oldest = rs.getInt(1);
			if (!rs.wasNull()) {
				for (int year = rs.getInt(2); year >= oldest; year--) {
					years.add(year);
				}
			}
		});
		return years;
	}

	/** Honours of the user's scope (the staff register), by year then name. */
	public Page<HonourView> register(CurrentUser user, Long kindId, String name, Pageable pageable) {
		Scope scope = scopes.of(user);
		String text = name == null ? "" : name.strip();
		return ScopedQuery.from("honour h JOIN honour_kind k ON k.id = h.kind_id", "h.organization_id", scope.rootId())
			.and(kindId != null, "h.kind_id = :kind", "kind", kindId)
			.and(!text.isEmpty(), "h.holder_name LIKE :name ESCAPE '\\'", "name",
					SearchPatterns.contains(text))
			.page(jdbc, HonourRegister.COLUMNS, "h.honour_year DESC, h.name_sort_key, h.id", pageable, HonourRegister::map);
	}

	/**
	 * The allowance roster of the user's scope for the months {@code first} to {@code last}: active
	 * honours of living holders whose allowance is due in the period.
	 */
	public List<RosterLine> roster(CurrentUser user, YearMonth first, YearMonth last) {
		Scope scope = scopes.of(user);
		AwardPermissions.require(permissions.mayExportRoster(user), "roster");
		if (first == null || last == null || last.isBefore(first) || first.until(last, ChronoUnit.MONTHS) > 23) {
			throw new RuleViolationException("to", "award.error.rosterPeriod");
		}
		record Row(long id, long memberId, String name, long org, String kind, YearMonth from, BigDecimal monthly) {
		}
		List<Row> rows = ScopedQuery.from("honour h JOIN honour_kind k ON k.id = h.kind_id", "h.organization_id",
				scope.rootId())
			.and("h.status = 'ACTIVE' AND h.deceased = FALSE AND h.member_id IS NOT NULL")
			.and("h.allowance_from IS NOT NULL AND k.monthly_allowance IS NOT NULL")
			.and("h.allowance_from <= :lastDay", "lastDay", Date.valueOf(last.atEndOfMonth()))
			.list(jdbc, "h.id, h.member_id, h.holder_name, h.organization_id, k.name, h.allowance_from, k.monthly_allowance",
					"h.name_sort_key, h.id", 100_000, 0,
					(rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
							YearMonth.from(rs.getDate(6).toLocalDate()), rs.getBigDecimal(7)));
		Map<Long, MemberBrief> briefs = members.briefs(rows.stream().map(Row::memberId).toList());
		Map<Long, String> names = scope.names(rows.stream().map(Row::org).toList());
		List<RosterLine> lines = new ArrayList<>();
		for (Row r : rows) {
			YearMonth start = r.from().isAfter(first) ? r.from() : first;
			int months = (int) start.until(last, ChronoUnit.MONTHS) + 1;
			MemberBrief brief = briefs.get(r.memberId());
			lines.add(new RosterLine(r.id(), r.memberId(), r.name(), brief == null ? "" : brief.cardNumber(),
					names.get(r.org()), r.kind(), start, last, months, r.monthly(),
					AwardRules.allowanceFor(r.monthly(), r.from(), first, last)));
		}
		return lines;
	}

	/** The roster as an .xlsx workbook (audited: names and amounts leave the portal). */
	@Transactional
	public byte[] rosterWorkbook(CurrentUser user, YearMonth first, YearMonth last, List<String> headers) {
		List<RosterLine> lines = roster(user, first, last);
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet(first + "–" + last);
			Row head = sheet.createRow(0);
			for (int i = 0; i < headers.size(); i++) {
				head.createCell(i).setCellValue(headers.get(i));
			}
			int r = 1;
			for (RosterLine line : lines) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(line.name());
				row.createCell(1).setCellValue(line.cardNumber());
				row.createCell(2).setCellValue(line.organizationName());
				row.createCell(3).setCellValue(line.kindName());
				row.createCell(4).setCellValue(line.firstMonth() + " – " + line.lastMonth());
				row.createCell(5).setCellValue(line.months());
				row.createCell(6).setCellValue(line.monthly().doubleValue());
				row.createCell(7).setCellValue(line.amount().doubleValue());
			}
			book.write(out);
			audit.record(user.username(), "HONOUR_ALLOWANCE_ROSTER_EXPORTED", HonourRegister.SUBJECT, 0,
					user.organizationId(), first + " – " + last + ": " + lines.size() + " lines");
			return out.toByteArray();
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}
}
