package cn.unionportal.aid.files;

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
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.unionportal.aid.AidSettings;
import cn.unionportal.shared.AttachmentType;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.crypto.PersonalDataCipher;
import cn.unionportal.shared.crypto.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The bytes of evidence attachments on disk (issue 9, split from {@link AttachmentStore}, which
 * keeps the rows, the scope and the audit): under {@code portal.aid.attachments-dir}, outside the
 * web root, under a random storage key, encrypted with the data key (streamed AES-GCM) in files
 * only the portal's user may read (0600 in a 0700 directory). Uploads are sniffed, measured and
 * hashed from the clear bytes while they are written.
 */
@Component
class AttachmentFiles implements SmartInitializingSingleton {

	private static final Logger LOG = LoggerFactory.getLogger(AttachmentFiles.class);

	private static final Pattern STORAGE_KEY = Pattern.compile("[0-9a-f]{32}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AidSettings settings;

	private final PersonalDataCipher cipher;

	private final Path directory;

	AttachmentFiles(AidSettings settings, PersonalDataCipher cipher,
			@Value("${portal.aid.attachments-dir:./data/attachments}") String directory) {
		this.settings = settings;
		this.cipher = cipher;
		this.directory = Path.of(directory).toAbsolutePath().normalize();
	}

	/** An upload as received: its type by content, its clear size and SHA-256, and its storage key. */
	record Received(String key, AttachmentType type, long size, String sha256) {
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
	long maxBytes() {
		return settings.attachmentMaxBytes();
	}

	/**
	 * Receives an upload under a new storage key, encrypted. Refused ({@link RuleViolationException}
	 * on field {@code file}) when empty, too large or not a PDF, JPEG or PNG by content.
	 */
	Received receive(InputStreamSource content) {
		String key = HexFormat.of().formatHex(randomBytes());
		return receive(key, content, directory.resolve(key + ".part"), directory.resolve(key));
	}

	/** The clear bytes of a stored attachment, decrypted while they are read; 404 when they are gone. */
	Optional<Resource> open(String storageKey, long sizeBytes) {
		Path path = pathOf(storageKey);
		return Files.isRegularFile(path) ? Optional.of(new DecryptedFile(path, sizeBytes)) : Optional.empty();
	}

	/** Deletes the stored bytes (quietly: an orphan file without a row is harmless and never served). */
	void delete(String storageKey) {
		deleteQuietly(pathOf(storageKey));
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

	/** Copies the upload to {@code part} while counting, hashing and sniffing, then moves it to {@code target}. */
	private Received receive(String key, InputStreamSource content, Path part, Path target) {
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
			return new Received(key, recognised, size, HexFormat.of().formatHex(sha.digest()));
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
