package cn.unionportal.competition;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.shared.ChineseNames;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The demo judges (a pool, the demo judge account {@code caipan}), their panels and their marks. */
@Component
@Conditional(CompetitionDemoData.Enabled.class)
class CompetitionDemoPanels {

	private static final List<String> JUDGE_NAMES = List.of("王建国", "李秀英", "张志强", "刘海燕", "陈立新", "杨振华",
			"赵明远", "孙丽娟", "周国庆", "吴红梅");

	private final CompetitionCatalogue catalogue;

	private final OrganizationManagement organizations;

	private final AccountManagement accounts;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final Clock clock;

	CompetitionDemoPanels(CompetitionCatalogue catalogue, OrganizationManagement organizations, AccountManagement accounts,
			JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
		this.catalogue = catalogue;
		this.organizations = organizations;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
	}

	List<Long> judgePool(CurrentUser system) {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < JUDGE_NAMES.size(); i++) {
			ids.add(insertJudge(JUDGE_NAMES.get(i), organizations.rootId(), i < 3 ? "国家级裁判" : "省级裁判", null));
		}
		return ids;
	}

	long insertJudge(String name, long organizationId, String qualification, String account) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO competition_judge (name, name_sort_key, organization_id, qualification, trades, account_username,
				    created_at)
				VALUES (:n, :k, :o, :q, '焊工、钳工、电工、车工', :a, :now)""")
			.param("n", name).param("k", ChineseNames.personSortKey(name)).param("o", organizationId)
			.param("q", qualification).param("a", account).param("now", Timestamp.from(clock.instant()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	long demoJudge() {
		if (!accounts.exists(CompetitionDemoData.JUDGE_ACCOUNT)) {
			accounts.createInitialAccount(CompetitionDemoData.JUDGE_ACCOUNT, "演示裁判", organizations.rootId(), Set.of(StaffRole.JUDGE),
					CompetitionDemoData.PASSWORD, false);
		}
		return insertJudge("演示裁判", organizations.rootId(), "省级裁判", CompetitionDemoData.JUDGE_ACCOUNT);
	}

	void seat(long tradeId, List<Long> judges) {
		boolean chief = true;
		for (long judge : judges) {
			jdbc.sql("INSERT INTO competition_panel (trade_id, judge_id, chief, signed_at) VALUES (:t, :j, :c, NULL)")
				.param("t", tradeId).param("j", judge).param("c", chief).update();
			chief = false;
		}
	}

	/** Every judge marks every aspect of every entry (a skill level per contestant, some noise). */
	void mark(long tradeId, List<Long> entries, List<Long> judges, Random random, boolean signed) {
		List<CompetitionManagement.AspectView> aspects = catalogue.aspects(tradeId);
		Timestamp now = Timestamp.from(clock.instant());
		List<Object[]> rows = new ArrayList<>();
		for (long entry : entries) {
			double skill = 0.55 + random.nextDouble() * 0.4;
			for (CompetitionManagement.AspectView aspect : aspects) {
				for (long judge : judges) {
					double noise = (random.nextDouble() - 0.5) * 0.1;
					double mark = Math.max(0, Math.min(1, skill + noise)) * aspect.maxMark().doubleValue();
					rows.add(new Object[] { entry, aspect.id(), judge,
							BigDecimal.valueOf(Math.round(mark * 2) / 2.0).setScale(2), now });
				}
			}
		}
		batch.batchUpdate("INSERT INTO competition_mark (entry_id, aspect_id, judge_id, mark, updated_at) VALUES (?, ?, ?, ?, ?)",
				rows);
		if (signed) {
			jdbc.sql("UPDATE competition_panel SET signed_at = :now WHERE trade_id = :t").param("now", now)
				.param("t", tradeId).update();
		}
	}
}
