/**
 * Retention of logs and attempt records: settings ({@code portal.retention.*}), the
 * {@link cn.unionportal.shared.retention.RetentionTask} each module implements for its own
 * tables, and the scheduled job that runs them in batches.
 */
package cn.unionportal.shared.retention;
