-- The pinyin rows of a member (member_pinyin, member_pinyin_prefix) are written only together
-- with the member, in the same transaction and with its id (MemberBatchWriter, MemberPinyinKeys),
-- and members are never deleted. Their foreign keys to member cost a lookup and a row lock of the
-- member for every pinyin row: about ten per member, a third of PostgreSQL's CPU time in the Excel
-- import (docs/benchmarks.md, "Fourth session"). The embedded H2 default keeps them.
ALTER TABLE IF EXISTS member_pinyin DROP CONSTRAINT IF EXISTS member_pinyin_member_id_fkey;
ALTER TABLE IF EXISTS member_pinyin_prefix DROP CONSTRAINT IF EXISTS fk_member_pinyin_prefix_member;
