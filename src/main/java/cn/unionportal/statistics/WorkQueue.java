package cn.unionportal.statistics;

/**
 * One of a user's work queues on the home page: a message key for its label, how many items wait,
 * and the page that lists them.
 */
public record WorkQueue(String labelKey, long count, String link, int order) {
}
