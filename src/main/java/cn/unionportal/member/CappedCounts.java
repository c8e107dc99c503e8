package cn.unionportal.member;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Remembers, for a short while, which member searches counted past the list's limit (issue 13).
 *
 * <p>A capped count costs in proportion to what it counts: a grassroots union's list counts a few
 * hundred rows, the federation's whole list (or 王 at the federation) reads 10,001 index entries,
 * 1–5 ms of PostgreSQL's CPU on every request of the most visited page. Only that outcome is kept:
 * a search that was "more than N" a moment ago answers "more than N" again for
 * {@code portal.members.over-limit-memory} (60 s) without counting; a count below the limit is
 * always counted afresh, so a list of ordinary size shows every change at once. A list of more
 * than 10,000 members that falls below the limit within the minute says "more than 10,000" for the
 * rest of that minute. Keyed by the query and its bound values; the last 1,000 are kept.
 */
@Component
class CappedCounts {

	private static final int REMEMBERED = 1_000;

	private final Map<String, Instant> overLimitUntil = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
			return size() > REMEMBERED;
		}
	});

	private final Duration memory;

	private final Clock clock;

	CappedCounts(@Value("${portal.members.over-limit-memory:60s}") Duration memory, Clock clock) {
		this.memory = memory;
		this.clock = clock;
	}

	/**
	 * The count of {@code counter} (which counts up to {@code limit + 1}), or {@code limit + 1} when
	 * the same query with the same values was over the limit within the memory time.
	 */
	long count(String sql, Map<String, Object> params, int limit, LongSupplier counter) {
		String key = sql + '\u0000' + new TreeMap<>(params);
		Instant now = clock.instant();
		Instant until = overLimitUntil.get(key);
		if (until != null && now.isBefore(until)) {
			return limit + 1L;
		}
		long counted = counter.getAsLong();
		if (counted > limit && !memory.isZero()) {
			overLimitUntil.put(key, now.plus(memory));
		}
		else if (until != null) {
			overLimitUntil.remove(key);
		}
		return counted;
	}
}
