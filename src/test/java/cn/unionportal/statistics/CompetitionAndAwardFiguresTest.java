package cn.unionportal.statistics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The competitions and awards sections of the annual statistics equal counts taken independently
 * from the raw rows, federation-wide, for every year that has competitions or honours (the demo
 * carries last year's municipal final and model-worker campaign).
 */
class CompetitionAndAwardFiguresTest extends PostgresIntegrationTest {

	@Autowired
	StatisticsManagement statistics;

	@Autowired
	StatisticsRefresh refresh;

	@Test
	void competitionAndAwardFiguresEqualTheRawRows() {
		long root = jdbc.queryForObject("SELECT id FROM organization WHERE parent_id IS NULL", Long.class);
		CurrentUser federation = CurrentUser.system(root);
		refresh.refreshAll(); // other tests wrote competitions directly; the stored figures catch up
		List<Integer> years = jdbc.queryForList("""
				SELECT competition_year FROM competition UNION SELECT EXTRACT(YEAR FROM conferred_on) FROM honour
				UNION SELECT ?""", Integer.class, statistics.currentYear());
		for (int year : years) {
			Map<String, BigDecimal> figures = statistics.report(federation, null, year)
				.sections()
				.stream()
				.flatMap(section -> section.lines().stream())
				.collect(Collectors.toMap(line -> line.figure().key(), StatisticsView.Line::value, (a, b) -> a));
			Function<String, Long> figure = key -> figures.getOrDefault(key, BigDecimal.ZERO).longValueExact();
			assertThat(figures).containsKeys("competitions.held", "competitions.participations", "awards.conferred",
					"awards.studios");
			assertThat(figure.apply("competitions.held")).as("competitions held in %d", year)
				.isEqualTo(count("SELECT COUNT(*) FROM competition WHERE competition_year = ? AND status <> 'DRAFT'", year));
			assertThat(figure.apply("competitions.participations")).as("participations in %d", year)
				.isEqualTo(count("""
						SELECT COUNT(*) FROM competition_entry_member m JOIN competition_entry e ON e.id = m.entry_id
						JOIN competition c ON c.id = e.competition_id
						WHERE c.competition_year = ? AND e.status <> 'WITHDRAWN'""", year));
			assertThat(figure.apply("awards.conferred")).as("honours conferred in %d", year)
				.isEqualTo(count("""
						SELECT COUNT(*) FROM honour WHERE status = 'ACTIVE'
						AND EXTRACT(YEAR FROM conferred_on) = ?""", year));
			long byLevel = figure.apply("awards.conferred.NATIONAL") + figure.apply("awards.conferred.PROVINCIAL")
					+ figure.apply("awards.conferred.MUNICIPAL") + figure.apply("awards.conferred.DISTRICT");
			assertThat(byLevel).isLessThanOrEqualTo(figure.apply("awards.conferred"));
		}
	}

	private long count(String sql, int year) {
		return jdbc.queryForObject(sql, Long.class, year);
	}
}
