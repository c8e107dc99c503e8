package cn.unionportal.aid.files;

import cn.unionportal.aid.AidPermissions;

import cn.unionportal.shared.AttachmentType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import cn.unionportal.member.MemberBrief;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.organization.Scopes;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.crypto.PersonalDataCipher;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.core.io.InputStreamSource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Evidence attachments of household files (PDF, JPEG, PNG). The type is recognised by content;
 * the bytes ({@link AttachmentFiles}) live under {@code portal.aid.attachments-dir}, outside the web root, under a random
 * storage key (never the user's file name), encrypted with the data key (streamed AES-GCM, see
 * {@link PersonalDataCipher#encryptingFile}) in files only the portal's user may read (0600 in a
 * 0700 directory). The type is sniffed, and the size and SHA-256 taken, from the clear bytes.
 * Every read and change checks that the file's organization lies in the user's scope (outside
 * answers 404 like a missing file); uploads, downloads and deletions are audited. Only
 * administrators delete.
 */
@Service
@Transactional(readOnly = true)
public class AttachmentStore {

	static final String SUBJECT = "HARDSHIP_FILE";

	private final JdbcClient jdbc;

	private final Scopes scopes;

	private final AidPermissions permissions;

	private final MemberManagement members;

	private final AuditTrail audit;

	private final Clock clock;

	private final AttachmentFiles disk;

	AttachmentStore(JdbcClient jdbc, Scopes scopes, MemberManagement members, AuditTrail audit, Clock clock,
			AidPermissions permissions, AttachmentFiles disk) {
		this.jdbc = jdbc;
		this.permissions = permissions;
		this.scopes = scopes;
		this.members = members;
		this.audit = audit;
		this.clock = clock;
		this.disk = disk;
	}

	/** The largest file accepted, in bytes. */
	public long maxBytes() {
		return disk.maxBytes();
	}

	/** The largest file accepted, for people ({@code 10 MB}). */
	public String maxSize() {
		return AttachmentFiles.humanSize(disk.maxBytes());
	}

	/** The household file the attachments belong to, if it lies in the user's scope. */
	public AttachmentOwner owner(CurrentUser user, long fileId) {
		Row row = jdbc.sql("SELECT member_id, organization_id, status FROM hardship_file WHERE id = :id")
			.param("id", fileId)
			.query((rs, i) -> new Row(rs.getLong("member_id"), rs.getLong("organization_id"), rs.getString("status")))
			.optional()
			.filter(r -> scopes.of(user).contains(r.organizationId()))
			.orElseThrow(() -> new NotFoundException("hardship file", fileId));
		Map<Long, MemberBrief> briefs = members.briefs(List.of(row.memberId()));
		String name = briefs.containsKey(row.memberId()) ? briefs.get(row.memberId()).name() : "";
		return new AttachmentOwner(fileId, row.memberId(), name, row.organizationId(),
				scopes.of(user).name(row.organizationId()),
				FileStatus.valueOf(row.status()));
	}

	private record Row(long memberId, long organizationId, String status) {
	}

	public List<AttachmentView> list(CurrentUser user, long fileId) {
		owner(user, fileId);
		return jdbc.sql("""
				SELECT id, original_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
				FROM hardship_attachment WHERE file_id = :file ORDER BY uploaded_at, id
				""")
			.param("file", fileId)
			.query((rs, i) -> new AttachmentView(rs.getLong("id"), rs.getString("original_name"),
					rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
					rs.getString("uploaded_by"),
					LocalDateTime.ofInstant(rs.getTimestamp("uploaded_at").toInstant(), clock.getZone())))
			.list();
	}

	/**
	 * Stores an evidence file. Refused ({@link RuleViolationException} on field {@code file}) when
	 * empty, larger than {@link #maxBytes()} or not a PDF, JPEG or PNG by its content.
	 *
	 * @return the attachment's id
	 */
	@Transactional
	public long store(CurrentUser user, long fileId, String originalName, InputStreamSource content) {
		AttachmentOwner owner = owner(user, fileId);
		AttachmentFiles.Received received = disk.receive(content);
		String key = received.key();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					disk.delete(key);
				}
			}
		});
		String name = AttachmentNames.sanitize(originalName);
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO hardship_attachment (file_id, original_name, content_type, size_bytes, storage_key, sha256,
				                                 uploaded_by, uploaded_at)
				VALUES (:file, :name, :type, :size, :key, :sha, :by, :at)
				""")
			.param("file", fileId)
			.param("name", name)
			.param("type", received.type().contentType())
			.param("size", received.size())
			.param("key", key)
			.param("sha", received.sha256())
			.param("by", user.username())
			.param("at", Timestamp.from(clock.instant()))
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		audit.record(user.username(), "ATTACHMENT_UPLOADED", SUBJECT, fileId, owner.organizationId(),
				describe(id, name, received.type().contentType(), received.size(), received.sha256()));
		return id;
	}

	/** An attachment to download (the download is audited). */
	@Transactional
	public AttachmentDownload open(CurrentUser user, long fileId, long attachmentId) {
		AttachmentOwner owner = owner(user, fileId);
		Stored stored = load(fileId, attachmentId);
		Resource bytes = disk.open(stored.storageKey(), stored.sizeBytes())
			.orElseThrow(() -> new NotFoundException("attachment content", attachmentId));
		AttachmentType type = AttachmentType.ofContentType(stored.contentType()).orElseThrow();
		audit.record(user.username(), "ATTACHMENT_DOWNLOADED", SUBJECT, fileId, owner.organizationId(),
				describe(attachmentId, stored.originalName(), stored.contentType(), stored.sizeBytes(), stored.sha256()));
		return new AttachmentDownload(AttachmentNames.forDownload(stored.originalName(), type), type.contentType(),
				stored.sizeBytes(), bytes);
	}

	/** Deletes an attachment (administrators only); the bytes go once the deletion commits. */
	@Transactional
	public void delete(CurrentUser user, long fileId, long attachmentId) {
		AttachmentOwner owner = owner(user, fileId);
		Stored stored = load(fileId, attachmentId);
		permissions.requireDeleteAttachments(user);
		jdbc.sql("DELETE FROM hardship_attachment WHERE id = :id").param("id", attachmentId).update();
		String key = stored.storageKey();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				disk.delete(key);
			}
		});
		audit.record(user.username(), "ATTACHMENT_DELETED", SUBJECT, fileId, owner.organizationId(),
				describe(attachmentId, stored.originalName(), stored.contentType(), stored.sizeBytes(), stored.sha256()));
	}

	private record Stored(String originalName, String contentType, long sizeBytes, String storageKey, String sha256) {
	}

	private Stored load(long fileId, long attachmentId) {
		return jdbc.sql("""
				SELECT original_name, content_type, size_bytes, storage_key, sha256
				FROM hardship_attachment WHERE id = :id AND file_id = :file
				""")
			.param("id", attachmentId)
			.param("file", fileId)
			.query((rs, i) -> new Stored(rs.getString("original_name"), rs.getString("content_type"),
					rs.getLong("size_bytes"), rs.getString("storage_key"), rs.getString("sha256")))
			.optional()
			.orElseThrow(() -> new NotFoundException("attachment", attachmentId));
	}

	private static String describe(long id, String name, String type, long size, String sha256) {
		return "#" + id + " " + name + " (" + type + ", " + size + " B, sha256 " + sha256 + ")";
	}
}
