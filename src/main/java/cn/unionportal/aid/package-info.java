/**
 * Hardship aid (困难职工帮扶): household files (建档立卡) with their review lifecycle, public
 * notice (公示) and objections, aid cases with yearly amount policies, four-eyes approval,
 * payments against budgets, and the lookup code for families (一户一码).
 */
package cn.unionportal.aid;
