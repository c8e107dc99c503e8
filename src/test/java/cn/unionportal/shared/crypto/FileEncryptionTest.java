package cn.unionportal.shared.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Streamed file encryption: round trips at segment edges, and every kind of tampering is detected. */
class FileEncryptionTest {

	static final PersonalDataCipher CIPHER = PersonalDataCipher.fromBase64("dGVzdC1rZXktZm9yLXVuaW9uLXBvcnRhbC10ZXN0cyE=");

	static final int SEGMENT = SegmentedGcm.SEGMENT;

	static byte[] encrypt(PersonalDataCipher cipher, byte[] plain) throws IOException {
		ByteArrayOutputStream sink = new ByteArrayOutputStream();
		try (OutputStream out = cipher.encryptingFile(sink)) {
			// odd write sizes cross segment boundaries
			for (int from = 0; from < plain.length; from += 1000) {
				out.write(plain, from, Math.min(1000, plain.length - from));
			}
		}
		return sink.toByteArray();
	}

	static byte[] decrypt(PersonalDataCipher cipher, byte[] sealed) throws IOException {
		try (InputStream in = cipher.decryptingFile(new ByteArrayInputStream(sealed))) {
			return in.readAllBytes();
		}
	}

	static byte[] random(int length) {
		byte[] bytes = new byte[length];
		new Random(length).nextBytes(bytes);
		return bytes;
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 65535, 65536, 65537, 2 * 65536, 200_000 })
	void roundTripsAtEverySize(int length) throws IOException {
		byte[] plain = random(length);
		byte[] sealed = encrypt(CIPHER, plain);

		assertThat(PersonalDataCipher.isEncryptedFile(sealed, sealed.length)).isTrue();
		assertThat(decrypt(CIPHER, sealed)).isEqualTo(plain);
		assertThat(encrypt(CIPHER, plain)).as("a random nonce prefix per file").isNotEqualTo(sealed);
	}

	@Test
	void clearEvidenceIsNotTakenForEncrypted() {
		byte[] pdf = "%PDF-1.7".getBytes();
		assertThat(PersonalDataCipher.isEncryptedFile(pdf, pdf.length)).isFalse();
		assertThatThrownBy(() -> decrypt(CIPHER, pdf)).isInstanceOf(IOException.class);
	}

	@Test
	void aFlippedBitATruncationOrAnotherKeyFails() throws IOException {
		byte[] plain = random(3 * SEGMENT + 10);
		byte[] sealed = encrypt(CIPHER, plain);

		byte[] flipped = sealed.clone();
		flipped[SegmentedGcm.HEADER_LENGTH + 10] ^= 1;
		assertThatThrownBy(() -> decrypt(CIPHER, flipped)).isInstanceOf(IOException.class);

		byte[] lastSegmentDropped = Arrays.copyOf(sealed, SegmentedGcm.HEADER_LENGTH + 3 * (SEGMENT + 16));
		assertThatThrownBy(() -> decrypt(CIPHER, lastSegmentDropped)).isInstanceOf(IOException.class);

		byte[] cut = Arrays.copyOf(sealed, sealed.length - 5);
		assertThatThrownBy(() -> decrypt(CIPHER, cut)).isInstanceOf(IOException.class);

		PersonalDataCipher other = new PersonalDataCipher(new byte[32]);
		assertThatThrownBy(() -> decrypt(other, sealed)).isInstanceOf(IOException.class);
	}
}
