package cn.unionportal.aid;

import java.time.LocalDate;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.shared.security.StaffRole;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who opened a household file is shown, paged, to federation administrators (district or
 * municipal) on the file page, and to nobody else; clearing a relapse flag is audited (issue 8,
 * item 5).
 */
@Transactional
class FileAccessLogTest extends PostgresIntegrationTest {

	@Autowired
	AccountManagement accounts;

	AidCaseFixtures aid;

	String wendengStaff;

	String township;

	@BeforeEach
	void setUp() {
		aid = new AidCaseFixtures(mvc, jdbc, demo, accounts);
		wendengStaff = aid.account("fal-staff", aid.wendengDistrict(), StaffRole.STAFF);
		township = aid.account("fal-dsb-admin", demo.org("大水泊镇工会"), StaffRole.ORG_ADMIN);
	}

	private long filedFile() throws Exception {
		long member = aid.member(aid.wendengUnion(), "查阅", "wendeng");
		return aid.file(member, "FILED", "DEEP", null);
	}

	@Test
	void federationAdministratorsSeeWhoOpenedTheFileAndStaffDoNot() throws Exception {
		long file = filedFile();
		String staffPage = aid.body(get("/aid/files/{id}", file).with(demo.as(wendengStaff)), 200);
		assertThat(staffPage).doesNotContain("查阅记录").doesNotContain("access-log");
		assertThat(aid.body(get("/aid/files/{id}", file).with(demo.as(township)), 200)).doesNotContain("查阅记录");

		String districtPage = aid.body(get("/aid/files/{id}", file).with(demo.as("wendeng")), 200);
		assertThat(districtPage).contains("查阅记录").contains(wendengStaff).contains(township);
		String municipalPage = aid.body(get("/aid/files/{id}", file).with(demo.as("admin")), 200);
		assertThat(municipalPage).contains("查阅记录").contains(wendengStaff).contains(">wendeng<");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hardship_file_access WHERE file_id = ?", Long.class, file))
			.isEqualTo(4);
	}

	@Test
	void theAccessLogIsPaged() throws Exception {
		long file = filedFile();
		for (int i = 0; i < 25; i++) {
			jdbc.update("INSERT INTO hardship_file_access (file_id, viewer, viewed_at) VALUES (?, ?, ?)", file,
					"viewer-" + (100 + i), java.sql.Timestamp.valueOf(LocalDate.of(2020, 1, 1).atStartOfDay().plusMinutes(i)));
		}
		String first = aid.body(get("/aid/files/{id}", file).with(demo.as("admin")), 200);
		// newest first: admin's own view, then the 19 latest inserted
		assertThat(first).contains("viewer-124").contains("viewer-106").doesNotContain("viewer-105")
			.contains("accessPage=1");
		String second = aid.body(get("/aid/files/{id}", file).param("accessPage", "1").with(demo.as("admin")), 200);
		// opening page two is a view too: the newest entries moved one place on
		assertThat(second).contains("viewer-106").contains("viewer-100").doesNotContain("viewer-107");
	}

	@Test
	void aFileOutOfScopeAnswersNotFoundBeforeItsLog() throws Exception {
		long file = filedFile();
		String huancuiAdmin = aid.account("fal-hc-admin", demo.org("环翠区总工会"), StaffRole.ORG_ADMIN);
		mvc.perform(get("/aid/files/{id}", file).with(demo.as(huancuiAdmin))).andExpect(status().isNotFound());
	}

	@Test
	void clearingARelapseFlagIsAuditedWithinScope() throws Exception {
		long member = aid.member(aid.wendengUnion(), "返困", "wendeng");
		long file = aid.file(member, "CLOSED", "DEEP", LocalDate.now().plusMonths(6));
		jdbc.update("UPDATE hardship_file SET relapse_flagged_at = CURRENT_TIMESTAMP, relapse_reason = 'NEW_AID_CASE'"
				+ " WHERE id = ?", file);
		mvc.perform(post("/aid/files/{id}/clear-flag", file)
			.param("version", String.valueOf(jdbc.queryForObject("SELECT version FROM hardship_file WHERE id = ?",
					Long.class, file)))
			.param("comment", "已核实")
			.with(csrf())
			.with(demo.as("wendeng"))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT relapse_flagged_at FROM hardship_file WHERE id = ?", Object.class, file))
			.isNull();
		assertThat(jdbc.queryForList("SELECT actor FROM audit_event WHERE action = 'RELAPSE_FLAG_CLEARED' AND subject_id = ?",
				String.class, file)).containsExactly("wendeng");
		assertThat(aid.body(get("/audit").param("type", "HARDSHIP_FILE").param("subject", String.valueOf(file))
			.with(demo.as("admin")), 200)).contains("解除返困预警").contains("/aid/files/" + file + "\"");
		String huancuiAdmin = aid.account("fal-hc-admin2", demo.org("环翠区总工会"), StaffRole.ORG_ADMIN);
		assertThat(aid.body(get("/audit").param("type", "HARDSHIP_FILE").with(demo.as(huancuiAdmin)), 200))
			.doesNotContain("解除返困预警");
	}
}
