package cn.unionportal.aid.files;

import cn.unionportal.aid.AidPermissions;
import cn.unionportal.aid.AidSettings;

import cn.unionportal.shared.AttachmentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.unionportal.member.MemberBrief;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.organization.Scopes;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.audit.AuditTrail;
import cn.unionportal.shared.crypto.PersonalDataCipher;
import cn.unionportal.shared.crypto.PrivateFiles;
import cn.unionportal.shared.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Evidence attachments of household files (PDF, JPEG, PNG). The type is recognised by content;
 * the bytes live under {@code portal.aid.attachments-dir}, outside the web root, under a random
 * storage key (never the user's file name), encrypted with the data key (streamed AES-GCM, see
 * {@link PersonalDataCipher#encryptingFile}) in files only the portal's user may read (0600 in a
 * 0700 directory). The type is sniffed, and the size and SHA-256 taken, from the clear bytes.
 * Every read and change checks that the file's organization lies in the user's scope (outside
 * answers 404 like a missing file); uploads, downloads and deletions are audited. Only
 * administrators delete.
 */
@Service
@Transactional(readOnly = true)
public class AttachmentStore implements SmartInitializingSingleton {

	private static final Logger LOG = LoggerFactory.getLogger(AttachmentStore.class);

	static final String SUBJECT = "HARDSHIP_FILE";

	private static final Pattern STORAGE_KEY = Pattern.compile("[0-9a-f]{32}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Scopes scopes;

	private final AidPermissions permissions;

	private final MemberManagement members;

	private final AuditTrail audit;

	private final AidSettings settings;

	private final Clock clock;

	private final Path directory;

	private final PersonalDataCipher cipher;

	AttachmentStore(JdbcClient jdbc, Scopes scopes, MemberManagement members, AuditTrail audit,
			AidSettings settings, Clock clock, PersonalDataCipher cipher, AidPermissions permissions,
			@Value("${portal.aid.attachments-dir:./data/attachments}") String directory) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.permissions = permissions;
		this.scopes = scopes;
		this.members = members;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
		this.directory = Path.of(directory).toAbsolutePath().normalize();
	}

	/** Before requests are served: older clear files are encrypted, the directory restricted. */
	@Override
	public void afterSingletonsInstantiated() {
		int encrypted = encryptClearFiles();
		if (encrypted > 0) {
			LOG.info("Encrypted {} evidence attachment(s) that were stored in clear under {}", encrypted, directory);
		}
	}

	/** The largest file accepted, in bytes. */
	public long maxBytes() {
		return settings.attachmentMaxBytes();
	}

	/** The largest file accepted, for people ({@code 10 MB}). */
	public String maxSize() {
		return humanSize(settings.attachmentMaxBytes());
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
		String key = HexFormat.of().formatHex(randomBytes());
		Path target = directory.resolve(key);
		Received received = receive(content, directory.resolve(key + ".part"), target);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					deleteQuietly(target);
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
		Path path = pathOf(stored.storageKey());
		if (!Files.isRegularFile(path)) {
			throw new NotFoundException("attachment content", attachmentId);
		}
		AttachmentType type = AttachmentType.ofContentType(stored.contentType()).orElseThrow();
		audit.record(user.username(), "ATTACHMENT_DOWNLOADED", SUBJECT, fileId, owner.organizationId(),
				describe(attachmentId, stored.originalName(), stored.contentType(), stored.sizeBytes(), stored.sha256()));
		return new AttachmentDownload(AttachmentNames.forDownload(stored.originalName(), type), type.contentType(),
				stored.sizeBytes(), new DecryptedFile(path, stored.sizeBytes()));
	}

	/** Deletes an attachment (administrators only); the bytes go once the deletion commits. */
	@Transactional
	public void delete(CurrentUser user, long fileId, long attachmentId) {
		AttachmentOwner owner = owner(user, fileId);
		Stored stored = load(fileId, attachmentId);
		permissions.requireDeleteAttachments(user);
		jdbc.sql("DELETE FROM hardship_attachment WHERE id = :id").param("id", attachmentId).update();
		Path path = pathOf(stored.storageKey());
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				deleteQuietly(path);
			}
		});
		audit.record(user.username(), "ATTACHMENT_DELETED", SUBJECT, fileId, owner.organizationId(),
				describe(attachmentId, stored.originalName(), stored.contentType(), stored.sizeBytes(), stored.sha256()));
	}

	/** Where an attachment's bytes are stored (for tests and operations). */
	Path pathOf(String storageKey) {
		if (!STORAGE_KEY.matcher(storageKey).matches()) {
			throw new IllegalStateException("unexpected storage key");
		}
		return directory.resolve(storageKey);
	}

	Path directory() {
		return directory;
	}

	/**
	 * Encrypts evidence files stored in clear before attachments were encrypted (in place: a
	 * temporary file, then an atomic move), and restricts the directory to the portal's user.
	 * Files that already start with the encrypted header are left alone, so this runs at every
	 * start, also over a directory restored from an old backup.
	 *
	 * @return how many files were encrypted
	 */
	int encryptClearFiles() {
		if (!Files.isDirectory(directory)) {
			return 0;
		}
		PrivateFiles.restrictTree(directory);
		List<Path> candidates;
		try (var listing = Files.list(directory)) {
			candidates = listing.filter(p -> STORAGE_KEY.matcher(p.getFileName().toString()).matches())
				.filter(Files::isRegularFile)
				.toList();
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
		int encrypted = 0;
		for (Path path : candidates) {
			if (encryptIfClear(path)) {
				encrypted++;
			}
		}
		return encrypted;
	}

	private boolean encryptIfClear(Path path) {
		Path temporary = path.resolveSibling(path.getFileName() + ".enc");
		try {
			byte[] header;
			try (InputStream in = Files.newInputStream(path)) {
				header = in.readNBytes(PersonalDataCipher.FILE_HEADER_LENGTH);
			}
			if (PersonalDataCipher.isEncryptedFile(header, header.length)) {
				return false;
			}
			Files.deleteIfExists(temporary);
			try (InputStream in = Files.newInputStream(path);
					OutputStream out = cipher.encryptingFile(PrivateFiles.newOutputStream(temporary))) {
				in.transferTo(out);
			}
			Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			return true;
		}
		catch (IOException failure) {
			throw new UncheckedIOException("Cannot encrypt attachment " + path.getFileName(), failure);
		}
		finally {
			deleteQuietly(temporary);
		}
	}

	// ---- helpers -------------------------------------------------------------------------

	/** An attachment's bytes, decrypted while they are sent; the length is the clear size on record. */
	private final class DecryptedFile extends AbstractResource {

		private final Path path;

		private final long length;

		DecryptedFile(Path path, long length) {
			this.path = path;
			this.length = length;
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return cipher.decryptingFile(Files.newInputStream(path));
		}

		@Override
		public long contentLength() {
			return length;
		}

		@Override
		public boolean exists() {
			return Files.isRegularFile(path);
		}

		@Override
		public String getDescription() {
			return "encrypted attachment " + path.getFileName();
		}
	}

	private record Stored(String originalName, String contentType, long sizeBytes, String storageKey, String sha256) {
	}

	private record Received(AttachmentType type, long size, String sha256) {
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

	/** Copies the upload to {@code part} while counting, hashing and sniffing, then moves it to {@code target}. */
	private Received receive(InputStreamSource content, Path part, Path target) {
		long max = settings.attachmentMaxBytes();
		boolean kept = false;
		try {
			PrivateFiles.createDirectories(directory);
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			byte[] header = new byte[AttachmentType.HEADER_LENGTH];
			int headerLength = 0;
			Optional<AttachmentType> type = Optional.empty();
			long size = 0;
			try (InputStream in = content.getInputStream();
					OutputStream out = cipher.encryptingFile(PrivateFiles.newOutputStream(part))) {
				byte[] buffer = new byte[16 * 1024];
				int n;
				while ((n = in.read(buffer)) != -1) {
					if (headerLength < header.length) {
						int take = Math.min(n, header.length - headerLength);
						System.arraycopy(buffer, 0, header, headerLength, take);
						headerLength += take;
						if (headerLength == header.length) {
							type = Optional.of(sniffed(header, headerLength));
						}
					}
					size += n;
					if (size > max) {
						throw tooLarge();
					}
					sha.update(buffer, 0, n);
					out.write(buffer, 0, n);
				}
			}
			if (size == 0) {
				throw new RuleViolationException("file", "aid.attachment.error.empty");
			}
			AttachmentType recognised = type.isPresent() ? type.get() : sniffed(header, headerLength);
			Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
			kept = true;
			return new Received(recognised, size, HexFormat.of().formatHex(sha.digest()));
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
		catch (NoSuchAlgorithmException missing) {
			throw new IllegalStateException(missing);
		}
		finally {
			deleteQuietly(part);
			if (!kept) {
				deleteQuietly(target);
			}
		}
	}

	private static AttachmentType sniffed(byte[] header, int length) {
		return AttachmentType.sniff(header, length)
			.orElseThrow(() -> new RuleViolationException("file", "aid.attachment.error.type"));
	}

	private RuleViolationException tooLarge() {
		return new RuleViolationException("file", "aid.attachment.error.tooLarge", humanSize(settings.attachmentMaxBytes()));
	}

	/** {@code 10 MB}, {@code 512 KB}, {@code 900 B}: units read the same in both languages. */
	static String humanSize(long bytes) {
		if (bytes >= 1024 * 1024) {
			double mb = bytes / (1024.0 * 1024.0);
			return (mb == Math.floor(mb) ? String.valueOf((long) mb) : String.format(java.util.Locale.ROOT, "%.1f", mb))
					+ " MB";
		}
		if (bytes >= 1024) {
			return (bytes / 1024) + " KB";
		}
		return bytes + " B";
	}

	private static String describe(long id, String name, String type, long size, String sha256) {
		return "#" + id + " " + name + " (" + type + ", " + size + " B, sha256 " + sha256 + ")";
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	private static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ignored) {
			// an orphan file without a row is harmless and never served
		}
	}
}
