package cn.unionportal.organization;

import java.nio.charset.StandardCharsets;

import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the move page offers (issue 9, item 7): new parents within the user's scope only, never the
 * current parent; an organization outside the scope has no move page (404).
 */
class MovePageTest extends PostgresIntegrationTest {

	private String movePage(long id, String query, String user) throws Exception {
		return mvc.perform(get("/organizations/{id}/move", id).param("q", query).with(demo.as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void targetsStayWithinTheScope() throws Exception {
		long union = demo.org("大明国际控股有限公司威海分公司工会");
		long parent = demo.parentOf(union);
		String parentName = jdbc.queryForObject("SELECT name FROM organization WHERE id = ?", String.class, parent);

		String asAdmin = movePage(union, "总工会", "admin");
		assertThat(asAdmin).contains("环翠区总工会");

		String asWendeng = movePage(union, "总工会", "wendeng");
		assertThat(asWendeng).doesNotContain("环翠区总工会");
		assertThat(asWendeng).as("the current parent is no target")
			.doesNotContain("value=\"" + parent + "\"");
		assertThat(parentName).isNotBlank();

		mvc.perform(get("/organizations/{id}/move", union).with(demo.as("huancui"))).andExpect(status().isNotFound());
	}
}
