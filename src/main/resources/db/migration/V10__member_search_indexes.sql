-- Member search at Weihai scale (docs/benchmarks.md): lists of one large union ordered by join
-- date or by card number read the first rows of an index instead of sorting thousands of rows.
CREATE INDEX ix_member_organization_join ON member (organization_id, join_date, id);
CREATE INDEX ix_member_organization_card ON member (organization_id, card_number);
