package cn.unionportal.benefits;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.unionportal.member.MemberBrief;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberMatches;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.Scope;
import cn.unionportal.shared.SearchPatterns;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The benefit lists, read with bound parameters: scope is the subtree of an organization (the
 * enrolment's or entitlement's {@code organization_id}, which is the member's organization), or
 * one member for the member pages. Names come from the member and organization modules, and the
 * member filter is the member module's published subquery ({@link MemberMatches}).
 */
@Component
class BenefitQueries {

	private final JdbcClient jdbc;

	private final MemberManagement members;

	private final OrganizationManagement organizations;

	BenefitQueries(JdbcClient jdbc, MemberManagement members, OrganizationManagement organizations) {
		this.jdbc = jdbc;
		this.members = members;
		this.organizations = organizations;
	}

	/** Filters of the enrolment and entitlement lists; {@code scope} or {@code memberId} is set. */
	record Filter(Long scope, Long memberId, Long programmeId, EntitlementKind kind, String text) {

		static Filter member(long memberId) {
			return new Filter(null, memberId, null, null, null);
		}
	}

	// ---- programmes ------------------------------------------------------------------------------

	/**
	 * Programmes that concern the scope: run by an organization above it (or at it) or inside it,
	 * newest year first, with the number of active enrolments in the scope.
	 */
	List<ProgrammeView> programmes(long scope) {
		List<ProgrammeView> rows = jdbc.sql("SELECT p.*, (SELECT COUNT(*) FROM insurance_enrolment e"
				+ " WHERE e.programme_id = p.id AND e.status = 'ENROLLED' AND e.organization_id" + Scope.SUBTREE + ") AS enrolled"
				+ " FROM benefit_programme p WHERE p.organization_id" + Scope.ABOVE
				+ " OR p.organization_id" + Scope.SUBTREE + " ORDER BY p.programme_year DESC, p.id DESC")
			.param(Scope.PARAMETER, scope)
			.query((rs, i) -> programme(rs, null, rs.getLong("enrolled")))
			.list();
		Map<Long, String> names = organizations.namesOf(rows.stream().map(ProgrammeView::organizationId).distinct().toList());
		return rows.stream().map(p -> withOrganizationName(p, names.get(p.organizationId()))).toList();
	}

	private static ProgrammeView programme(ResultSet rs, String organizationName, long enrolled) throws SQLException {
		return new ProgrammeView(rs.getLong("id"), ProgrammeKind.valueOf(rs.getString("kind")), rs.getString("name"),
				rs.getInt("programme_year"), rs.getDate("period_start").toLocalDate(),
				rs.getDate("period_end").toLocalDate(), rs.getBigDecimal("premium"), rs.getLong("organization_id"),
				organizationName, ProgrammeStatus.valueOf(rs.getString("status")), enrolled, rs.getLong("version"));
	}

	private static ProgrammeView withOrganizationName(ProgrammeView p, String name) {
		return new ProgrammeView(p.id(), p.kind(), p.name(), p.year(), p.periodStart(), p.periodEnd(), p.premium(),
				p.organizationId(), name, p.status(), p.enrolledInScope(), p.version());
	}

	// ---- enrolments ------------------------------------------------------------------------------

	Page<EnrolmentView> enrolments(Filter filter, Pageable pageable) {
		Map<String, Object> params = new HashMap<>();
		String where = " FROM insurance_enrolment e JOIN benefit_programme p ON p.id = e.programme_id WHERE "
				+ common(filter, params);
		if (filter.programmeId() != null) {
			where += " AND e.programme_id = :programme";
			params.put("programme", filter.programmeId());
		}
		record Row(long id, long programmeId, String programmeName, int year, LocalDate start, LocalDate end,
				long memberId, long organizationId, LocalDate enrolledOn, EnrolmentStatus status, LocalDate cancelledOn,
				BigDecimal claimsPaid, long version) {
		}
		long total = count(where, params);
		List<Row> rows = jdbc.sql("SELECT e.*, p.name AS programme_name, p.programme_year, p.period_start, p.period_end"
				+ where + " ORDER BY p.programme_year DESC, e.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, i) -> new Row(rs.getLong("id"), rs.getLong("programme_id"), rs.getString("programme_name"),
					rs.getInt("programme_year"), rs.getDate("period_start").toLocalDate(),
					rs.getDate("period_end").toLocalDate(), rs.getLong("member_id"), rs.getLong("organization_id"),
					rs.getDate("enrolled_on").toLocalDate(), EnrolmentStatus.valueOf(rs.getString("status")),
					date(rs, "cancelled_on"), rs.getBigDecimal("claims_paid"), rs.getLong("version")))
			.list();
		Names names = names(rows.stream().map(Row::memberId), rows.stream().map(Row::organizationId));
		List<EnrolmentView> content = rows.stream()
			.map(r -> new EnrolmentView(r.id(), r.programmeId(), r.programmeName(), r.year(), r.start(), r.end(),
					r.memberId(), names.member(r.memberId()).name(), names.member(r.memberId()).cardNumber(),
					r.organizationId(), names.organization(r.organizationId()), r.enrolledOn(), r.status(),
					r.cancelledOn(), r.claimsPaid(), r.version()))
			.toList();
		return new PageImpl<>(content, PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()), total);
	}

	// ---- entitlements ----------------------------------------------------------------------------

	Page<EntitlementView> entitlements(Filter filter, LocalDate today, Pageable pageable) {
		Map<String, Object> params = new HashMap<>();
		String where = " FROM member_entitlement e WHERE " + common(filter, params);
		if (filter.kind() != null) {
			where += " AND e.kind = :kind";
			params.put("kind", filter.kind().name());
		}
		record Row(long id, long memberId, long organizationId, EntitlementKind kind, String description,
				LocalDate validFrom, LocalDate validUntil, EntitlementStatus status, EntitlementSource source,
				String grantedBy, long version) {
		}
		long total = count(where, params);
		List<Row> rows = jdbc.sql("SELECT e.*" + where + " ORDER BY e.valid_from DESC, e.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, i) -> new Row(rs.getLong("id"), rs.getLong("member_id"), rs.getLong("organization_id"),
					EntitlementKind.valueOf(rs.getString("kind")), rs.getString("description"),
					rs.getDate("valid_from").toLocalDate(), date(rs, "valid_until"),
					EntitlementStatus.valueOf(rs.getString("status")), EntitlementSource.valueOf(rs.getString("source")),
					rs.getString("granted_by"), rs.getLong("version")))
			.list();
		Names names = names(rows.stream().map(Row::memberId), rows.stream().map(Row::organizationId));
		List<EntitlementView> content = rows.stream()
			.map(r -> new EntitlementView(r.id(), r.memberId(), names.member(r.memberId()).name(), r.organizationId(),
					names.organization(r.organizationId()), r.kind(), r.description(), r.validFrom(), r.validUntil(),
					r.status(), r.status().effective(r.validUntil(), today), r.source(), r.grantedBy(), r.version()))
			.toList();
		return new PageImpl<>(content, PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()), total);
	}

	// ---- merchants -------------------------------------------------------------------------------

	Page<MerchantView> merchants(Long districtId, MerchantCategory category, MerchantStatus status, String text,
			Pageable pageable) {
		StringBuilder where = new StringBuilder(" FROM partner_merchant pm WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (districtId != null) {
			where.append(" AND pm.district_id = :district");
			params.put("district", districtId);
		}
		if (category != null) {
			where.append(" AND pm.category = :category");
			params.put("category", category.name());
		}
		if (status != null) {
			where.append(" AND pm.status = :status");
			params.put("status", status.name());
		}
		if (text != null && !text.isBlank()) {
			where.append(" AND (LOWER(pm.name) LIKE :q ESCAPE '\\' OR LOWER(pm.address) LIKE :q ESCAPE '\\')");
			params.put("q", SearchPatterns.contains(text));
		}
		long total = count(where.toString(), params);
		List<MerchantView> rows = jdbc.sql("SELECT pm.*" + where + " ORDER BY pm.name_sort, pm.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, i) -> merchant(rs, null))
			.list();
		Map<Long, String> districts = organizations.namesOf(rows.stream().map(MerchantView::districtId).distinct().toList());
		List<MerchantView> content = rows.stream().map(m -> withDistrictName(m, districts.get(m.districtId()))).toList();
		return new PageImpl<>(content, PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()), total);
	}

	private static MerchantView merchant(ResultSet rs, String districtName) throws SQLException {
		return new MerchantView(rs.getLong("id"), rs.getString("name"), MerchantCategory.valueOf(rs.getString("category")),
				rs.getLong("district_id"), districtName, rs.getString("address"), rs.getString("discount"),
				MerchantStatus.valueOf(rs.getString("status")), rs.getLong("version"));
	}

	private static MerchantView withDistrictName(MerchantView m, String name) {
		return new MerchantView(m.id(), m.name(), m.category(), m.districtId(), name, m.address(), m.discount(),
				m.status(), m.version());
	}

	// ---- helpers ---------------------------------------------------------------------------------

	private static String common(Filter filter, Map<String, Object> params) {
		List<String> conditions = new ArrayList<>();
		if (filter.scope() != null) {
			conditions.add("e.organization_id" + Scope.SUBTREE);
			params.put(Scope.PARAMETER, filter.scope());
		}
		if (filter.memberId() != null) {
			conditions.add("e.member_id = :member");
			params.put("member", filter.memberId());
		}
		if (conditions.isEmpty()) {
			throw new IllegalArgumentException("a scope or a member is required");
		}
		if (filter.text() != null && !filter.text().isBlank()) {
			conditions.add("e.member_id" + MemberMatches.NAME_OR_CARD);
			params.put("q", SearchPatterns.contains(filter.text()));
			params.put("card", filter.text().strip().toUpperCase(java.util.Locale.ROOT));
		}
		return String.join(" AND ", conditions);
	}

	private long count(String where, Map<String, Object> params) {
		return jdbc.sql("SELECT COUNT(*)" + where).params(params).query(Long.class).single();
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date value = rs.getDate(column);
		return value == null ? null : value.toLocalDate();
	}

	private Names names(Stream<Long> memberIds, Stream<Long> organizationIds) {
		return new Names(members.briefs(memberIds.distinct().toList()),
				organizations.namesOf(organizationIds.distinct().toList()));
	}

	/** Member briefs and organization names for one page of rows. */
	private record Names(Map<Long, MemberBrief> members, Map<Long, String> organizations) {

		MemberBrief member(long id) {
			MemberBrief brief = members.get(id);
			return brief != null ? brief : new MemberBrief(id, "#" + id, null, null, 0, null);
		}

		String organization(long id) {
			return organizations.get(id);
		}
	}
}
