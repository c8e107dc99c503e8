/**
 * Rate limits that hold under concurrent requests: counters in the database, one row per limit,
 * key and window, raised by a single conditional statement.
 */
package cn.unionportal.shared.limits;
