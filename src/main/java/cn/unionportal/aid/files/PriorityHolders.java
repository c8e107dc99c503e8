package cn.unionportal.aid.files;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The aid priority list (issue 11): members who hold a model-worker honour (劳模, any level). Aid
 * keeps its own table of them, one row per honour, written by the award module when it confers
 * and removed when it revokes; the file list flags and filters their hardship files (劳模优先).
 * Both writes are idempotent, so a redelivered event changes nothing.
 */
@Service
@NamedInterface("files")
@Transactional
public class PriorityHolders {

	/** The condition of the file list's "priority only" filter (files aliased {@code f}). */
	static final String FILE_FILTER = " AND f.member_id IN (SELECT p.member_id FROM aid_priority_holder p)";

	private final JdbcClient jdbc;

	PriorityHolders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The member now holds a model-worker honour. */
	public void honoured(long honourId, long memberId, String kindCode, LocalDate conferredOn) {
		if (jdbc.sql("SELECT COUNT(*) FROM aid_priority_holder WHERE honour_id = :honour").param("honour", honourId)
			.query(Long.class).single() > 0) {
			return;
		}
		try {
			jdbc.sql("INSERT INTO aid_priority_holder (honour_id, member_id, kind_code, conferred_on) VALUES (:honour, :member, :kind, :on)")
				.param("honour", honourId).param("member", memberId).param("kind", kindCode)
				.param("on", Date.valueOf(conferredOn)).update();
		}
		catch (DuplicateKeyException deliveredTwiceAtOnce) {
			// the same honour, written by a concurrent delivery: nothing to add
		}
	}

	/** The honour was revoked: the member stays on the list only through another one. */
	public void revoked(long honourId) {
		jdbc.sql("DELETE FROM aid_priority_holder WHERE honour_id = :honour").param("honour", honourId).update();
	}

	/** Whether the member is on the priority list. */
	@Transactional(readOnly = true)
	public boolean isPriority(long memberId) {
		return !among(List.of(memberId)).isEmpty();
	}

	/** Those of the given members who are on the priority list. */
	@Transactional(readOnly = true)
	public Set<Long> among(Collection<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("SELECT DISTINCT member_id FROM aid_priority_holder WHERE member_id IN (:ids)")
			.param("ids", memberIds).query(Long.class).list());
	}

	/** Those of the members of a page of files who are on the priority list. */
	@Transactional(readOnly = true)
	public Set<Long> amongFiles(Iterable<FileViews.FileSummary> files) {
		List<Long> ids = new java.util.ArrayList<>();
		files.forEach(f -> ids.add(f.memberId()));
		return among(ids);
	}
}
