-- Pinyin search at 570,000 members (docs/benchmarks.md, "pinyin"). Portable SQL.
-- Every prefix of up to four letters of a member's pinyin keys (wjc: w, wj, wjc; wangjc: w, wa,
-- wan, wang), once per member, with the member's sort key and organization (the scope filter and
-- the capped count then need no member rows): a typed prefix of up to four letters is
-- one equality on ix_member_pinyin_prefix, whose entries come in pinyin order of the names, so the
-- first page of "li" (184,000 members) reads about twenty entries instead of walking the member
-- order index until the first match. Longer queries take the prefix of four letters and check the
-- whole one on member_pinyin. Written with member_pinyin (MemberPinyinKeys).
-- The foreign key is added after the rows (one check of the whole table instead of one per row).
CREATE TABLE member_pinyin_prefix (
    member_id BIGINT      NOT NULL,
    prefix    VARCHAR(4)  NOT NULL,
    name_sort VARCHAR(800) NOT NULL,
    organization_id BIGINT NOT NULL,
    PRIMARY KEY (member_id, prefix)
);
INSERT INTO member_pinyin_prefix (member_id, prefix, name_sort, organization_id)
SELECT DISTINCT p.member_id, SUBSTRING(p.pinyin, 1, n.len), m.name_sort, m.organization_id
  FROM member_pinyin p
  JOIN member m ON m.id = p.member_id
  CROSS JOIN (VALUES (1), (2), (3), (4)) AS n (len)
 WHERE n.len <= CHAR_LENGTH(p.pinyin);
ALTER TABLE member_pinyin_prefix ADD CONSTRAINT fk_member_pinyin_prefix_member
    FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE;
CREATE INDEX ix_member_pinyin_prefix ON member_pinyin_prefix (prefix, name_sort, member_id, organization_id);
