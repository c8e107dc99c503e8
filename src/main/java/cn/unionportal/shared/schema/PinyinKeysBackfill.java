package cn.unionportal.shared.schema;

import java.sql.SQLException;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 16.1: fills the pinyin columns that V16 added for the rows that existed before,
 * computed in Java (ICU, pinyin4j) as new rows get them. Spring Boot hands every
 * {@link JavaMigration} bean to Flyway, which runs it between V16 and V16_2.
 *
 * <p>It names no table: each module that owns such columns contributes a {@link PinyinBackfillStep}
 * for its own tables (member: {@code member}, {@code member_pinyin}; organization:
 * {@code organization}; benefits: {@code partner_merchant}). Version, description and checksum are
 * those of the single migration that did all three before (issue 9), so databases that applied it
 * still validate, and new databases fill every column before V16_3 makes them NOT NULL.
 */
@Component
class PinyinKeysBackfill implements JavaMigration {

	private final ObjectProvider<PinyinBackfillStep> steps;

	PinyinKeysBackfill(ObjectProvider<PinyinBackfillStep> steps) {
		this.steps = steps;
	}

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("16.1");
	}

	@Override
	public String getDescription() {
		return "pinyin keys backfill";
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
		List<PinyinBackfillStep> ordered = steps.orderedStream().toList();
		for (PinyinBackfillStep step : ordered) {
			step.backfill(context.getConnection());
		}
	}
}
