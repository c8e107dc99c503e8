-- Figures for docs/scaling.md, on a database generated with --portal.generate=weihai
-- (psql -d DB -f scripts/scaling/measure.sql). Read-only except the simulation schema, which it
-- creates and drops.
\pset footer off
\echo '== bytes per row (heap, indexes, TOAST), after VACUUM ANALYZE'
SELECT relname AS table, n_live_tup AS rows,
       pg_size_pretty(pg_total_relation_size(relid)) AS total,
       CASE WHEN n_live_tup > 0 THEN pg_relation_size(relid) / n_live_tup END AS heap_bytes_per_row,
       CASE WHEN n_live_tup > 0 THEN pg_total_relation_size(relid) / n_live_tup END AS total_bytes_per_row
FROM pg_stat_user_tables
WHERE relname IN ('member', 'organization', 'organization_closure', 'aid_case', 'aid_payment', 'hardship_file',
                  'household_member', 'audit_event', 'spring_session', 'member_import_rejection')
ORDER BY pg_total_relation_size(relid) DESC;
SELECT pg_size_pretty(pg_database_size(current_database())) AS database_size;

\echo '== members per district-level federation (the distribution unit); outside = under city-level industry federations'
WITH district AS (
  SELECT o.id, o.name FROM organization o WHERE o.type = 'DISTRICT_FEDERATION'
), home AS (
  SELECT m.id, (SELECT d.id FROM organization_closure c JOIN district d ON d.id = c.ancestor_id
                WHERE c.descendant_id = m.organization_id) AS district_id
  FROM member m
)
SELECT COALESCE(d.name, '(city level, no district)') AS district, COUNT(*) AS members,
       ROUND(100.0 * COUNT(*) / SUM(COUNT(*)) OVER (), 1) AS percent
FROM home h LEFT JOIN district d ON d.id = h.district_id
GROUP BY d.name ORDER BY members DESC;

\echo '== simulation: member partitioned by district, as Citus would distribute it'
DROP SCHEMA IF EXISTS citus_sim CASCADE;
CREATE SCHEMA citus_sim;
CREATE TABLE citus_sim.member (LIKE public.member INCLUDING DEFAULTS, district_id BIGINT NOT NULL)
  PARTITION BY HASH (district_id);
DO $$ BEGIN
  FOR i IN 0..7 LOOP
    EXECUTE format('CREATE TABLE citus_sim.member_%s PARTITION OF citus_sim.member FOR VALUES WITH (MODULUS 8, REMAINDER %s)', i, i);
  END LOOP;
END $$;
\echo '-- a unique index on the ID hash alone is refused (it must contain the distribution column):'
\set ON_ERROR_STOP off
CREATE UNIQUE INDEX member_active_id_hash_global ON citus_sim.member (active_id_hash);
\set ON_ERROR_STOP on
\echo '-- so the routing table keeps federation-wide uniqueness:'
CREATE TABLE citus_sim.member_identity (id_hash VARCHAR(64) PRIMARY KEY, district_id BIGINT NOT NULL, member_id BIGINT NOT NULL);
\timing on
INSERT INTO citus_sim.member
SELECT m.*, COALESCE((SELECT c.ancestor_id FROM organization_closure c JOIN organization o ON o.id = c.ancestor_id
                      WHERE c.descendant_id = m.organization_id AND o.type = 'DISTRICT_FEDERATION'), 0)
FROM public.member m;
INSERT INTO citus_sim.member_identity SELECT active_id_hash, district_id, id FROM citus_sim.member WHERE active_id_hash IS NOT NULL;
CREATE INDEX ON citus_sim.member (district_id, organization_id);
ANALYZE citus_sim.member;
\echo '-- a second active membership of the same person in another district fails on the routing table:'
\set ON_ERROR_STOP off
INSERT INTO citus_sim.member_identity SELECT id_hash, district_id + 1, -1 FROM citus_sim.member_identity LIMIT 1;
\set ON_ERROR_STOP on
\echo '-- a district-scoped search prunes to one partition (one shard in Citus):'
SELECT district_id AS one_district FROM citus_sim.member_identity GROUP BY district_id ORDER BY COUNT(*) DESC LIMIT 1 \gset
EXPLAIN (COSTS OFF) SELECT id FROM citus_sim.member WHERE district_id = :one_district AND name LIKE '王%' LIMIT 20;
\timing off
SELECT tableoid::regclass AS partition, COUNT(*) AS rows FROM citus_sim.member GROUP BY 1 ORDER BY 1;
DROP SCHEMA citus_sim CASCADE;
