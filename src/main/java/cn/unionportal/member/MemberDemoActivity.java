package cn.unionportal.member;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.unionportal.shared.startup.DemoDataEnabled;
import cn.unionportal.shared.startup.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two years of membership activity for the demo federation (issue 12), after the generator's
 * members are in (order 15: before the benefits demo enrols anyone): one member in 40 joined on a
 * dated day of last year or this year, one in 60 left (lapsed, deceased or left the federation) on
 * a dated day, and one in 100 was transferred to another union. Written in this module's own
 * tables by a few batches, so the embedded start stays quick. Runs once: nothing happens when any
 * member has left already.
 */
@Component
@Conditional(DemoDataEnabled.class)
@Order(15)
class MemberDemoActivity implements StartupTask {

	private static final Logger log = LoggerFactory.getLogger(MemberDemoActivity.class);

	private static final MemberStatus[] EXITS = { MemberStatus.LAPSED, MemberStatus.TRANSFERRED_OUT, MemberStatus.DECEASED };

	private final JdbcTemplate jdbc;

	private final Clock clock;

	MemberDemoActivity(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void runAtStartup() {
		Integer exits = jdbc.queryForObject("SELECT COUNT(*) FROM member_exit", Integer.class);
		Integer members = jdbc.queryForObject("SELECT COUNT(*) FROM member", Integer.class);
		if (exits == null || exits > 0 || members == null || members < 200) {
			return;
		}
		List<long[]> rows = jdbc.query("SELECT id, organization_id FROM member WHERE status = 'ACTIVE' ORDER BY id",
				(rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) });
		LocalDate today = LocalDate.now(clock);
		LocalDate start = LocalDate.of(today.getYear() - 1, 1, 1);
		int span = (int) (today.toEpochDay() - start.toEpochDay());
		List<Object[]> joins = new ArrayList<>();
		List<Object[]> leaves = new ArrayList<>();
		List<Object[]> exitRows = new ArrayList<>();
		List<Object[]> transfers = new ArrayList<>();
		List<Object[]> moves = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			long id = rows.get(i)[0];
			long organization = rows.get(i)[1];
			LocalDate day = start.plusDays((i * 37L) % Math.max(span, 1));
			if (i % 40 == 7) {
				joins.add(new Object[] { Date.valueOf(day), id });
			}
			else if (i % 60 == 13) {
				MemberStatus status = EXITS[(i / 60) % EXITS.length];
				leaves.add(new Object[] { status.name(), id });
				exitRows.add(new Object[] { id, organization, status.name(), Date.valueOf(day) });
			}
			else if (i % 100 == 21) {
				long target = rows.get((i + rows.size() / 2) % rows.size())[1];
				if (target != organization) {
					Timestamp at = Timestamp.from(day.atTime(10, 0).atZone(clock.getZone()).toInstant());
					transfers.add(new Object[] { id, organization, target, at, at });
					moves.add(new Object[] { target, id });
				}
			}
		}
		jdbc.batchUpdate("UPDATE member SET join_date = ? WHERE id = ?", joins);
		jdbc.batchUpdate("UPDATE member SET status = ?, active_id_hash = NULL WHERE id = ?", leaves);
		jdbc.batchUpdate("INSERT INTO member_exit (member_id, organization_id, status, left_on) VALUES (?, ?, ?, ?)", exitRows);
		jdbc.batchUpdate("""
				INSERT INTO member_transfer (member_id, from_organization_id, to_organization_id, status, reason, requested_by,
				  requested_at, decided_by, decided_at, version)
				VALUES (?, ?, ?, 'COMPLETED', '工作调动', 'admin', ?, 'admin', ?, 0)""", transfers);
		jdbc.batchUpdate("UPDATE member SET organization_id = ? WHERE id = ?", moves);
		jdbc.batchUpdate("UPDATE member_pinyin_prefix SET organization_id = ? WHERE member_id = ?", moves);
		log.info("Demo membership activity: {} joined, {} left, {} transferred in the last two years", joins.size(),
				leaves.size(), transfers.size());
	}
}
