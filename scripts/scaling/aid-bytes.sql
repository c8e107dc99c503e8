-- Bytes per aid case, payment and household file (docs/scaling.md, issue 14). Run on a COPY of a
-- database holding the demo's aid rows (real encrypted household fields, real timelines):
--   createdb -T <db with demo data> portal_aidsize && psql -d portal_aidsize -f scripts/scaling/aid-bytes.sql
-- It replicates those rows until there are about 20,000 cases (the issue's Weihai scale: five
-- years of 19,800 person-times), 20,000 payments and 5,000 household files with their members and
-- timelines, then measures heap, indexes and TOAST per row. NEVER run it on a real database.
\pset footer off
\set ON_ERROR_STOP on
SELECT count(*) AS demo_cases FROM aid_case \gset
SELECT count(*) AS demo_files FROM hardship_file \gset
SELECT ceil(20000.0 / :demo_cases)::int AS case_copies, ceil(5000.0 / :demo_files)::int AS file_copies \gset

-- household files (closed, so the one-open-file-per-member rule does not apply), their members
-- and events, with fresh lookup codes
CREATE TEMP TABLE file_map AS
SELECT f.id AS old_id, nextval(pg_get_serial_sequence('hardship_file', 'id')) AS new_id, g
FROM hardship_file f CROSS JOIN generate_series(1, :file_copies) g;
INSERT INTO hardship_file
SELECT (jsonb_populate_record(NULL::hardship_file, to_jsonb(f) || jsonb_build_object('id', m.new_id,
        'status', 'CLOSED', 'open_member_id', NULL,
        'lookup_code', CASE WHEN f.lookup_code IS NULL THEN NULL ELSE upper(substr(md5(random()::text), 1, 10)) END))).*
FROM hardship_file f JOIN file_map m ON m.old_id = f.id;
INSERT INTO household_member
SELECT (jsonb_populate_record(NULL::household_member, to_jsonb(h) || jsonb_build_object(
        'id', nextval(pg_get_serial_sequence('household_member', 'id')), 'file_id', m.new_id))).*
FROM household_member h JOIN file_map m ON m.old_id = h.file_id;
INSERT INTO hardship_file_event
SELECT (jsonb_populate_record(NULL::hardship_file_event, to_jsonb(e) || jsonb_build_object(
        'id', nextval(pg_get_serial_sequence('hardship_file_event', 'id')), 'file_id', m.new_id))).*
FROM hardship_file_event e JOIN file_map m ON m.old_id = e.file_id;

-- aid cases and one payment per paid case, with fresh lookup codes and request tokens
CREATE TEMP TABLE case_map AS
SELECT c.id AS old_id, nextval(pg_get_serial_sequence('aid_case', 'id')) AS new_id
FROM aid_case c CROSS JOIN generate_series(1, :case_copies) g;
INSERT INTO aid_case
SELECT (jsonb_populate_record(NULL::aid_case, to_jsonb(c) || jsonb_build_object('id', m.new_id,
        'lookup_code', CASE WHEN c.lookup_code IS NULL THEN NULL ELSE upper(substr(md5(random()::text), 1, 12)) END))).*
FROM aid_case c JOIN case_map m ON m.old_id = c.id;
INSERT INTO aid_payment
SELECT (jsonb_populate_record(NULL::aid_payment, to_jsonb(p) || jsonb_build_object(
        'id', nextval(pg_get_serial_sequence('aid_payment', 'id')), 'case_id', m.new_id,
        'request_token', md5(random()::text || m.new_id)))).*
FROM aid_payment p JOIN case_map m ON m.old_id = p.case_id;

VACUUM ANALYZE hardship_file, household_member, hardship_file_event, aid_case, aid_payment;
SELECT relname AS table, n_live_tup AS rows, pg_size_pretty(pg_total_relation_size(relid)) AS total,
       pg_relation_size(relid) / n_live_tup AS heap_bytes_per_row,
       (pg_indexes_size(relid)) / n_live_tup AS index_bytes_per_row,
       pg_total_relation_size(relid) / n_live_tup AS total_bytes_per_row
FROM pg_stat_user_tables
WHERE relname IN ('hardship_file', 'household_member', 'hardship_file_event', 'aid_case', 'aid_payment')
ORDER BY relname;
SELECT round((SELECT pg_total_relation_size('aid_case') + pg_total_relation_size('aid_payment'))::numeric
             / (SELECT count(*) FROM aid_case)) AS bytes_per_case_with_its_payments,
       round((SELECT pg_total_relation_size('hardship_file') + pg_total_relation_size('household_member')
                     + pg_total_relation_size('hardship_file_event'))::numeric
             / (SELECT count(*) FROM hardship_file)) AS bytes_per_household_file_with_members_and_timeline;
