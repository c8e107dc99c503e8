package cn.unionportal.shared.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PublicBaseUrlTest {

	@Test
	void theEmbeddedDefaultAndTheGeneratorFallBackToLocalhost() {
		assertThat(new PublicBaseUrl("", "jdbc:h2:file:./data/portal;MODE=PostgreSQL", "").value())
			.isEqualTo("http://localhost:8080");
		assertThat(new PublicBaseUrl(" ", "jdbc:postgresql://db:5432/portal", "weihai").value())
			.isEqualTo("http://localhost:8080");
	}

	@Test
	void postgresqlWithoutTheSettingStopsTheStartWithAMessageNamingIt() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new PublicBaseUrl("", "jdbc:postgresql://db:5432/portal", ""))
			.withMessageContaining("portal.public-base-url")
			.withMessageContaining("PORTAL_PUBLIC_BASE_URL");
	}

	@Test
	void aMalformedSettingStopsTheStart() {
		for (String bad : new String[] { "portal.example.cn", "ftp://portal.example.cn", "https://", "https://x.cn/?a=1",
				"https://x.cn/#top", "https://user@x.cn", "http://exa mple.cn" }) {
			assertThatIllegalStateException().as(bad)
				.isThrownBy(() -> new PublicBaseUrl(bad, "jdbc:h2:mem:x", ""))
				.withMessageContaining("portal.public-base-url");
		}
	}

	@Test
	void linksStartWithTheConfiguredBaseWhateverItsTrailingSlash() {
		PublicBaseUrl base = new PublicBaseUrl("https://gh.weihai.example/portal/", "jdbc:postgresql://db/portal", "");
		assertThat(base.value()).isEqualTo("https://gh.weihai.example/portal");
		assertThat(base.link("/status", null, null)).isEqualTo("https://gh.weihai.example/portal/status");
		assertThat(base.link("/status", "code", "AB12CD34")).isEqualTo("https://gh.weihai.example/portal/status?code=AB12CD34");
	}
}
