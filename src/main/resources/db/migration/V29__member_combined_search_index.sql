-- Combined member searches at 570,000 members (docs/benchmarks.md, "Issue 13 item 3"): a name
-- prefix with an employment type and a status, ordered by join date, walked ix_member_join_date
-- backwards and read a table row per entry (about one in 140 matched: 162 ms for the page, 394 ms
-- for the capped count, EXPLAIN ANALYZE). This index answers both from its entries alone: the
-- equalities, then the name range (collation "C" on PostgreSQL, V3_2), with the join date, id and
-- organization for the order and the scope. Portable SQL.
CREATE INDEX ix_member_employment_search ON member (employment_type, status, name, join_date, id, organization_id);
