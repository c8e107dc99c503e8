package cn.unionportal.aid;

import cn.unionportal.aid.cases.AidKind;
import cn.unionportal.aid.files.FileStatus;
import cn.unionportal.aid.files.HardshipTier;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import cn.unionportal.organization.ScopedQuery;
import cn.unionportal.statistics.EventOrganizations;
import cn.unionportal.statistics.Figure;
import cn.unionportal.statistics.FigureSource;
import cn.unionportal.statistics.OrganizationFigures;
import cn.unionportal.statistics.StatisticsPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hardship aid section of the annual statistics (issue 12), from the aid module's own tables.
 * Files count at their current union (they follow the member); cases at the union that recorded
 * them, by their aid year ({@code aid_case.aid_year}); "paid in the period" by the payment's day
 * (31 December belongs to its year); budgets at the organization they were set for.
 */
@Component
@Transactional(readOnly = true)
class AidFigures implements FigureSource {

	private static final EventOrganizations TOUCHED = EventOrganizations
		.of(AidEvents.AidCaseApproved.class, e -> List.of(e.organizationId()))
		.and(AidEvents.AidPaymentRecorded.class, e -> List.of(e.organizationId()))
		.and(AidEvents.HardshipFileFiled.class, e -> List.of(e.organizationId()))
		.and(AidEvents.HardshipFileExited.class, e -> List.of(e.organizationId()));

	private static final String APPROVED = "c.status IN ('APPROVED', 'PAID')";

	private final JdbcClient jdbc;

	AidFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "aid";
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public List<Figure> figures() {
		List<Figure> figures = new ArrayList<>();
		figures.add(Figure.people("hardship.files.inEffect", "/aid/files?organization={org}&status=FILED").asHeadline());
		for (HardshipTier tier : HardshipTier.values()) {
			figures.add(Figure.people("hardship.files.inEffect." + tier, "/aid/files?organization={org}&status=FILED&tier=" + tier));
		}
		figures.add(Figure.people("hardship.files.applied", null));
		figures.add(Figure.people("hardship.files.filed", null));
		figures.add(Figure.people("hardship.files.exited", "/aid/files?organization={org}&status=CLOSED"));
		figures.add(Figure.people("hardship.files.relapses", "/aid/files?organization={org}&watch=true"));
		for (FileStatus status : FileStatus.values()) {
			figures.add(Figure.people("hardship.files.state." + status, "/aid/files?organization={org}&status=" + status));
		}
		figures.add(Figure.people("hardship.cases.total", "/aid/cases?organization={org}&year={year}").asHeadline());
		figures.add(Figure.money("hardship.approved.total").asHeadline());
		figures.add(Figure.money("hardship.paid.total"));
		figures.add(Figure.money("hardship.paidInPeriod"));
		for (AidKind kind : AidKind.values()) {
			figures.add(Figure.people("hardship.cases." + kind, "/aid/cases?organization={org}&year={year}&kind=" + kind));
			figures.add(Figure.money("hardship.approved." + kind));
		}
		figures.add(Figure.money("hardship.budget.amount"));
		figures.add(Figure.money("hardship.budget.spent"));
		return figures;
	}

	/** Approvals, payments, filings and exits change the figures of the organization the event names. */
	@Override
	public java.util.Collection<Long> organizationsTouchedBy(Object event) {
		return TOUCHED.of(event);
	}

	@Override
	public OrganizationFigures compute(long top, StatisticsPeriod period) {
		OrganizationFigures figures = new OrganizationFigures();
		ScopedQuery files = ScopedQuery.from("hardship_file f", "f.organization_id", top)
			.bind("start", period.start())
			.bind("end", period.end())
			.bind("from", Timestamp.from(period.startInstant()))
			.bind("until", Timestamp.from(period.endExclusive()));
		String flags = "f.organization_id AS org, f.tier AS tier, f.status AS status,"
				+ " CASE WHEN f.filed_on <= :end AND (f.closed_on IS NULL OR f.closed_on > :end) THEN 1 ELSE 0 END AS in_effect,"
				+ " CASE WHEN f.applied_at >= :from AND f.applied_at < :until THEN 1 ELSE 0 END AS applied,"
				+ " CASE WHEN f.filed_on >= :start AND f.filed_on <= :end THEN 1 ELSE 0 END AS filed,"
				+ " CASE WHEN f.status = 'CLOSED' AND f.filed_on IS NOT NULL AND f.closed_on >= :start AND f.closed_on <= :end"
				+ " THEN 1 ELSE 0 END AS exited,"
				+ " CASE WHEN f.relapse_flagged_at >= :from AND f.relapse_flagged_at < :until THEN 1 ELSE 0 END AS relapse";
		files.forEachRow(jdbc, "SELECT org, tier, status, SUM(in_effect), SUM(applied), SUM(filed), SUM(exited), SUM(relapse), COUNT(*)"
				+ " FROM (SELECT " + flags,
				") s GROUP BY org, tier, status", rs -> {
				long org = rs.getLong(1);
				figures.add("hardship.files.inEffect", org, rs.getLong(4))
					.add("hardship.files.inEffect." + rs.getString(2), org, rs.getLong(4))
					.add("hardship.files.applied", org, rs.getLong(5))
					.add("hardship.files.filed", org, rs.getLong(6))
					.add("hardship.files.exited", org, rs.getLong(7))
					.add("hardship.files.relapses", org, rs.getLong(8))
					.add("hardship.files.state." + rs.getString(3), org, rs.getLong(9));
			});
		ScopedQuery cases = ScopedQuery.from("aid_case c", "c.organization_id", top)
			.and("c.aid_year = :year", "year", period.year())
			.and(APPROVED);
		cases.forEachRow(jdbc, "SELECT c.organization_id, c.kind, COUNT(*), SUM(c.approved_amount), SUM(c.paid_amount)",
				" GROUP BY c.organization_id, c.kind", rs -> {
				long org = rs.getLong(1);
				figures.add("hardship.cases.total", org, rs.getLong(3))
					.add("hardship.cases." + rs.getString(2), org, rs.getLong(3))
					.add("hardship.approved.total", org, rs.getBigDecimal(4))
					.add("hardship.approved." + rs.getString(2), org, rs.getBigDecimal(4))
					.add("hardship.paid.total", org, rs.getBigDecimal(5));
			});
		ScopedQuery payments = ScopedQuery.from("aid_payment p JOIN aid_case c ON c.id = p.case_id", "c.organization_id", top)
			.and("p.paid_on >= :start", "start", period.start())
			.and("p.paid_on <= :end", "end", period.end());
		payments.forEachRow(jdbc, "SELECT c.organization_id, SUM(p.amount)",
				" GROUP BY c.organization_id", rs -> figures.add("hardship.paidInPeriod", rs.getLong(1), rs.getBigDecimal(2)));
		ScopedQuery budgets = ScopedQuery.from("aid_budget b", "b.organization_id", top)
			.and("b.aid_year = :year", "year", period.year());
		budgets.forEachRow(jdbc, "SELECT b.organization_id, b.amount, b.spent",
				"", rs -> figures.add("hardship.budget.amount", rs.getLong(1), rs.getBigDecimal(2))
				.add("hardship.budget.spent", rs.getLong(1), rs.getBigDecimal(3)));
		return figures;
	}
}
