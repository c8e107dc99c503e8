package cn.unionportal.competition;

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
 * The competitions section of the annual statistics (issue 12): competitions of the year past the
 * draft and their trades at the organizer; participations (members in entries not withdrawn) at
 * each member's own union; members with a title and the prize money of published results at the
 * same unions.
 */
@Component
@Transactional(readOnly = true)
class CompetitionFigures implements FigureSource {

	private static final String RESULTS = "c.status IN ('PUBLISHED', 'ARCHIVED')";

	private final JdbcClient jdbc;

	CompetitionFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "competitions";
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public List<Figure> figures() {
		return List.of(Figure.count("competitions.held").asHeadline(), Figure.count("competitions.trades"),
				Figure.people("competitions.participations", null).asHeadline(), Figure.people("competitions.titled", null),
				Figure.money("competitions.prizeMoney"));
	}

	@Override
	public OrganizationFigures compute(long top, StatisticsPeriod period) {
		OrganizationFigures figures = new OrganizationFigures();
		ScopedQuery held = ScopedQuery.from("competition c", "c.organizer_id", top)
			.and("c.competition_year = :year", "year", period.year())
			.and("c.status <> 'DRAFT'");
		held.forEachRow(jdbc, "SELECT c.organizer_id, COUNT(*), (SELECT COUNT(*) FROM competition_trade t JOIN competition ct"
				+ " ON ct.id = t.competition_id WHERE ct.organizer_id = c.organizer_id AND ct.competition_year = :year"
				+ " AND ct.status <> 'DRAFT')",
				" GROUP BY c.organizer_id", rs -> figures.add("competitions.held", rs.getLong(1), rs.getLong(2))
				.add("competitions.trades", rs.getLong(1), rs.getLong(3)));
		ScopedQuery participations = ScopedQuery
			.from("competition_entry_member m JOIN competition_entry e ON e.id = m.entry_id JOIN competition c ON c.id = e.competition_id",
					"m.organization_id", top)
			.and("c.competition_year = :year", "year", period.year())
			.and("e.status <> 'WITHDRAWN'");
		participations.forEachRow(jdbc, "SELECT m.organization_id, COUNT(*),"
				+ " SUM(CASE WHEN " + RESULTS + " AND e.titles IS NOT NULL AND e.titles <> '' THEN 1 ELSE 0 END)",
				" GROUP BY m.organization_id", rs -> figures.add("competitions.participations", rs.getLong(1), rs.getLong(2))
				.add("competitions.titled", rs.getLong(1), rs.getLong(3)));
		ScopedQuery prizes = ScopedQuery
			.from("competition_entry e JOIN competition c ON c.id = e.competition_id", "e.organization_id", top)
			.and("c.competition_year = :year", "year", period.year())
			.and(RESULTS)
			.and("e.prize_amount IS NOT NULL");
		prizes.forEachRow(jdbc, "SELECT e.organization_id, SUM(e.prize_amount)",
				" GROUP BY e.organization_id", rs -> figures.add("competitions.prizeMoney", rs.getLong(1), rs.getBigDecimal(2)));
		return figures;
	}
}
