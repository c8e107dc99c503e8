package cn.unionportal.support;

import java.sql.SQLException;
import java.sql.Statement;

import cn.unionportal.shared.schema.PinyinBackfillStep;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.beans.factory.ObjectProvider;

/**
 * For {@code @ApplicationModuleTest}s on a private in-memory database: the portal's Java migration
 * 16.1 (the pinyin backfill, whose steps belong to several modules) as far as the modules started
 * can do it, then the seeded municipal federation's sort keys, so that V16_3 can make the columns
 * NOT NULL. Declare it as a bean in the test's configuration.
 */
public class ModulePinyinBackfill implements JavaMigration {

	private final ObjectProvider<PinyinBackfillStep> steps;

	public ModulePinyinBackfill(ObjectProvider<PinyinBackfillStep> steps) {
		this.steps = steps;
	}

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("16.1");
	}

	@Override
	public String getDescription() {
		return "pinyin keys backfill (module test)";
	}

	@Override
	public Integer getChecksum() {
		return 1601;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		for (PinyinBackfillStep step : steps.orderedStream().toList()) {
			step.backfill(context.getConnection());
		}
		try (Statement statement = context.getConnection().createStatement()) {
			statement.executeUpdate("UPDATE organization SET name_sort = name WHERE name_sort IS NULL");
			statement.executeUpdate("UPDATE organization SET name_pinyin = name WHERE name_pinyin IS NULL");
		}
	}
}
