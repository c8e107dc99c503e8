package cn.unionportal.aid;

import cn.unionportal.aid.funding.AidPolicyKey;

import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The policy page: everyone reads the yearly rules; federation administrators change them (a year
 * without rules starts from the latest earlier year); each change is audited.
 */
@Transactional
class AidPolicyTest extends PostgresIntegrationTest {

	private MockHttpServletRequestBuilder save(int year, String user, String key, String value) {
		MockHttpServletRequestBuilder request = post("/aid/policy").param("year", String.valueOf(year))
			.with(csrf())
			.with(demo.as(user));
		for (AidPolicyKey k : AidPolicyKey.values()) {
			String v = AidAmountRulesTest.defaults().get(k).toPlainString();
			request.param(k.name(), k.name().equals(key) ? value : v);
		}
		return request;
	}

	@Test
	void everyoneReadsThePolicyOnlyFederationAdministratorsChangeIt() throws Exception {
		String page = mvc.perform(get("/aid/policy").param("year", "2026").with(demo.as("huancui")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("MEDICAL_CAP").contains("value=\"30000\"").contains("readonly");
		mvc.perform(save(2026, "huancui", "MEDICAL_CAP", "1")).andExpect(status().isForbidden());
		mvc.perform(save(2026, "wendeng", "MEDICAL_CAP", "1")).andExpect(status().isForbidden());

		mvc.perform(save(2026, "admin", "MEDICAL_CAP", "35000")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT rule_value FROM aid_policy WHERE aid_year = 2026 AND rule_key = 'MEDICAL_CAP'",
				java.math.BigDecimal.class)).isEqualByComparingTo("35000");
		assertThat(jdbc.queryForObject("SELECT details FROM audit_event WHERE subject_type = 'AID_POLICY' AND action = 'AID_POLICY_CHANGED' ORDER BY id DESC LIMIT 1",
				String.class)).isEqualTo("year 2026: MEDICAL_CAP: 30000 → 35000");
	}

	@Test
	void aYearWithoutRulesShowsTheLatestEarlierYearAndSavingCopiesThem() throws Exception {
		String page = mvc.perform(get("/aid/policy").param("year", "2031").with(demo.as("admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("2031 年尚未设置标准，以下为 2026 年的标准");
		mvc.perform(save(2031, "admin", "HOLIDAY_VISIT", "800")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM aid_policy WHERE aid_year = 2031", Long.class))
			.isEqualTo(AidPolicyKey.values().length);
		assertThat(jdbc.queryForObject("SELECT rule_value FROM aid_policy WHERE aid_year = 2031 AND rule_key = 'HOLIDAY_VISIT'",
				java.math.BigDecimal.class)).isEqualByComparingTo("800");
	}

	@Test
	void ratesLieBetweenZeroAndOne() throws Exception {
		String page = mvc.perform(save(2026, "admin", "MEDICAL_RATE_DEEP", "80")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("比例应在 0 到 1 之间");
		assertThat(jdbc.queryForObject("SELECT rule_value FROM aid_policy WHERE aid_year = 2026 AND rule_key = 'MEDICAL_RATE_DEEP'",
				java.math.BigDecimal.class)).isEqualByComparingTo("0.8");
	}
}
