-- Pinyin order and pinyin search (ChineseNames). Portable SQL. The columns are filled for existing
-- rows by the Java migration V16_1 (PinyinKeysBackfill) and become NOT NULL in V16_3.
-- name_sort: ICU's Chinese collation key as hexadecimal text; its byte order is pinyin order.
ALTER TABLE member ADD COLUMN name_sort VARCHAR(800);
ALTER TABLE organization ADD COLUMN name_sort VARCHAR(1600);
-- the organization's pinyin keys separated by spaces, found with LIKE '%…%' (about 5,000 rows)
ALTER TABLE organization ADD COLUMN name_pinyin VARCHAR(2500);
ALTER TABLE partner_merchant ADD COLUMN name_sort VARCHAR(1600);
-- a member's pinyin keys (wjc, wangjc, wangjianchu, and the other readings of polyphonic
-- characters), matched by prefix on the second index
CREATE TABLE member_pinyin (
    member_id BIGINT       NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    pinyin    VARCHAR(100) NOT NULL,
    PRIMARY KEY (member_id, pinyin)
);
CREATE INDEX ix_member_pinyin ON member_pinyin (pinyin, member_id);
