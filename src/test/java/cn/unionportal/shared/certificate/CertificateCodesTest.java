package cn.unionportal.shared.certificate;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateCodesTest {

	@Test
	void newCodesAreNormalizedTwelveCharactersAndDoNotRepeat() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String code = CertificateCodes.newCode();
			assertThat(code).hasSize(12).matches("[0-9A-HJKMNP-TV-Z]{12}");
			assertThat(CertificateCodes.normalize(code)).contains(code);
			assertThat(seen.add(code)).isTrue();
		}
	}

	@Test
	void typedCodesAreReadForgivingly() {
		assertThat(CertificateCodes.display("7KQ2M9XD4RTB")).isEqualTo("7KQ2-M9XD-4RTB");
		assertThat(CertificateCodes.normalize(" 7kq2-m9xd-4rtb ")).contains("7KQ2M9XD4RTB");
		assertThat(CertificateCodes.normalize("OIL2 M9XD 4RTB")).contains("0112M9XD4RTB");
		assertThat(CertificateCodes.normalize("7KQ2-M9XD-4RT")).isEmpty();
		assertThat(CertificateCodes.normalize("7KQ2-M9XD-4RTBX")).isEmpty();
		assertThat(CertificateCodes.normalize("7KQ2-M9XD-4RTU")).isEmpty();
		assertThat(CertificateCodes.normalize("王KQ2-M9XD-4RTB")).isEmpty();
		assertThat(CertificateCodes.normalize(null)).isEmpty();
	}
}
