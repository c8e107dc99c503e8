-- Issue 11, benchmarks: the two award pages read in index order instead of sorting.
-- The public honour roll without a filter: active honours, newest year first, then by name.
CREATE INDEX ix_honour_roll_order ON honour (status, honour_year DESC, name_sort_key, id);
-- A campaign's nomination list, by name (the campaign page lists 20 of up to 2,000).
CREATE INDEX ix_nomination_campaign_name ON nomination (campaign_id, name_sort_key, id);
