package cn.unionportal.competition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.unionportal.competition.CompetitionManagement.CompetitionView;
import cn.unionportal.organization.Scope;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Entries, the read side: one entry and pages of a competition's or a trade's entries, as the
 * user may see them (the organizer all, other staff their scope's). Changes go through
 * {@link CompetitionEntries}.
 */
@Service
public class EntryLists {

	private final JdbcClient jdbc;

	private final CompetitionCatalogue competitions;

	private final CompetitionPermissions permissions;

	EntryLists(JdbcClient jdbc, CompetitionCatalogue competitions, CompetitionPermissions permissions) {
		this.jdbc = jdbc;
		this.competitions = competitions;
		this.permissions = permissions;
	}

	public record EntryView(long id, long competitionId, long tradeId, String tradeName, long organizationId,
			String organizationName, String teamName, String contestantCode, Integer station, int skillGrade,
			String status, String statusReason, List<String> memberNames, List<Long> memberIds, BigDecimal total,
			Integer rank, Integer prize, String titles, long version) {

		public boolean active() {
			return "ACTIVE".equals(status);
		}

		public String names() {
			return String.join("、", memberNames);
		}
	}

	/** One entry the user sees (404 otherwise). */
	@Transactional(readOnly = true)
	public EntryView entry(CurrentUser user, long entryId) {
		List<EntryView> found = query(" WHERE e.id = :id", Map.of("id", entryId), "");
		if (found.isEmpty()) {
			throw new NotFoundException("entry", entryId);
		}
		EntryView entry = found.get(0);
		CompetitionView c = competitions.load(entry.competitionId());
		permissions.requireSeesEntry(user, c.organizerId(), entry.organizationId(), entryId);
		return named(user, List.of(entry)).get(0);
	}

	/**
	 * A page of the entries of a competition (or of one of its trades) the user sees: all for the
	 * organizer, else their scope's; by trade, rank, then registration.
	 */
	@Transactional(readOnly = true)
	public Page<EntryView> entries(CurrentUser user, long competitionId, Long tradeId, Pageable pageable) {
		CompetitionView c = competitions.load(competitionId);
		permissions.requireStaff(user);
		Scope scope = permissions.scope(user);
		StringBuilder where = new StringBuilder(" WHERE e.competition_id = :c");
		Map<String, Object> params = new HashMap<>(Map.of("c", competitionId));
		if (tradeId != null) {
			where.append(" AND e.trade_id = :trade");
			params.put("trade", tradeId);
		}
		if (!scope.contains(c.organizerId())) {
			where.append(" AND e.organization_id").append(Scope.SUBTREE);
			params.put(Scope.PARAMETER, scope.rootId());
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM competition_entry e" + where).params(params).query(Long.class).single();
		List<EntryView> rows = total == 0 ? List.of()
				: query(where.toString(), params, " LIMIT " + pageable.getPageSize() + " OFFSET " + pageable.getOffset());
		return new PageImpl<>(named(user, rows), pageable, total);
	}

	private List<EntryView> named(CurrentUser user, List<EntryView> rows) {
		Map<Long, String> names = permissions.scope(user).names(rows.stream().map(EntryView::organizationId).toList());
		return rows.stream().map(e -> new EntryView(e.id(), e.competitionId(), e.tradeId(), e.tradeName(),
				e.organizationId(), names.get(e.organizationId()), e.teamName(), e.contestantCode(), e.station(),
				e.skillGrade(), e.status(), e.statusReason(), e.memberNames(), e.memberIds(), e.total(), e.rank(),
				e.prize(), e.titles(), e.version())).toList();
	}

	private List<EntryView> query(String where, Map<String, ?> params, String limit) {
		List<EntryView> rows = jdbc.sql("""
				SELECT e.*, t.name AS trade_name FROM competition_entry e JOIN competition_trade t ON t.id = e.trade_id
				""" + where + " ORDER BY e.trade_id, e.ranking NULLS LAST, e.name_sort_key NULLS LAST, e.id" + limit)
			.params(params)
			.query((rs, n) -> new EntryView(rs.getLong("id"), rs.getLong("competition_id"), rs.getLong("trade_id"),
					rs.getString("trade_name"), rs.getLong("organization_id"), null, rs.getString("team_name"),
					rs.getString("contestant_code"), rs.getObject("station", Integer.class),
					rs.getInt("skill_grade"), rs.getString("status"), rs.getString("status_reason"), new ArrayList<>(),
					new ArrayList<>(), rs.getBigDecimal("total_score"), rs.getObject("ranking", Integer.class),
					rs.getObject("prize", Integer.class), rs.getString("titles"), rs.getLong("version")))
			.list();
		if (!rows.isEmpty()) {
			Map<Long, EntryView> byId = rows.stream().collect(Collectors.toMap(EntryView::id, e -> e));
			jdbc.sql("""
					SELECT m.entry_id, m.member_id, m.name FROM competition_entry_member m
					WHERE m.entry_id IN (:ids) ORDER BY m.entry_id, m.member_id""")
				.param("ids", byId.keySet())
				.query(rs -> {
					EntryView e = byId.get(rs.getLong("entry_id"));
					e.memberIds().add(rs.getLong("member_id"));
					e.memberNames().add(rs.getString("name"));
				});
		}
		return rows;
	}
}
