package cn.unionportal.selfservice;

import java.sql.Timestamp;
import java.util.List;

import cn.unionportal.member.MemberHomes;
import cn.unionportal.organization.ScopedQuery;
import cn.unionportal.statistics.Figure;
import cn.unionportal.statistics.FigureSource;
import cn.unionportal.statistics.OrganizationFigures;
import cn.unionportal.statistics.StatisticsPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Self-service accounts activated in the period, at the member's current union (issue 12). */
@Component
@Transactional(readOnly = true)
class SelfServiceFigures implements FigureSource {

	private final JdbcClient jdbc;

	SelfServiceFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "selfservice";
	}

	@Override
	public int order() {
		return 25;
	}

	@Override
	public List<Figure> figures() {
		return List.of(Figure.people("selfservice.activated", null), Figure.people("selfservice.accounts", null));
	}

	@Override
	public OrganizationFigures compute(long top, StatisticsPeriod period) {
		OrganizationFigures figures = new OrganizationFigures();
		String home = MemberHomes.organizationOf("a.member_id");
		ScopedQuery accounts = ScopedQuery.from("member_account a", home, top)
			.and("a.activated_at < :until", "until", Timestamp.from(period.endExclusive()))
			.bind("from", Timestamp.from(period.startInstant()));
		accounts.forEachRow(jdbc, "SELECT org, SUM(fresh), COUNT(*) FROM (SELECT " + home
				+ " AS org, CASE WHEN a.activated_at >= :from THEN 1 ELSE 0 END AS fresh",
				") s GROUP BY org", rs -> figures.add("selfservice.activated", rs.getLong(1), rs.getLong(2))
				.add("selfservice.accounts", rs.getLong(1), rs.getLong(3)));
		return figures;
	}
}
