package cn.unionportal.award;

import java.time.LocalDateTime;

/** One step on a nomination's timeline. */
public record TimelineEntry(LocalDateTime at, String actor, String step, String note) {
}
