package cn.unionportal.aid;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What the thresholds page shows (issue 9, item 7): the districts around the user, with their amounts. */
class AidThresholdsPageTest extends PostgresIntegrationTest {

	private String page(String user) throws Exception {
		return mvc.perform(get("/aid/thresholds").param("year", String.valueOf(LocalDate.now().getYear()))
			.with(demo.as(user))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void theFederationSeesEveryDistrictAndADistrictOnlyItsOwn() throws Exception {
		long wendeng = demo.org("文登区总工会");
		long huancui = demo.org("环翠区总工会");
		int year = LocalDate.now().getYear();
		String wendengAmount = jdbc.queryForObject(
				"SELECT CAST(monthly_amount AS VARCHAR(20)) FROM aid_threshold WHERE district_id = ? AND aid_year = ?",
				String.class, wendeng, year);

		String all = page("admin");
		assertThat(all).contains("文登区总工会", "环翠区总工会").contains(wendengAmount);

		String own = page("wendeng");
		assertThat(own).contains("文登区总工会").contains(wendengAmount);
		assertThat(own).as("another district is outside wendeng's scope").doesNotContain("环翠区总工会");
		assertThat(own).doesNotContain("value=\"" + huancui + "\"");
	}
}
