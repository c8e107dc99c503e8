-- PostgreSQL only (location db/vendor/postgresql). Sort keys and pinyin keys compare byte by byte
-- (collation "C"): that order is the pinyin order the keys encode, and a prefix of a pinyin key is
-- a range on its index. H2 compares these ASCII strings the same way already.
ALTER TABLE member ALTER COLUMN name_sort TYPE VARCHAR(800) COLLATE "C";
ALTER TABLE organization ALTER COLUMN name_sort TYPE VARCHAR(1600) COLLATE "C";
ALTER TABLE partner_merchant ALTER COLUMN name_sort TYPE VARCHAR(1600) COLLATE "C";
ALTER TABLE member_pinyin ALTER COLUMN pinyin TYPE VARCHAR(100) COLLATE "C";
