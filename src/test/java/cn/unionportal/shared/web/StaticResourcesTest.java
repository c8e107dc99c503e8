package cn.unionportal.shared.web;

import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Static resources live under their own prefixes only, so page links never go through the
 * resource chain (issue 13: with Boot's catch-all {@code /**} mapping every link cost class path
 * lookups); WebJars stay version-agnostic in templates and versioned in pages.
 */
class StaticResourcesTest extends PostgresIntegrationTest {

	@Autowired
	ResourceUrlProvider resourceUrls;

	@Test
	void onlyTheResourcePrefixesAreMappedSoPageLinksAreNotLookedUp() {
		assertThat(resourceUrls.getHandlerMap().keySet()).containsExactlyInAnyOrder("/webjars/**", "/css/**", "/js/**");
		assertThat(resourceUrls.getForLookupPath("/members/12345")).isNull();
		assertThat(resourceUrls.getForLookupPath("/webjars/bootstrap/css/bootstrap.min.css"))
			.isEqualTo("/webjars/bootstrap/5.3.8/css/bootstrap.min.css");
	}

	@Test
	void resourcesAreServedWithCacheHeadersAndPagesLinkTheVersionedWebJar() throws Exception {
		mvc.perform(get("/webjars/bootstrap/5.3.8/css/bootstrap.min.css"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("max-age=31536000")));
		mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk());
		mvc.perform(get("/css/portal.css"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("max-age=3600")));
		mvc.perform(get("/js/portal.js")).andExpect(status().isOk());
		mvc.perform(get("/css/portal.js")).andExpect(status().isNotFound());
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/webjars/bootstrap/5.3.8/css/bootstrap.min.css")))
			.andExpect(content().string(containsString("/css/portal.css")));
	}
}
