-- Member search at the Weihai scale (570,000 members, docs/benchmarks.md). Portable SQL.
-- The list first finds the ids of one page, then reads those rows (MemberManagement.search): these
-- indexes hold everything that first step needs (order, id, organization for the scope filter),
-- so it reads no table rows, however deep the page.
DROP INDEX ix_member_name;
CREATE INDEX ix_member_name ON member (name, id, organization_id);
-- "newest members first" without sorting the whole scope
CREATE INDEX ix_member_join_date ON member (join_date, id, organization_id);
-- employment and status filters within a scope, counted from the index alone
CREATE INDEX ix_member_organization_employment ON member (organization_id, employment_type, status);
