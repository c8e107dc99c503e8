package cn.unionportal.shared.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts short personal strings (identity document numbers, phone numbers)
 * with AES-256-GCM and computes keyed lookup hashes for equality searches.
 *
 * <p>Two independent sub-keys are derived from the 32-byte master key:
 * {@code HMAC-SHA256(master, "union-portal/pii/encrypt/v1")} for AES-GCM and
 * {@code HMAC-SHA256(master, "union-portal/pii/lookup/v1")} for the lookup hash,
 * so a leaked lookup key never helps to decrypt, and vice versa. A third,
 * {@code HMAC-SHA256(master, "union-portal/files/encrypt/v1")}, encrypts files
 * (evidence attachments) as a stream ({@link #encryptingFile(OutputStream)}).
 *
 * <p>Encrypted form: URL-safe Base64 without padding of
 * {@code version (1 byte, 0x01) || IV (12 random bytes) || ciphertext || GCM tag (16 bytes)}.
 * The version byte is also bound as additional authenticated data. An 11-digit
 * phone number encrypts to 54 characters, an 18-character ID number to 63.
 *
 * <p>{@code null} is passed through unchanged by {@link #encrypt(String)},
 * {@link #decrypt(String)} and {@link #lookupHash(String)}, which suits nullable
 * columns. Instances are immutable and thread-safe.
 */
public final class PersonalDataCipher {

	/** Required master key length in bytes (AES-256). */
	public static final int KEY_LENGTH = 32;

	static final byte VERSION = 0x01;
	static final int IV_LENGTH = 12;
	static final int TAG_BITS = 128;

	private static final String ENCRYPT_LABEL = "union-portal/pii/encrypt/v1";
	private static final String LOOKUP_LABEL = "union-portal/pii/lookup/v1";
	private static final String FILE_LABEL = "union-portal/files/encrypt/v1";
	private static final String HMAC = "HmacSHA256";
	private static final String TRANSFORMATION = "AES/GCM/NoPadding";
	private static final int MIN_ENCODED_BYTES = 1 + IV_LENGTH + TAG_BITS / 8;

	private final SecretKey encryptionKey;
	private final SecretKey lookupKey;
	private final SecretKey fileKey;
	/** Per thread, so concurrent import writers do not queue on one generator for their IVs. */
	private final ThreadLocal<SecureRandom> random = ThreadLocal.withInitial(SecureRandom::new);

	/** Per thread: a Mac keyed for lookups and a Cipher instance (bulk imports call these 100,000s of times). */
	private final ThreadLocal<Mac> lookupMac;

	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(PersonalDataCipher::newCipher);

	/**
	 * Creates a cipher from the raw master key. The array is copied; callers may
	 * wipe their own copy afterwards.
	 *
	 * @param masterKey exactly {@value #KEY_LENGTH} bytes
	 * @throws IllegalArgumentException if the key is null or has the wrong length
	 */
	public PersonalDataCipher(byte[] masterKey) {
		requireKeyLength(masterKey);
		byte[] encryption = hmac(masterKey, ENCRYPT_LABEL);
		byte[] lookup = hmac(masterKey, LOOKUP_LABEL);
		byte[] files = hmac(masterKey, FILE_LABEL);
		this.encryptionKey = new SecretKeySpec(encryption, "AES");
		this.fileKey = new SecretKeySpec(files, "AES");
		this.lookupKey = new SecretKeySpec(lookup, HMAC);
		SecretKey keyForLookups = this.lookupKey;
		this.lookupMac = ThreadLocal.withInitial(() -> newMac(keyForLookups));
		Arrays.fill(encryption, (byte) 0);
		Arrays.fill(lookup, (byte) 0);
		Arrays.fill(files, (byte) 0);
	}

	/**
	 * Creates a cipher from a Base64 (standard or URL-safe) encoded master key.
	 *
	 * @param base64Key the encoded 32-byte key, surrounding whitespace ignored
	 * @return a ready cipher
	 * @throws IllegalArgumentException if the text is blank, not Base64, or does
	 *         not decode to exactly 32 bytes; the message never contains key material
	 */
	public static PersonalDataCipher fromBase64(String base64Key) {
		byte[] key = decodeKey(base64Key);
		try {
			return new PersonalDataCipher(key);
		}
		finally {
			Arrays.fill(key, (byte) 0);
		}
	}

	/**
	 * Encrypts a value with a fresh random IV.
	 *
	 * @param plaintext the value, or {@code null}
	 * @return the compact encrypted form, or {@code null} for {@code null} input
	 */
	public String encrypt(String plaintext) {
		if (plaintext == null) {
			return null;
		}
		byte[] iv = new byte[IV_LENGTH];
		random.get().nextBytes(iv);
		byte[] sealed = runCipher(Cipher.ENCRYPT_MODE, iv, plaintext.getBytes(StandardCharsets.UTF_8));
		ByteBuffer out = ByteBuffer.allocate(1 + IV_LENGTH + sealed.length);
		out.put(VERSION).put(iv).put(sealed);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
	}

	/**
	 * Decrypts a value produced by {@link #encrypt(String)}.
	 *
	 * @param encrypted the compact encrypted form, or {@code null}
	 * @return the plaintext, or {@code null} for {@code null} input
	 * @throws IllegalArgumentException if the value is malformed, has an unknown
	 *         version, was tampered with, or was encrypted under another key
	 */
	public String decrypt(String encrypted) {
		if (encrypted == null) {
			return null;
		}
		byte[] raw = decodePayload(encrypted);
		if (raw[0] != VERSION) {
			throw new IllegalArgumentException("Unsupported encrypted value version " + raw[0]);
		}
		byte[] iv = Arrays.copyOfRange(raw, 1, 1 + IV_LENGTH);
		byte[] sealed = Arrays.copyOfRange(raw, 1 + IV_LENGTH, raw.length);
		return new String(runCipher(Cipher.DECRYPT_MODE, iv, sealed), StandardCharsets.UTF_8);
	}

	/**
	 * Computes a keyed, deterministic hash for equality lookups. The value is
	 * normalized first (trimmed, upper-cased with {@link Locale#ROOT}), so
	 * {@code "11010519491231002x "} and {@code "11010519491231002X"} match.
	 *
	 * @param value the value, or {@code null}
	 * @return 64 lowercase hex characters, or {@code null} for {@code null} input
	 */
	public String lookupHash(String value) {
		if (value == null) {
			return null;
		}
		String normalized = value.trim().toUpperCase(Locale.ROOT);
		return HexFormat.of().formatHex(lookupMac.get().doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Wraps {@code out} so that what is written to it is stored encrypted (streamed AES-256-GCM in
	 * 64 KiB segments under a third sub-key, see {@link SegmentedGcm}); closing the returned stream
	 * seals the last segment and closes {@code out}.
	 */
	public OutputStream encryptingFile(OutputStream out) throws IOException {
		return SegmentedGcm.encrypting(fileKey, out);
	}

	/**
	 * Reads a file written through {@link #encryptingFile(OutputStream)}. A file that was altered,
	 * cut short or encrypted under another key fails with an {@link IOException} while reading.
	 *
	 * @throws IOException if {@code in} does not start with the encrypted file header
	 */
	public InputStream decryptingFile(InputStream in) throws IOException {
		return SegmentedGcm.decrypting(fileKey, in);
	}

	/** Bytes to read from the start of a file to tell with {@link #isEncryptedFile} whether it is encrypted. */
	public static final int FILE_HEADER_LENGTH = SegmentedGcm.MAGIC.length;

	/** Whether a file's first bytes are the header of {@link #encryptingFile(OutputStream)}. */
	public static boolean isEncryptedFile(byte[] header, int length) {
		return SegmentedGcm.isEncrypted(header, length);
	}

	private byte[] runCipher(int mode, byte[] iv, byte[] input) {
		try {
			Cipher cipher = ciphers.get();
			cipher.init(mode, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(new byte[] { VERSION });
			return cipher.doFinal(input);
		}
		catch (javax.crypto.AEADBadTagException ex) {
			throw new IllegalArgumentException(
					"Encrypted value failed authentication: it was altered or encrypted with another key", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is unavailable or misconfigured", ex);
		}
	}

	private static byte[] decodePayload(String encrypted) {
		byte[] raw;
		try {
			raw = Base64.getUrlDecoder().decode(encrypted.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Encrypted value is not valid URL-safe Base64", ex);
		}
		if (raw.length < MIN_ENCODED_BYTES) {
			throw new IllegalArgumentException("Encrypted value is too short (" + raw.length + " bytes)");
		}
		return raw;
	}

	static byte[] decodeKey(String base64Key) {
		if (base64Key == null || base64Key.isBlank()) {
			throw new IllegalArgumentException("Personal data master key is missing (expected Base64 of 32 bytes)");
		}
		String text = base64Key.trim();
		byte[] key;
		try {
			key = (text.indexOf('-') >= 0 || text.indexOf('_') >= 0)
					? Base64.getUrlDecoder().decode(text) : Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Personal data master key is not valid Base64");
		}
		if (key.length != KEY_LENGTH) {
			int length = key.length;
			Arrays.fill(key, (byte) 0);
			throw new IllegalArgumentException("Personal data master key must decode to " + KEY_LENGTH
					+ " bytes (256 bits) but decodes to " + length + " bytes");
		}
		return key;
	}

	private static void requireKeyLength(byte[] masterKey) {
		if (masterKey == null || masterKey.length != KEY_LENGTH) {
			throw new IllegalArgumentException("Personal data master key must be " + KEY_LENGTH
					+ " bytes (256 bits) but was " + (masterKey == null ? "null" : masterKey.length + " bytes"));
		}
	}

	private static byte[] hmac(byte[] key, String label) {
		Mac mac = newMac(new SecretKeySpec(key, HMAC));
		return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
	}

	private static Cipher newCipher() {
		try {
			return Cipher.getInstance(TRANSFORMATION);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is unavailable", ex);
		}
	}

	private static Mac newMac(SecretKey key) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}
}
