-- A competition certificate carries every title of its entry (a class I winner is 金牌职工 and
-- 技术能手) and every member of a winning team, so the honour register holds one certificate code
-- on several honours. Unique per code, holder and kind instead of per code alone (the second
-- title of each winner was refused, and its event publication retried at every start).
ALTER TABLE honour DROP CONSTRAINT uq_honour_certificate;
CREATE UNIQUE INDEX uq_honour_certificate_holder_kind ON honour (certificate_code, member_id, kind_id);
