package cn.unionportal.demo;

import cn.unionportal.member.ResidentIdNumber;
import cn.unionportal.shared.crypto.PersonalDataCipher;
import cn.unionportal.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data comes with the demo scale's members: in the grassroots unions and joint federations
 * of the demo hierarchy (never in branches), with valid ID numbers and about one migrant worker in six.
 */
class DemoMembersTest extends PostgresIntegrationTest {

	@Autowired
	PersonalDataCipher cipher;

	@Test
	void theDemoFederationHasAFewThousandMembersInItsMemberHomes() {
		// the demo members are the first ones written into the fresh test database
		int demoMembers = Scale.DEMO.size().members();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member m JOIN organization o ON o.id = m.organization_id"
				+ " WHERE m.id <= ? AND o.type IN ('GRASSROOTS_UNION', 'REGIONAL_FEDERATION', 'INDUSTRY_FEDERATION')",
				Integer.class, demoMembers)).isEqualTo(demoMembers);
		assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT organization_id) FROM member WHERE id <= ?",
				Integer.class, demoMembers)).isGreaterThan(10);
		double migrants = jdbc.queryForObject(
				"SELECT COUNT(*) FROM member WHERE id <= ? AND employment_type = 'MIGRANT_WORKER'", Double.class,
				demoMembers);
		assertThat(migrants / demoMembers).isBetween(1 / 6.0 - 0.03, 1 / 6.0 + 0.03);
		jdbc.queryForList("SELECT id_number_cipher FROM member WHERE id <= ?", String.class, demoMembers)
			.forEach(id -> ResidentIdNumber.parse(cipher.decrypt(id)));
		// the demo unions record their employees: the demo members are 80-95% of them
		double rate = jdbc.queryForObject("""
				SELECT CAST(COUNT(*) AS DOUBLE PRECISION) / (SELECT SUM(o.employees) FROM organization o
				  WHERE o.employees IS NOT NULL AND o.id IN (SELECT organization_id FROM member WHERE id <= ?))
				FROM member m JOIN organization o ON o.id = m.organization_id
				WHERE m.id <= ? AND o.employees IS NOT NULL""", Double.class, demoMembers, demoMembers);
		assertThat(rate).isBetween(0.80, 0.95);
	}
}
