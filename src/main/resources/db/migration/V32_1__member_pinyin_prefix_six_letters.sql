-- Pinyin search in every scope at 570,000 members (issue 15; docs/benchmarks.md, pinyin, "Fourth
-- session"). Portable SQL; the column is widened per database in V32.
-- 1. Prefixes of five and six letters. A query of five or six letters (zhang, wangy, wangjc) was the
--    row of its first four letters checked against member_pinyin for every member of that prefix
--    (zhan: 88,000 keys for the count of zhang); with rows of its own it is one equality on
--    ix_member_pinyin_prefix like a shorter query. The form, the import and the generator write them
--    from now on (MemberPinyinKeys.PREFIX_LENGTH); here for the members written before.
INSERT INTO member_pinyin_prefix (member_id, prefix, name_sort, organization_id)
SELECT DISTINCT p.member_id, SUBSTRING(p.pinyin, 1, n.len), m.name_sort, m.organization_id
  FROM member_pinyin p
  JOIN member m ON m.id = p.member_id
  CROSS JOIN (VALUES (5), (6)) AS n (len)
 WHERE n.len <= CHAR_LENGTH(p.pinyin);
CREATE INDEX ix_member_pinyin_prefix ON member_pinyin_prefix (prefix, name_sort, member_id, organization_id);
-- 2. The same rows by organization. In a district, a town or a union the count of "li" read every
--    federation entry of the prefix (100,635) to keep the few in the scope; this index gives them
--    organization by organization (a town: 91 ranges, 2,000 entries), and the page of a small scope
--    sorts only its own matches. PostgreSQL picks per query (custom plans, V3_3): the federation
--    keeps the first index.
CREATE INDEX ix_member_pinyin_prefix_organization ON member_pinyin_prefix (organization_id, prefix, name_sort, member_id);
