package cn.unionportal.demo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import cn.unionportal.support.Demo;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The load-test data on a small generated federation, in a schema of its own (the accounts and
 * files it creates must not show up in the demo data other tests read): the staff and member
 * accounts sign in with the password of the feeders, the card and ID numbers of a staff row find
 * that member within the staff account's own scope, the member's file is in the staff's work
 * queue, and a second run adds nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LoadTestDataTest {

	static final String SCHEMA = "loadtest_data_test";

	static final String PASSWORD = "load-test-password";

	@Autowired
	SyntheticFederation federation;

	@Autowired
	LoadTestData data;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@TempDir
	Path dir;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws SQLException {
		PostgresIntegrationTest.registerOwnSchema(registry, SCHEMA);
	}

	@Test
	void preparesAccountsFilesAndFeedersThatWorkAndAddsNothingTheSecondTime() throws Exception {
		federation.generate(GeneratedFederationTest.SMALL, 42);

		LoadTestData.Report report = data.prepare(4, PASSWORD, dir);

		assertThat(report.staffCreated()).isEqualTo(4);
		assertThat(report.membersActivated()).isEqualTo(4);
		assertThat(report.filesOpened()).isEqualTo(4);
		List<String> staff = Files.readAllLines(dir.resolve("staff.csv"), StandardCharsets.UTF_8);
		List<String> members = Files.readAllLines(dir.resolve("members.csv"), StandardCharsets.UTF_8);
		assertThat(staff).hasSize(5).first().isEqualTo("username,password,surname,card,idNumber,memberId");
		assertThat(members).hasSize(5).first().isEqualTo("login,password");
		// four different members, at the district level (even rows) and at their own union (odd rows)
		assertThat(staff.stream().skip(1).map(row -> row.split(",")[5]).distinct()).hasSize(4);
		assertThat(jdbc.queryForList("SELECT o.type FROM staff_account a JOIN organization o ON o.id = a.organization_id"
				+ " WHERE a.username LIKE 'load-staff-%' ORDER BY a.username", String.class))
			.containsExactly("DISTRICT_FEDERATION", "GRASSROOTS_UNION", "DISTRICT_FEDERATION", "GRASSROOTS_UNION");

		Demo demo = new Demo(jdbc, users);
		for (String row : staff.subList(1, staff.size())) {
			String[] f = row.split(",");
			mvc.perform(formLogin("/login").user(f[0]).password(f[1])).andExpect(authenticated().withUsername(f[0]));
			// the exact card and ID searches find the member, in the staff account's own scope
			mvc.perform(get("/members").param("q", f[3]).with(demo.as(f[0])))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("/members/" + f[5] + "\"")));
			mvc.perform(get("/members").param("q", f[4]).with(demo.as(f[0])))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("/members/" + f[5] + "\"")));
			mvc.perform(get("/members/" + f[5]).with(demo.as(f[0]))).andExpect(status().isOk());
			mvc.perform(get("/aid/files/queue").with(demo.as(f[0])))
				.andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*href=\"/aid/files/\\d+\".*")));
		}
		for (String row : members.subList(1, members.size())) {
			String[] f = row.split(",");
			mvc.perform(formLogin("/login").user(f[0]).password(f[1])).andExpect(authenticated());
		}

		LoadTestData.Report again = data.prepare(4, PASSWORD, dir);
		assertThat(again.staffCreated() + again.membersActivated() + again.filesOpened()).isZero();
		assertThat(Files.readAllLines(dir.resolve("staff.csv"), StandardCharsets.UTF_8)).isEqualTo(staff);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member_account", Integer.class)).isEqualTo(4);
	}
}
