-- Household income, the free-text situation and the home-visit notes are encrypted at rest, like
-- relatives' income and health (AES-256-GCM with the personal data key). The cipher columns are
-- filled from the clear ones by the Java migration V12_1 (cn.unionportal.aid), which needs the key;
-- V12_2 then drops the clear columns. Statistics keep the tier, the counts and, stored at write
-- time, whether the per-capita income was below the district threshold (NULL: no threshold known).
-- A 2,000-character text in Chinese is 6,000 bytes of UTF-8, 8,040 characters encrypted.
ALTER TABLE hardship_file ADD COLUMN monthly_income_cipher VARCHAR(200);
ALTER TABLE hardship_file ADD COLUMN per_capita_income_cipher VARCHAR(200);
ALTER TABLE hardship_file ADD COLUMN below_threshold BOOLEAN;
ALTER TABLE hardship_file ADD COLUMN situation_cipher VARCHAR(8200);
ALTER TABLE hardship_file ADD COLUMN visit_notes_cipher VARCHAR(8200);
