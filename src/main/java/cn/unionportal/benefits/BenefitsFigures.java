package cn.unionportal.benefits;

import java.util.List;

import cn.unionportal.organization.ScopedQuery;
import cn.unionportal.statistics.Figure;
import cn.unionportal.statistics.FigureSource;
import cn.unionportal.statistics.OrganizationFigures;
import cn.unionportal.statistics.StatisticsPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The benefits section of the annual statistics (issue 12): enrolments in the year's mutual-aid
 * programmes (not cancelled) and their claims paid at the member's union, entitlements granted in
 * the period, and the partner merchants active today at their district.
 */
@Component
@Transactional(readOnly = true)
class BenefitsFigures implements FigureSource {

	private final JdbcClient jdbc;

	BenefitsFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "benefits";
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public List<Figure> figures() {
		return List.of(Figure.people("benefits.enrolments", "/benefits/enrolments").asHeadline(),
				Figure.money("benefits.claimsPaid"), Figure.people("benefits.entitlements", null),
				Figure.count("benefits.merchants"));
	}

	@Override
	public OrganizationFigures compute(long top, StatisticsPeriod period) {
		OrganizationFigures figures = new OrganizationFigures();
		ScopedQuery enrolments = ScopedQuery
			.from("insurance_enrolment e JOIN benefit_programme p ON p.id = e.programme_id", "e.organization_id", top)
			.and("p.programme_year = :year", "year", period.year())
			.and("e.status = 'ENROLLED'");
		enrolments.forEachRow(jdbc, "SELECT e.organization_id, COUNT(*), SUM(e.claims_paid)",
				" GROUP BY e.organization_id", rs -> figures.add("benefits.enrolments", rs.getLong(1), rs.getLong(2))
				.add("benefits.claimsPaid", rs.getLong(1), rs.getBigDecimal(3)));
		ScopedQuery entitlements = ScopedQuery.from("member_entitlement g", "g.organization_id", top)
			.and("g.valid_from >= :start", "start", period.start())
			.and("g.valid_from <= :end", "end", period.end());
		entitlements.forEachRow(jdbc, "SELECT g.organization_id, COUNT(*)",
				" GROUP BY g.organization_id", rs -> figures.add("benefits.entitlements", rs.getLong(1), rs.getLong(2)));
		ScopedQuery merchants = ScopedQuery.from("partner_merchant pm", "pm.district_id", top).and("pm.status = 'ACTIVE'");
		merchants.forEachRow(jdbc, "SELECT pm.district_id, COUNT(*)",
				" GROUP BY pm.district_id", rs -> figures.add("benefits.merchants", rs.getLong(1), rs.getLong(2)));
		return figures;
	}
}
