package cn.unionportal.aid.files;

import cn.unionportal.aid.AidPermissions;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import cn.unionportal.organization.Scope;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who opened which household file, when ({@code hardship_file_access}, written on every view).
 * Read by the administrators of a federation (district or municipal) who supervise the staff that
 * open files in their subtree; staff and administrators below district level do not see it. A file
 * outside the reader's scope answers {@link NotFoundException}, like a missing one.
 */
@Service
@Transactional(readOnly = true)
public class HardshipFileAccessLog {

	private static final String IN_SCOPE = "SELECT COUNT(*) FROM hardship_file f WHERE f.id = :file AND f.organization_id"
			+ Scope.SUBTREE;

	private final JdbcClient jdbc;

	private final AidPermissions permissions;

	private final Clock clock;

	HardshipFileAccessLog(JdbcClient jdbc, AidPermissions permissions, Clock clock) {
		this.jdbc = jdbc;
		this.permissions = permissions;
		this.clock = clock;
	}

	/** One view of a file. */
	public record Entry(String viewer, LocalDateTime viewedAt) {
	}

	/** Records that the user opened the file (the caller has checked the scope). */
	@Transactional
	void record(CurrentUser user, long fileId) {
		jdbc.sql("INSERT INTO hardship_file_access (file_id, viewer, viewed_at) VALUES (:file, :viewer, :at)")
			.param("file", fileId)
			.param("viewer", user.username())
			.param("at", Timestamp.from(clock.instant()))
			.update();
	}

	/** The views of a file in scope, newest first. */
	public Page<Entry> entries(CurrentUser user, long fileId, Pageable pageable) {
		if (jdbc.sql(IN_SCOPE).param("file", fileId).param(Scope.PARAMETER, user.organizationId()).query(Long.class)
			.single() == 0) {
			throw new NotFoundException("hardship file", fileId);
		}
		permissions.requireReadAccessLog(user);
		long total = jdbc.sql("SELECT COUNT(*) FROM hardship_file_access WHERE file_id = :file")
			.param("file", fileId)
			.query(Long.class)
			.single();
		List<Entry> rows = jdbc.sql("""
				SELECT viewer, viewed_at FROM hardship_file_access WHERE file_id = :file
				ORDER BY viewed_at DESC, id DESC LIMIT :limit OFFSET :offset
				""")
			.param("file", fileId)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, i) -> new Entry(rs.getString("viewer"),
					LocalDateTime.ofInstant(rs.getTimestamp("viewed_at").toInstant(), clock.getZone())))
			.list();
		return new PageImpl<>(rows, PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()), total);
	}
}
