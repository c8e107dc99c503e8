package cn.unionportal.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The number of employees of a grassroots union (issue 12, for the membership rate): recorded on
 * the form, shown on the detail page, kept for grassroots unions only, bad input answered with a
 * message and the form as typed.
 */
class OrganizationEmployeesTest extends PostgresIntegrationTest {

	@Test
	void aGrassrootsUnionRecordsItsEmployees() throws Exception {
		long town = demo.org("大水泊镇工会");
		String name = "职工人数测试工会" + UUID.randomUUID().toString().substring(0, 6);
		mvc.perform(create(town, "GRASSROOTS_UNION", name, "120").with(demo.as("wendeng")))
			.andExpect(status().is3xxRedirection());
		long union = demo.org(name);
		assertThat(jdbc.queryForObject("SELECT employees FROM organization WHERE id = ?", Integer.class, union))
			.isEqualTo(120);
		String detail = mvc.perform(get("/organizations/{id}", union).with(demo.as("wendeng")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(detail).contains("职工人数").contains("120");
		String edit = mvc.perform(get("/organizations/{id}/edit", union).with(demo.as("wendeng")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(edit).contains("name=\"employees\"").contains("value=\"120\"");
	}

	@Test
	void onlyGrassrootsUnionsKeepTheNumber() throws Exception {
		long town = demo.org("大水泊镇工会");
		String name = "职工人数联合会" + UUID.randomUUID().toString().substring(0, 6);
		mvc.perform(create(town, "REGIONAL_FEDERATION", name, "300").with(demo.as("wendeng")))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT employees FROM organization WHERE id = ?", Integer.class, demo.org(name)))
			.isNull();
	}

	@Test
	void badNumbersComeBackWithAMessage() throws Exception {
		long town = demo.org("大水泊镇工会");
		for (String bad : new String[] { "-3", "abc", "99999999999" }) {
			String page = mvc.perform(create(town, "GRASSROOTS_UNION", "职工人数错误工会", bad).with(demo.as("wendeng")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(page).as(bad).containsAnyOf("职工人数须为", "格式不正确").contains("职工人数错误工会");
		}
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organization WHERE name = '职工人数错误工会'", Integer.class))
			.isZero();
	}

	private static MockHttpServletRequestBuilder create(long parent, String type, String name, String employees) {
		return post("/organizations").param("parentId", String.valueOf(parent))
			.param("type", type)
			.param("name", name)
			.param("foundedOn", "2020-01-01")
			.param("creditCode", "")
			.param("employees", employees)
			.with(csrf());
	}
}
