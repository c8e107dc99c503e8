package cn.unionportal.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataKeysTest {

	@TempDir
	Path dir;

	@Test
	void generatesBase64Of32RandomBytes() {
		String first = DataKeys.generateBase64();

		assertThat(first).hasSize(44);
		assertThat(Base64.getDecoder().decode(first)).hasSize(32);
		assertThat(DataKeys.generateBase64()).isNotEqualTo(first);
	}

	@Test
	void createsKeyFileThenReadsTheSameKey() throws IOException {
		Path file = dir.resolve("keys/pii.key");

		byte[] created = DataKeys.loadOrCreate(file);
		byte[] reread = DataKeys.loadOrCreate(file);

		assertThat(created).hasSize(32);
		assertThat(reread).isEqualTo(created);
		assertThat(Files.readString(file, StandardCharsets.US_ASCII))
			.isEqualTo(Base64.getEncoder().encodeToString(created) + "\n");
	}

	@Test
	void keyFileIsOwnerOnlyOnPosixFileSystems() throws IOException {
		assumeThat(dir.getFileSystem().supportedFileAttributeViews()).contains("posix");
		Path file = dir.resolve("pii.key");

		DataKeys.loadOrCreate(file);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void readsExistingKeyWrittenByOperator() throws IOException {
		byte[] key = new byte[32];
		key[0] = 42;
		key[31] = -1;
		Path file = dir.resolve("pii.key");
		Files.writeString(file, "  " + Base64.getEncoder().encodeToString(key) + "\r\n");

		assertThat(DataKeys.loadOrCreate(file)).isEqualTo(key);
	}

	@Test
	void loadedKeyDecryptsWhatEarlierKeyEncrypted() {
		Path file = dir.resolve("pii.key");
		String encrypted = new PersonalDataCipher(DataKeys.loadOrCreate(file)).encrypt("37100219900101123X");

		assertThat(new PersonalDataCipher(DataKeys.loadOrCreate(file)).decrypt(encrypted))
			.isEqualTo("37100219900101123X");
	}

	@Test
	void rejectsFileWithWrongKeyLengthAndNamesTheFile() throws IOException {
		Path file = dir.resolve("bad.key");
		Files.writeString(file, Base64.getEncoder().encodeToString(new byte[16]));

		assertThatIllegalArgumentException().isThrownBy(() -> DataKeys.loadOrCreate(file))
			.withMessage("Personal data master key must decode to 32 bytes (256 bits) but decodes to 16 bytes"
					+ " (key file " + file + ")");
		assertThat(Files.readString(file)).isEqualTo(Base64.getEncoder().encodeToString(new byte[16]));
	}
}
