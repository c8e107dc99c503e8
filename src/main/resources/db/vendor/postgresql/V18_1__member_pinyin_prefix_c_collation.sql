-- PostgreSQL only (location db/vendor/postgresql). Prefixes and sort keys compare byte by byte
-- (collation "C"), like member_pinyin and member.name_sort (V16_2): the index order is pinyin order.
ALTER TABLE member_pinyin_prefix ALTER COLUMN prefix TYPE VARCHAR(4) COLLATE "C";
ALTER TABLE member_pinyin_prefix ALTER COLUMN name_sort TYPE VARCHAR(800) COLLATE "C";
