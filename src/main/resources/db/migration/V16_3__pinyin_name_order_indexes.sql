-- After the backfill (V16_1): every name has its keys. The member list sorted by name reads the
-- first rows of this index (the name is in it, so a Chinese prefix filter needs no table rows).
ALTER TABLE member ALTER COLUMN name_sort SET NOT NULL;
ALTER TABLE organization ALTER COLUMN name_sort SET NOT NULL;
ALTER TABLE organization ALTER COLUMN name_pinyin SET NOT NULL;
ALTER TABLE partner_merchant ALTER COLUMN name_sort SET NOT NULL;
CREATE INDEX ix_member_name_sort ON member (name_sort, id, organization_id, name);
