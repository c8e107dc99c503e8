-- H2 only (location db/vendor/h2; PostgreSQL's V32 keeps the collation "C"). Room for pinyin prefixes
-- of six letters (V32_1); the index is built again over every row there.
DROP INDEX ix_member_pinyin_prefix;
ALTER TABLE member_pinyin_prefix ALTER COLUMN prefix SET DATA TYPE VARCHAR(6);
