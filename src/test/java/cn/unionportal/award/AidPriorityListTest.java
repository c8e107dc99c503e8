package cn.unionportal.award;

import java.time.LocalDate;
import java.util.List;

import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The aid priority list (劳模优先, issue 11): a model worker's conferral puts the member's
 * hardship file on it (flag on the file list, the filter, a badge on the file page), another kind
 * of honour does not, and the revocation takes it off. The relay's work is called directly (its
 * listener runs it after the register's commit, asynchronously).
 */
@Transactional
class AidPriorityListTest extends PostgresIntegrationTest {

	static final long HONOUR = 990_001L;

	@Autowired
	AidPriorityRelay relay;

	long file;

	long member;

	String name;

	String other;

	@BeforeEach
	void pickTwoFilesOfHuancui() {
		jdbc.update("DELETE FROM aid_priority_holder");
		List<Long> files = jdbc.queryForList("SELECT f.id FROM hardship_file f WHERE f.organization_id IN"
				+ " (SELECT c.descendant_id FROM organization_closure c WHERE c.ancestor_id = ?)"
				+ " ORDER BY f.applied_at DESC, f.id DESC", Long.class, demo.org("环翠区总工会"));
		assertThat(files).hasSizeGreaterThanOrEqualTo(2);
		file = files.get(0);
		member = jdbc.queryForObject("SELECT member_id FROM hardship_file WHERE id = ?", Long.class, file);
		name = jdbc.queryForObject("SELECT name FROM member WHERE id = ?", String.class, member);
		other = jdbc.queryForObject("SELECT m.name FROM hardship_file f JOIN member m ON m.id = f.member_id WHERE f.id = ?",
				String.class, files.get(1));
		assertThat(other).isNotEqualTo(name);
	}

	void confer(String kind) {
		relay.conferred(new HonourEvents.HonourConferred(HONOUR, member, demo.org("环翠区总工会"), kind, HonourLevel.MUNICIPAL,
				2025, LocalDate.of(2025, 4, 28), HonourSource.MANUAL));
	}

	@Test
	void aModelWorkersHardshipFileIsFlaggedAndFilteredUntilTheHonourIsRevoked() throws Exception {
		mvc.perform(get("/aid/files").param("priority", "true").with(demo.as("huancui")))
			.andExpect(content().string(not(containsString(name))))
			.andExpect(content().string(not(containsString("劳模优先</span>"))));
		confer("WEIHAI_MODEL_WORKER");
		confer("WEIHAI_MODEL_WORKER");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM aid_priority_holder", Long.class)).isEqualTo(1);
		mvc.perform(get("/aid/files").with(demo.as("huancui")))
			.andExpect(content().string(containsString("劳模优先</span>")))
			.andExpect(content().string(containsString(other)));
		mvc.perform(get("/aid/files").param("priority", "true").with(demo.as("huancui")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(not(containsString(other))));
		mvc.perform(get("/aid/files/" + file).with(demo.as("huancui")))
			.andExpect(content().string(containsString("劳模优先")));
		mvc.perform(get("/aid/files").param("priority", "true").with(demo.as("wendeng")))
			.andExpect(content().string(not(containsString(name))));
		relay.revoked(new HonourEvents.HonourRevoked(HONOUR, member, demo.org("环翠区总工会"), "WEIHAI_MODEL_WORKER",
				LocalDate.of(2026, 1, 5)));
		mvc.perform(get("/aid/files").param("priority", "true").with(demo.as("huancui")))
			.andExpect(content().string(not(containsString(name))));
		mvc.perform(get("/aid/files/" + file).with(demo.as("huancui")))
			.andExpect(content().string(not(containsString("劳模优先"))));
	}

	@Test
	void otherHonoursAndCollectivesDoNotPutAnyoneOnTheList() {
		confer("WEIHAI_CRAFTSMAN");
		relay.conferred(new HonourEvents.HonourConferred(HONOUR + 1, null, demo.org("环翠区总工会"), "WORKER_PIONEER",
				HonourLevel.MUNICIPAL, 2025, LocalDate.of(2025, 4, 28), HonourSource.MANUAL));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM aid_priority_holder", Long.class)).isZero();
		confer("NATIONAL_ADVANCED_WORKER");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM aid_priority_holder WHERE member_id = ?", Long.class, member))
			.isEqualTo(1);
	}
}
