package cn.unionportal.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

/**
 * Creates and loads the 32-byte personal data master key.
 *
 * <p>The key file holds the standard Base64 encoding of the key followed by a
 * newline. New files are created atomically ({@code CREATE_NEW}) with
 * {@code rw-------} permissions where the file system supports POSIX
 * attributes; elsewhere read/write access is restricted to the owner on a
 * best-effort basis.
 */
public final class DataKeys {

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private DataKeys() {
	}

	/**
	 * Generates a new random master key.
	 *
	 * @return standard Base64 (with padding) of 32 random bytes, 44 characters
	 */
	public static String generateBase64() {
		byte[] key = new byte[PersonalDataCipher.KEY_LENGTH];
		RANDOM.nextBytes(key);
		try {
			return Base64.getEncoder().encodeToString(key);
		}
		finally {
			Arrays.fill(key, (byte) 0);
		}
	}

	/**
	 * Reads the master key from {@code file}, creating the file (and missing
	 * parent directories) with a fresh random key if it does not exist.
	 *
	 * @param file where the key lives
	 * @return the 32-byte key
	 * @throws IllegalArgumentException if an existing file does not hold a valid key
	 * @throws UncheckedIOException if the file cannot be read or written
	 */
	public static byte[] loadOrCreate(Path file) {
		if (!Files.exists(file)) {
			try {
				create(file);
			}
			catch (FileAlreadyExistsException raced) {
				// another process created it first; fall through and read theirs
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot create personal data key file " + file, ex);
			}
		}
		return read(file);
	}

	private static byte[] read(Path file) {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read personal data key file " + file, ex);
		}
		try {
			return PersonalDataCipher.decodeKey(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(ex.getMessage() + " (key file " + file + ")");
		}
	}

	private static void create(Path file) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		byte[] content = (generateBase64() + "\n").getBytes(StandardCharsets.US_ASCII);
		boolean posix = supportsPosix(file);
		if (posix) {
			FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
			Files.createFile(file, ownerOnly);
			Files.write(file, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
		}
		else {
			Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			restrictToOwner(file);
		}
		Arrays.fill(content, (byte) 0);
	}

	private static boolean supportsPosix(Path file) {
		Path parent = file.toAbsolutePath().getParent();
		return parent != null && parent.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	private static void restrictToOwner(Path file) {
		java.io.File f = file.toFile();
		f.setReadable(false, false);
		f.setWritable(false, false);
		f.setReadable(true, true);
		f.setWritable(true, true);
	}
}
