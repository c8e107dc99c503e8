package cn.unionportal.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

	private static byte[] key(int seed) {
		byte[] key = new byte[32];
		for (int i = 0; i < key.length; i++) {
			key[i] = (byte) (seed + i);
		}
		return key;
	}

	private final PersonalDataCipher cipher = new PersonalDataCipher(key(1));

	@Test
	void roundTripsIdNumberPhoneAndChineseText() {
		assertThat(cipher.decrypt(cipher.encrypt("11010519491231002X"))).isEqualTo("11010519491231002X");
		assertThat(cipher.decrypt(cipher.encrypt("13812345678"))).isEqualTo("13812345678");
		assertThat(cipher.decrypt(cipher.encrypt("王建初"))).isEqualTo("王建初");
		assertThat(cipher.decrypt(cipher.encrypt(""))).isEqualTo("");
	}

	@Test
	void nullPassesThrough() {
		assertThat(cipher.encrypt(null)).isNull();
		assertThat(cipher.decrypt(null)).isNull();
		assertThat(cipher.lookupHash(null)).isNull();
	}

	@Test
	void encryptedFormIsCompactVersionedUrlSafeBase64() {
		String encrypted = cipher.encrypt("11010519491231002X");
		byte[] raw = Base64.getUrlDecoder().decode(encrypted);

		assertThat(encrypted).hasSize(63).matches("[A-Za-z0-9_-]+");
		assertThat(raw).hasSize(1 + 12 + 18 + 16);
		assertThat(raw[0]).isEqualTo((byte) 0x01);
		assertThat(cipher.encrypt("13812345678")).hasSize(54);
	}

	@Test
	void sameValueEncryptsDifferentlyEachTimeWithDifferentIvs() {
		String first = cipher.encrypt("13812345678");
		String second = cipher.encrypt("13812345678");

		assertThat(first).isNotEqualTo(second);
		byte[] firstIv = Arrays.copyOfRange(Base64.getUrlDecoder().decode(first), 1, 13);
		byte[] secondIv = Arrays.copyOfRange(Base64.getUrlDecoder().decode(second), 1, 13);
		assertThat(firstIv).isNotEqualTo(secondIv);
	}

	@Test
	void everyFlippedBitIsDetected() {
		byte[] raw = Base64.getUrlDecoder().decode(cipher.encrypt("13812345678"));
		for (int i = 1; i < raw.length; i++) {
			byte[] tampered = raw.clone();
			tampered[i] ^= 0x01;
			String text = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
			assertThatIllegalArgumentException().as("byte %d", i)
				.isThrownBy(() -> cipher.decrypt(text))
				.withMessageContaining("failed authentication");
		}
	}

	@Test
	void unknownVersionIsRejected() {
		byte[] raw = Base64.getUrlDecoder().decode(cipher.encrypt("13812345678"));
		raw[0] = 0x02;
		String text = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

		assertThatIllegalArgumentException().isThrownBy(() -> cipher.decrypt(text))
			.withMessage("Unsupported encrypted value version 2");
	}

	@Test
	void malformedInputIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> cipher.decrypt("not base64!"))
			.withMessage("Encrypted value is not valid URL-safe Base64");
		assertThatIllegalArgumentException().isThrownBy(() -> cipher.decrypt("AQID"))
			.withMessage("Encrypted value is too short (3 bytes)");
	}

	@Test
	void valueEncryptedUnderAnotherKeyCannotBeDecrypted() {
		String encrypted = new PersonalDataCipher(key(2)).encrypt("13812345678");

		assertThatIllegalArgumentException().isThrownBy(() -> cipher.decrypt(encrypted))
			.withMessageContaining("encrypted with another key");
	}

	@Test
	void decryptsValueBuiltIndependentlyFromTheDocumentedFormat() throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key(1), "HmacSHA256"));
		byte[] aesKey = mac.doFinal("union-portal/pii/encrypt/v1".getBytes(StandardCharsets.UTF_8));
		byte[] iv = new byte[12];
		Arrays.fill(iv, (byte) 7);
		Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
		aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, iv));
		aes.updateAAD(new byte[] { 0x01 });
		byte[] sealed = aes.doFinal("13812345678".getBytes(StandardCharsets.UTF_8));
		byte[] payload = new byte[1 + iv.length + sealed.length];
		payload[0] = 0x01;
		System.arraycopy(iv, 0, payload, 1, iv.length);
		System.arraycopy(sealed, 0, payload, 1 + iv.length, sealed.length);

		assertThat(cipher.decrypt(Base64.getUrlEncoder().withoutPadding().encodeToString(payload)))
			.isEqualTo("13812345678");
	}

	@Test
	void lookupHashIsStableLowerHexAndNormalized() {
		String hash = cipher.lookupHash("11010519491231002X");

		assertThat(hash).hasSize(64).matches("[0-9a-f]{64}");
		assertThat(cipher.lookupHash("11010519491231002X")).isEqualTo(hash);
		assertThat(cipher.lookupHash("  11010519491231002x ")).isEqualTo(hash);
		assertThat(new PersonalDataCipher(key(1)).lookupHash("11010519491231002X")).isEqualTo(hash);
		assertThat(cipher.lookupHash("110105194912310021")).isNotEqualTo(hash);
	}

	@Test
	void lookupHashMatchesDocumentedDerivation() throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key(1), "HmacSHA256"));
		byte[] lookupKey = mac.doFinal("union-portal/pii/lookup/v1".getBytes(StandardCharsets.UTF_8));
		mac.init(new SecretKeySpec(lookupKey, "HmacSHA256"));
		String expected = HexFormat.of().formatHex(mac.doFinal("ABC123".getBytes(StandardCharsets.UTF_8)));

		assertThat(cipher.lookupHash(" abc123 ")).isEqualTo(expected);
	}

	@Test
	void lookupHashDependsOnKeyAndDiffersFromPlainSha256() throws Exception {
		String hash = cipher.lookupHash("13812345678");
		String sha = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest("13812345678".getBytes(StandardCharsets.UTF_8)));

		assertThat(new PersonalDataCipher(key(2)).lookupHash("13812345678")).isNotEqualTo(hash);
		assertThat(hash).isNotEqualTo(sha);
	}

	@Test
	void constructorRejectsWrongKeyLength() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PersonalDataCipher(new byte[16]))
			.withMessage("Personal data master key must be 32 bytes (256 bits) but was 16 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> new PersonalDataCipher(null))
			.withMessage("Personal data master key must be 32 bytes (256 bits) but was null");
	}

	@Test
	void fromBase64AcceptsStandardAndUrlSafeEncodings() {
		byte[] key = key(-7);
		String standard = Base64.getEncoder().encodeToString(key);
		String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
		String encrypted = new PersonalDataCipher(key).encrypt("13812345678");

		assertThat(PersonalDataCipher.fromBase64(" " + standard + "\n").decrypt(encrypted)).isEqualTo("13812345678");
		assertThat(PersonalDataCipher.fromBase64(urlSafe).decrypt(encrypted)).isEqualTo("13812345678");
	}

	@Test
	void fromBase64GivesClearMessages() {
		String shortKey = Base64.getEncoder().encodeToString(new byte[31]);

		assertThatIllegalArgumentException().isThrownBy(() -> PersonalDataCipher.fromBase64(shortKey))
			.withMessage("Personal data master key must decode to 32 bytes (256 bits) but decodes to 31 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> PersonalDataCipher.fromBase64("%%%"))
			.withMessage("Personal data master key is not valid Base64");
		assertThatIllegalArgumentException().isThrownBy(() -> PersonalDataCipher.fromBase64("  "))
			.withMessage("Personal data master key is missing (expected Base64 of 32 bytes)");
		assertThatIllegalArgumentException().isThrownBy(() -> PersonalDataCipher.fromBase64(null))
			.withMessage("Personal data master key is missing (expected Base64 of 32 bytes)");
	}

	@Test
	void callerMayWipeKeyArrayAfterConstruction() {
		byte[] key = key(1);
		PersonalDataCipher copy = new PersonalDataCipher(key);
		Arrays.fill(key, (byte) 0);

		assertThat(copy.decrypt(cipher.encrypt("13812345678"))).isEqualTo("13812345678");
	}
}
