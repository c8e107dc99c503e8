package cn.unionportal.award;

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
 * The awards section of the annual statistics (issue 12): honours conferred in the period (not
 * revoked since) at the holder's organization, in total and by level (national, provincial,
 * municipal, district), and the innovation studios active in the year at their organization.
 */
@Component
@Transactional(readOnly = true)
class AwardFigures implements FigureSource {

	private static final EventOrganizations TOUCHED = EventOrganizations
		.of(HonourEvents.HonourConferred.class, e -> List.of(e.organizationId()))
		.and(HonourEvents.HonourRevoked.class, e -> List.of(e.organizationId()));

	static final List<String> LEVELS = List.of("NATIONAL", "PROVINCIAL", "MUNICIPAL", "DISTRICT");

	private final JdbcClient jdbc;

	AwardFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "awards";
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public List<Figure> figures() {
		return List.of(Figure.count("awards.conferred").asHeadline(), Figure.count("awards.conferred.NATIONAL"),
				Figure.count("awards.conferred.PROVINCIAL"), Figure.count("awards.conferred.MUNICIPAL"),
				Figure.count("awards.conferred.DISTRICT"), Figure.count("awards.studios"));
	}

	/** Conferring and revoking an honour change the figures of its organization. */
	@Override
	public java.util.Collection<Long> organizationsTouchedBy(Object event) {
		return TOUCHED.of(event);
	}

	@Override
	public OrganizationFigures compute(long top, StatisticsPeriod period) {
		OrganizationFigures figures = new OrganizationFigures();
		ScopedQuery conferred = ScopedQuery.from("honour h JOIN honour_kind k ON k.id = h.kind_id", "h.organization_id", top)
			.and("h.conferred_on >= :start", "start", period.start())
			.and("h.conferred_on <= :end", "end", period.end())
			.and("h.status = 'ACTIVE'");
		conferred.forEachRow(jdbc, "SELECT h.organization_id, k.honour_level, COUNT(*)",
				" GROUP BY h.organization_id, k.honour_level", rs -> {
				figures.add("awards.conferred", rs.getLong(1), rs.getLong(3));
				if (LEVELS.contains(rs.getString(2))) {
					figures.add("awards.conferred." + rs.getString(2), rs.getLong(1), rs.getLong(3));
				}
			});
		ScopedQuery studios = ScopedQuery.from("innovation_studio s", "s.organization_id", top)
			.and("s.recognized_year <= :year", "year", period.year())
			.and("s.status = 'ACTIVE'");
		studios.forEachRow(jdbc, "SELECT s.organization_id, COUNT(*)",
				" GROUP BY s.organization_id", rs -> figures.add("awards.studios", rs.getLong(1), rs.getLong(2)));
		return figures;
	}
}
