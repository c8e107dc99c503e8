/**
 * Hardship aid (困难职工帮扶): household files (建档立卡) with their review lifecycle, public
 * notice (公示) and objections, aid cases with yearly amount policies, four-eyes approval,
 * payments against budgets, and the lookup code for families (一户一码).
 *
 * <p>Named parts (issue 9), each a sub-package: {@code files} (household files, their lifecycle,
 * attachments and access log), {@code cases} (aid cases, amounts, payments, a member's own
 * cases), {@code funding} (policy, thresholds, budgets) and {@code lookup} (public notice board,
 * status lookup, lookup codes). This base package holds what the parts share (settings, events,
 * permissions, retention); {@code web} the pages. Other modules may use only the types marked
 * {@code @NamedInterface} ("files", "cases").
 */
package cn.unionportal.aid;
