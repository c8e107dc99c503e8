package cn.unionportal.member;

import java.sql.Timestamp;
import java.util.List;
import java.util.stream.Stream;

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
 * The members section of the annual statistics (issue 12), from the registry's own tables.
 *
 * <p>Members are counted at the union they belonged to at the end of the period: their current
 * union, moved back along the transfers completed after the period's end (each such transfer
 * adds one at its sending union and takes one from its receiving union; for a chain of transfers
 * the terms cancel out except the first sender and the current union). Joins in the period are
 * counted there too; exits at the union left from ({@code member_exit}); transfers at their two
 * ends. The age band is the age reached in the period's last year (the birth year is kept in
 * clear, the date is not).
 */
@Component
@Transactional(readOnly = true)
class MemberFigures implements FigureSource {

	private static final EventOrganizations TOUCHED = EventOrganizations
		.of(MemberEvents.MemberJoined.class, e -> List.of(e.organizationId()))
		.and(MemberEvents.MemberStatusChanged.class, e -> List.of(e.organizationId()))
		.and(MemberEvents.MemberTransferred.class, e -> List.of(e.fromOrganizationId(), e.toOrganizationId()));

	static final String LIST = "/members?organization={org}&status=ACTIVE";

	private static final String AGE_BAND = "CASE WHEN :endYear - m.birth_year <= 35 THEN 'A35'"
			+ " WHEN :endYear - m.birth_year <= 45 THEN 'A45' WHEN :endYear - m.birth_year <= 55 THEN 'A55' ELSE 'A56' END";

	private static final String ACTIVE_AT_END = "(m.status = 'ACTIVE' OR x.left_on > :end)";

	private final JdbcClient jdbc;

	MemberFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "members";
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public List<Figure> figures() {
		Stream<Figure> head = Stream.of(Figure.people("members.total", LIST).asHeadline(),
				Figure.people("members.women", LIST), Figure.people("members.joined", null).asHeadline(),
				Figure.people("members.left", null), Figure.people("members.transferredIn", "/members/transfers"),
				Figure.people("members.transferredOut", "/members/transfers"));
		Stream<Figure> employment = Stream.of(EmploymentType.values())
			.map(type -> Figure.people("members.employment." + type,
					"/members?organization={org}&status=ACTIVE&employment=" + type));
		Stream<Figure> age = Stream.of("A35", "A45", "A55", "A56").map(band -> Figure.people("members.age." + band, null));
		return Stream.of(head, employment, age, Stream.of(Figure.count("members.cards")))
			.flatMap(s -> s)
			.toList();
	}

	/** Joining, leaving and moving change the figures of the organizations the event names. */
	@Override
	public java.util.Collection<Long> organizationsTouchedBy(Object event) {
		return TOUCHED.of(event);
	}

	@Override
	public OrganizationFigures compute(long top, StatisticsPeriod period) {
		OrganizationFigures figures = new OrganizationFigures();
		countMembers(figures, "m.organization_id", "member m LEFT JOIN member_exit x ON x.member_id = m.id", top, period, 1);
		String moved = "member m LEFT JOIN member_exit x ON x.member_id = m.id JOIN member_transfer t ON t.member_id = m.id"
				+ " AND t.status = 'COMPLETED' AND t.decided_at >= :after";
		countMembers(figures, "t.from_organization_id", moved, top, period, 1);
		countMembers(figures, "t.to_organization_id", moved, top, period, -1);
		ScopedQuery left = ScopedQuery.from("member_exit x", "x.organization_id", top)
			.and("x.left_on >= :start", "start", period.start())
			.and("x.left_on <= :end", "end", period.end());
		group(left, "x.organization_id", figures, "members.left");
		for (String end : List.of("to", "from")) {
			ScopedQuery transfers = ScopedQuery.from("member_transfer t", "t." + end + "_organization_id", top)
				.and("t.status = 'COMPLETED'")
				.and("t.decided_at >= :from", "from", Timestamp.from(period.startInstant()))
				.and("t.decided_at < :until", "until", Timestamp.from(period.endExclusive()));
			String key = end.equals("to") ? "members.transferredIn" : "members.transferredOut";
			group(transfers, "t." + end + "_organization_id", figures, key);
		}
		ScopedQuery cards = ScopedQuery.from("member m", "m.organization_id", top)
			.and("m.created_at >= :from", "from", Timestamp.from(period.startInstant()))
			.and("m.created_at < :until", "until", Timestamp.from(period.endExclusive()));
		group(cards, "m.organization_id", figures, "members.cards");
		return figures;
	}

	/** Members in the period by union, employment, gender, age band, active at the end, joined in the period. */
	private void countMembers(OrganizationFigures figures, String organizationColumn, String table, long top,
			StatisticsPeriod period, int sign) {
		ScopedQuery members = ScopedQuery.from(table, organizationColumn, top)
			.and("m.join_date <= :end", "end", period.end())
			.and(ACTIVE_AT_END + " OR m.join_date >= :start", "start", period.start())
			.bind("endYear", period.end().getYear())
			.bind("after", Timestamp.from(period.endExclusive()));
		String active = "CASE WHEN " + ACTIVE_AT_END + " THEN 1 ELSE 0 END";
		String joined = "CASE WHEN m.join_date >= :start THEN 1 ELSE 0 END";
		String columns = organizationColumn + " AS org, m.employment_type AS employment, m.gender AS gender, " + AGE_BAND
				+ " AS band, " + active + " AS active_at_end, " + joined + " AS joined";
		// grouped outside: PostgreSQL does not see two expressions with bound parameters as equal
		members.forEachRow(jdbc, "SELECT org, employment, gender, band, active_at_end, joined, COUNT(*) FROM (SELECT " + columns,
				") s GROUP BY org, employment, gender, band, active_at_end, joined", rs -> {
				long org = rs.getLong(1);
				long count = sign * rs.getLong(7);
				if (rs.getInt(5) == 1) {
					figures.add("members.total", org, count);
					figures.add("members.employment." + rs.getString(2), org, count);
					figures.add("members.age." + rs.getString(4), org, count);
					if ("FEMALE".equals(rs.getString(3))) {
						figures.add("members.women", org, count);
					}
				}
				if (rs.getInt(6) == 1) {
					figures.add("members.joined", org, count);
				}
			});
	}

	/** Adds the query's rows counted by organization to the figure. */
	private void group(ScopedQuery query, String organizationColumn, OrganizationFigures figures, String key) {
		query.forEachRow(jdbc, "SELECT " + organizationColumn + ", COUNT(*)", " GROUP BY " + organizationColumn,
				rs -> figures.add(key, rs.getLong(1), rs.getLong(2)));
	}
}
