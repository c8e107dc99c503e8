-- PostgreSQL only (location db/vendor/postgresql). After V32_1's rows (1.5 million at the
-- federation's size): the visibility map, without which the pinyin searches' index-only scans read
-- a table row per entry (zhang in a district: 45,000 heap fetches, 210 ms instead of 20), and the
-- statistics of the new prefixes and of member_pinyin's finer histogram (V32), before the first
-- search plans with them rather than whenever autovacuum comes by. VACUUM runs outside a
-- transaction: Flyway sees it and runs this script alone.
VACUUM ANALYZE member_pinyin_prefix, member_pinyin;
