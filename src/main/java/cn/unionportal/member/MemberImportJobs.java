package cn.unionportal.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import cn.unionportal.shared.metrics.PortalMetrics;
import cn.unionportal.organization.Scope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code member_import} (one line per uploaded file, with its progress) and
 * {@code member_import_rejection} (the refused rows, their values encrypted).
 */
@Repository
class MemberImportJobs {

	/** One line of {@code member_import}. */
	record Job(long id, String uploadedBy, long accountId, long scopeOrganizationId, String fileName, String fileSha256,
			MemberImportStatus status, int totalRows, int processedRows, int importedRows, int rejectedRows, String failure,
			Timestamp createdAt, Timestamp finishedAt) {
	}

	/** One refused row as stored. */
	record StoredRejection(int rowNumber, String reasonKey, String reasonArguments, String rawCipher) {
	}

	private static final String SELECT_JOB = "SELECT * FROM member_import";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Clock clock;

	MemberImportJobs(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.clock = clock;
	}

	/** A new import, claimed by {@code node} (which holds the file) until {@code leaseUntil}. */
	long create(String uploadedBy, long accountId, long scopeOrganizationId, String fileName, String sha256, String node,
			Instant leaseUntil) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO member_import (uploaded_by, account_id, scope_organization_id, file_name, file_sha256, status,
				  created_at, claimed_by, lease_until)
				VALUES (:by, :account, :scope, :file, :sha, 'QUEUED', :now, :node, :until)
				""")
			.param("node", node)
			.param("until", Timestamp.from(leaseUntil))
			.param("by", uploadedBy)
			.param("account", accountId)
			.param("scope", scopeOrganizationId)
			.param("file", fileName)
			.param("sha", sha256)
			.param("now", now())
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	Optional<Job> find(long id) {
		return jdbc.sql(SELECT_JOB + " WHERE id = :id").param("id", id).query(MemberImportJobs::job).optional();
	}

	/** The latest imports whose scope lies within the subtree of {@code scope}. */
	List<Job> recentWithin(long scope, int limit) {
		return jdbc.sql(SELECT_JOB + " WHERE scope_organization_id" + Scope.SUBTREE
				+ "ORDER BY created_at DESC, id DESC LIMIT :limit").param("scope", scope).param("limit", limit).query(MemberImportJobs::job).list();
	}

	/** An earlier import of the same file (by content) within the same scope, if any. */
	Optional<Job> earlierOfSameFile(long id, long scope, String sha256) {
		return jdbc.sql(SELECT_JOB
				+ " WHERE file_sha256 = :sha AND scope_organization_id = :scope AND id < :id ORDER BY id DESC LIMIT 1")
			.param("sha", sha256)
			.param("scope", scope)
			.param("id", id)
			.query(MemberImportJobs::job)
			.optional();
	}

	void start(long id, int totalRows) {
		jdbc.sql("UPDATE member_import SET status = 'RUNNING', total_rows = :total WHERE id = :id")
			.param("total", totalRows)
			.param("id", id)
			.update();
	}

	void progress(long id, int processed, int imported, int rejected) {
		jdbc.sql("""
				UPDATE member_import SET processed_rows = :processed, imported_rows = :imported, rejected_rows = :rejected
				WHERE id = :id
				""")
			.param("processed", processed)
			.param("imported", imported)
			.param("rejected", rejected)
			.param("id", id)
			.update();
	}

	/** Adds a committed batch's counts (batches of one import commit concurrently). */
	void addProgress(long id, int imported, int rejected) {
		jdbc.sql("""
				UPDATE member_import SET processed_rows = processed_rows + :rows, imported_rows = imported_rows + :imported,
				  rejected_rows = rejected_rows + :rejected
				WHERE id = :id
				""")
			.param("rows", imported + rejected)
			.param("imported", imported)
			.param("rejected", rejected)
			.param("id", id)
			.update();
		PortalMetrics.importRows(imported, rejected);
	}

	void finish(long id, MemberImportStatus status, int total, String failure) {
		jdbc.sql("""
				UPDATE member_import SET status = :status, total_rows = :total, failure = :failure, finished_at = :now
				WHERE id = :id
				""")
			.param("status", status.name())
			.param("total", total)
			.param("failure", failure)
			.param("now", now())
			.param("id", id)
			.update();
	}

	/** Extends the claims of {@code node} on its unfinished imports (the node is alive). */
	int renewClaims(String node, Instant leaseUntil) {
		return jdbc.sql("""
				UPDATE member_import SET lease_until = :until WHERE claimed_by = :node AND status IN ('QUEUED', 'RUNNING')
				""").param("until", Timestamp.from(leaseUntil)).param("node", node).update();
	}

	/**
	 * Imports that will never finish because their claim lapsed: their node died or stopped.
	 * Idempotent, so every node may run it.
	 */
	int failLapsed(String failure) {
		return jdbc.sql("""
				UPDATE member_import SET status = 'FAILED', failure = :failure, finished_at = :now
				WHERE status IN ('QUEUED', 'RUNNING') AND (lease_until IS NULL OR lease_until < :now)
				""").param("failure", failure).param("now", now()).update();
	}

	/** Imports claimed by {@code node}, restarted under the same {@code portal.node.id}: they will never finish. */
	int failClaimedBy(String node, String failure) {
		return jdbc.sql("""
				UPDATE member_import SET status = 'FAILED', failure = :failure, finished_at = :now
				WHERE status IN ('QUEUED', 'RUNNING') AND claimed_by = :node
				""").param("failure", failure).param("node", node).param("now", now()).update();
	}

	void addRejections(long id, List<StoredRejection> rejections) {
		if (rejections.isEmpty()) {
			return;
		}
		List<Object[]> batch = new ArrayList<>(rejections.size());
		for (StoredRejection r : rejections) {
			batch.add(new Object[] { id, r.rowNumber(), r.reasonKey(), r.reasonArguments(), r.rawCipher() });
		}
		jdbcTemplate.batchUpdate("""
				INSERT INTO member_import_rejection (import_id, row_number, reason_key, reason_args, raw_cipher)
				VALUES (?, ?, ?, ?, ?)
				""", batch);
	}

	List<StoredRejection> rejections(long id, int limit, long offset) {
		return jdbc.sql("""
				SELECT row_number, reason_key, reason_args, raw_cipher FROM member_import_rejection
				WHERE import_id = :id ORDER BY row_number LIMIT :limit OFFSET :offset
				""").param("id", id).param("limit", limit).param("offset", offset).query(MemberImportJobs::rejection).list();
	}

	long countRejections(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM member_import_rejection WHERE import_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	/** Every refused row in row order, one at a time (for the report). */
	void eachRejection(long id, Consumer<StoredRejection> consumer) {
		int last = 0;
		List<StoredRejection> page;
		do {
			page = jdbc.sql("""
					SELECT row_number, reason_key, reason_args, raw_cipher FROM member_import_rejection
					WHERE import_id = :id AND row_number > :after ORDER BY row_number LIMIT 1000
					""").param("id", id).param("after", last).query(MemberImportJobs::rejection).list();
			page.forEach(consumer);
			if (!page.isEmpty()) {
				last = page.get(page.size() - 1).rowNumber();
			}
		}
		while (page.size() == 1000);
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}

	private static Job job(ResultSet rs, int row) throws SQLException {
		return new Job(rs.getLong("id"), rs.getString("uploaded_by"), rs.getLong("account_id"),
				rs.getLong("scope_organization_id"), rs.getString("file_name"), rs.getString("file_sha256"),
				MemberImportStatus.valueOf(rs.getString("status")), rs.getInt("total_rows"), rs.getInt("processed_rows"),
				rs.getInt("imported_rows"), rs.getInt("rejected_rows"), rs.getString("failure"),
				rs.getTimestamp("created_at"), rs.getTimestamp("finished_at"));
	}

	private static StoredRejection rejection(ResultSet rs, int row) throws SQLException {
		return new StoredRejection(rs.getInt("row_number"), rs.getString("reason_key"), rs.getString("reason_args"),
				rs.getString("raw_cipher"));
	}
}
