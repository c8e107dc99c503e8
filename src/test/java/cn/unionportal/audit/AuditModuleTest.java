package cn.unionportal.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import cn.unionportal.audit.AuditTrail.Entry;
import cn.unionportal.audit.AuditTrail.Filter;
import cn.unionportal.shared.schema.PinyinBackfillStep;
import cn.unionportal.support.ModulePinyinBackfill;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit module on its own (issue 9: {@code @ApplicationModuleTest}): only the audit module's
 * beans, on a private in-memory H2 built by the portal's own migrations. What a subtree holds is the
 * organization module's knowledge; here a stand-in {@link AuditScope} says "the organization and
 * its direct children listed in a VALUES table", so the trail's reading is tested without the
 * hierarchy's tables.
 */
@ApplicationModuleTest
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:audit-module;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"spring.datasource.username=sa", "spring.datasource.password=", "portal.demo.enabled=false",
		"spring.modulith.events.republish-outstanding-events-on-restart=false",
		"management.endpoint.health.validate-group-membership=false" })
class AuditModuleTest {

	static final long ROOT = 9_000_001;

	static final long CHILD = 9_000_002;

	static final long ELSEWHERE = 9_000_003;

	@TestConfiguration
	static class StandIns {

		/** The pinyin backfill's place in the migrations, for this private database. */
		@Bean
		ModulePinyinBackfill pinyinBackfill(ObjectProvider<PinyinBackfillStep> steps) {
			return new ModulePinyinBackfill(steps);
		}

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
		}

		/** ROOT holds itself and CHILD; every other organization holds only itself. */
		@Bean
		AuditScope scope() {
			return parameter -> "SELECT o FROM (VALUES (" + ROOT + ", " + ROOT + "), (" + ROOT + ", " + CHILD + "), ("
					+ CHILD + ", " + CHILD + "), (" + ELSEWHERE + ", " + ELSEWHERE + ")) AS s(a, o) WHERE s.a = :"
					+ parameter;
		}
	}

	private final AuditTrail trail;

	@org.springframework.beans.factory.annotation.Autowired
	AuditModuleTest(AuditTrail trail) {
		this.trail = trail;
	}

	@Test
	void linesAreReadBackWithinTheSubtreeOnlyNewestFirstInThePortalsZone() {
		trail.record("wendeng", "MEMBER_CREATED", "MEMBER", 41, CHILD, "name=王五");
		trail.record("wendeng", "MEMBER_UPDATED", "MEMBER", 41, ROOT, null);
		trail.record("huancui", "MEMBER_CREATED", "MEMBER", 42, ELSEWHERE, "name=赵六");

		Page<Entry> fromRoot = trail.search(ROOT, new Filter(null, null, null, null, null), PageRequest.of(0, 10));
		assertThat(fromRoot.getTotalElements()).isEqualTo(2);
		assertThat(fromRoot.getContent()).extracting(Entry::organizationId).containsOnly(ROOT, CHILD);
		assertThat(fromRoot.getContent()).extracting(Entry::details).doesNotContain("name=赵六");
		assertThat(fromRoot.getContent().get(0).occurredAt().getHour()).as("Asia/Shanghai, not UTC").isEqualTo(10);

		Page<Entry> fromChild = trail.search(CHILD, new Filter("MEMBER", 41L, "wendeng", null, null),
				PageRequest.of(0, 10));
		assertThat(fromChild.getContent()).extracting(Entry::action).containsExactly("MEMBER_CREATED");

		assertThat(trail.search(ELSEWHERE, new Filter(null, null, "wendeng", null, null), PageRequest.of(0, 10))
			.getTotalElements()).isZero();
	}

	@Test
	void overlongDetailsAreCutToTheColumn() {
		trail.record("admin", "NOTE", "ORGANIZATION", 7, ELSEWHERE, "长".repeat(5000));
		Entry line = trail.search(ELSEWHERE, new Filter("ORGANIZATION", 7L, null, null, null), PageRequest.of(0, 1))
			.getContent()
			.get(0);
		assertThat(line.details()).hasSize(4000);
	}
}
