package cn.unionportal.shared.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Creates and loads the 32-byte personal data master key.
 *
 * <p>The key file holds the standard Base64 encoding of the key followed by a
 * newline. New files are created atomically ({@code CREATE_NEW}) with
 * {@code rw-------} permissions in a {@code rwx------} directory ({@link PrivateFiles});
 * an existing key file is restricted the same way when it is loaded.
 */
public final class DataKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

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
		PrivateFiles.restrict(file);
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
			PrivateFiles.createDirectories(parent);
		}
		byte[] content = (generateBase64() + "\n").getBytes(StandardCharsets.US_ASCII);
		try (OutputStream out = PrivateFiles.newOutputStream(file)) {
			out.write(content);
		}
		finally {
			Arrays.fill(content, (byte) 0);
		}
	}
}
