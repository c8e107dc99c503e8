package cn.unionportal.member;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CappedCountsTest {

	private Instant now = Instant.parse("2026-11-30T08:00:00Z");

	private final Clock clock = new Clock() {
		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	};

	private final CappedCounts counts = new CappedCounts(Duration.ofSeconds(60), clock);

	private final AtomicInteger counted = new AtomicInteger();

	private long count(String query, Map<String, Object> params, long rows) {
		return counts.count(query, params, 10, () -> {
			counted.incrementAndGet();
			return Math.min(rows, 11);
		});
	}

	@Test
	void anOverLimitCountIsRememberedForAMinuteAndOnlyForItsOwnValues() {
		assertThat(count("q", Map.of("scope", 1L), 500)).isEqualTo(11);
		assertThat(count("q", Map.of("scope", 1L), 3)).as("remembered: not counted again").isEqualTo(11);
		assertThat(counted).hasValue(1);

		assertThat(count("q", Map.of("scope", 2L), 3)).as("other values are counted").isEqualTo(3);
		assertThat(counted).hasValue(2);

		now = now.plusSeconds(61);
		assertThat(count("q", Map.of("scope", 1L), 3)).as("after the minute, counted afresh").isEqualTo(3);
		assertThat(count("q", Map.of("scope", 1L), 4)).isEqualTo(4);
		assertThat(counted).hasValue(4);
	}

	@Test
	void countsBelowTheLimitAreNeverRemembered() {
		assertThat(count("q", Map.of("scope", 1L), 7)).isEqualTo(7);
		assertThat(count("q", Map.of("scope", 1L), 8)).isEqualTo(8);
		assertThat(counted).hasValue(2);
	}
}
