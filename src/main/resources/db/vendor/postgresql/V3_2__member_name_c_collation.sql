-- PostgreSQL only (location db/vendor/postgresql). Member names compare by code point (collation
-- "C"), so that a name prefix search (name LIKE '王%') becomes a range on the name indexes and the
-- first page of matches, in name order, is read straight from an index. Under any other collation
-- PostgreSQL can use no index for LIKE and scans the registry (seconds at 570,000 members; see
-- docs/benchmarks.md). On a database created with C or C.UTF-8 the order of names is unchanged.
ALTER TABLE member ALTER COLUMN name TYPE VARCHAR(50) COLLATE "C";
