package cn.unionportal.award;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import cn.unionportal.shared.AttachmentType;
import cn.unionportal.shared.NotFoundException;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.crypto.PersonalDataCipher;
import cn.unionportal.shared.crypto.PrivateFiles;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Attachments of a nomination (deeds evidence, the unit's decision, the posting): PDF, JPEG or PNG
 * recognised by content ({@link AttachmentType}, shared with aid evidence), at most
 * {@code portal.award.attachment-max-bytes}, encrypted on disk with the portal's file cipher.
 */
@Service
@Transactional(readOnly = true)
public class NominationFiles {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** An attachment on the nomination page. */
	public record Attachment(long id, String purpose, String originalName, String contentType, long sizeBytes,
			String uploadedBy, Instant uploadedAt) {
	}

	/** An attachment to send: the bytes decrypted. */
	public record Download(String fileName, String contentType, byte[] content) {
	}

	private final JdbcClient jdbc;

	private final NominationSearch nominations;

	private final Nominations rows;

	private final PersonalDataCipher cipher;

	private final Clock clock;

	private final Path directory;

	private final long maxBytes;

	NominationFiles(JdbcClient jdbc, NominationSearch nominations, Nominations rows, PersonalDataCipher cipher,
			Clock clock, @Value("${portal.award.attachments-dir:./data/award-attachments}") String directory,
			@Value("${portal.award.attachment-max-bytes:10485760}") long maxBytes) {
		this.jdbc = jdbc;
		this.nominations = nominations;
		this.rows = rows;
		this.cipher = cipher;
		this.clock = clock;
		this.directory = Path.of(directory).toAbsolutePath().normalize();
		this.maxBytes = maxBytes;
	}

	public long maxBytes() {
		return maxBytes;
	}

	public List<Attachment> list(CurrentUser user, long nominationId) {
		nominations.nomination(user, nominationId);
		return jdbc.sql("""
				SELECT id, purpose, original_name, content_type, size_bytes, uploaded_by, uploaded_at
				FROM nomination_attachment WHERE nomination_id = :n ORDER BY id
				""").param("n", nominationId)
			.query((rs, i) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getLong(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
			.list();
	}

	/** Stores an upload after checking its size and content type; refused with a clear message. */
	@Transactional
	public long store(CurrentUser user, long nominationId, String purpose, String originalName,
			InputStreamSource content) {
		NominationView n = nominations.nomination(user, nominationId);
		if (!n.status().isEditable()) {
			throw new RuleViolationException("file", "award.error.notEditable");
		}
		if (!List.of("DEEDS", "DECISION", "POSTING").contains(purpose)) {
			throw new RuleViolationException("purpose", "validation.required");
		}
		byte[] bytes = read(content);
		if (bytes.length == 0) {
			throw new RuleViolationException("file", "award.error.fileEmpty");
		}
		AttachmentType type = AttachmentType.sniff(bytes, Math.min(bytes.length, AttachmentType.HEADER_LENGTH))
			.orElseThrow(() -> new RuleViolationException("file", "award.error.fileType"));
		String key = HexFormat.of().formatHex(randomBytes());
		Path target = directory.resolve(key);
		try {
			PrivateFiles.createDirectories(directory);
			try (OutputStream out = cipher.encryptingFile(PrivateFiles.newOutputStream(target))) {
				out.write(bytes);
			}
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					target.toFile().delete();
				}
			}
		});
		String name = cleanName(originalName, type);
		org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO nomination_attachment (nomination_id, purpose, original_name, content_type, size_bytes,
				  storage_key, sha256, uploaded_by, uploaded_at)
				VALUES (:n, :p, :name, :type, :size, :key, :sha, :by, :at)
				""").param("n", nominationId).param("p", purpose).param("name", name).param("type", type.contentType())
			.param("size", bytes.length).param("key", key).param("sha", sha256(bytes)).param("by", user.username())
			.param("at", Timestamp.from(clock.instant())).update(keys, "id");
		rows.step(n, user.username(), "ATTACHED", purpose + ": " + name + " (" + bytes.length + " B)");
		return keys.getKey().longValue();
	}

	/** An attachment's content for staff who may see the nomination (audited). */
	@Transactional
	public Download open(CurrentUser user, long nominationId, long attachmentId) {
		NominationView n = nominations.nomination(user, nominationId);
		record Stored(String name, String type, String key) {
		}
		Stored stored = jdbc.sql("SELECT original_name, content_type, storage_key FROM nomination_attachment WHERE id = :id AND nomination_id = :n")
			.param("id", attachmentId).param("n", nominationId)
			.query((rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3))).optional()
			.orElseThrow(() -> new NotFoundException("attachment", attachmentId));
		try (InputStream in = cipher.decryptingFile(Files.newInputStream(directory.resolve(stored.key())))) {
			byte[] bytes = in.readAllBytes();
			rows.step(n, user.username(), "ATTACHMENT_OPENED", stored.name());
			return new Download(stored.name(), stored.type(), bytes);
		}
		catch (IOException failure) {
			throw new NotFoundException("attachment content", attachmentId);
		}
	}

	private byte[] read(InputStreamSource content) {
		try (InputStream in = content.getInputStream()) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[16 * 1024];
			int n;
			while ((n = in.read(buffer)) != -1) {
				if (out.size() + n > maxBytes) {
					throw new RuleViolationException("file", "award.error.fileTooLarge", maxBytes / (1024 * 1024));
				}
				out.write(buffer, 0, n);
			}
			return out.toByteArray();
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}

	/** The file name as given, without directories or control characters, with the real extension. */
	static String cleanName(String original, AttachmentType type) {
		String name = original == null ? "" : original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
		if (name.isEmpty()) {
			name = "attachment";
		}
		if (name.length() > 150) {
			name = name.substring(0, 150);
		}
		return name.toLowerCase(java.util.Locale.ROOT).endsWith(type.extension()) ? name : name + type.extension();
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException missing) {
			throw new IllegalStateException(missing);
		}
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return bytes;
	}
}
