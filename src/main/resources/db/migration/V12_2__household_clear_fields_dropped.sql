-- The clear copies, encrypted by V12_1 (see V12), go.
ALTER TABLE hardship_file DROP CONSTRAINT ck_hardship_file_income;
ALTER TABLE hardship_file DROP COLUMN monthly_income;
ALTER TABLE hardship_file DROP COLUMN per_capita_income;
ALTER TABLE hardship_file DROP COLUMN situation;
ALTER TABLE hardship_file DROP COLUMN visit_notes;
