-- Issue 8, item 1: what staff can see, and what is clear at rest, leaves at least 1,000 candidate
-- ID numbers (docs/architecture.md, "Personal data"). The clear birth date and the clear last four
-- characters go; the birth year stays for statistics and the exact birth date is kept encrypted.
-- V11_1 (a Java migration, it needs the data key) fills the new columns, re-masks id_number_masked
-- and rewrites old audit details; V11_2 then drops the clear columns. Portable SQL.
ALTER TABLE member ADD COLUMN birth_year INTEGER;
ALTER TABLE member ADD COLUMN birth_date_cipher VARCHAR(200);

-- Exact searches by ID or mobile number per user and fixed window (MemberExactSearches): one row
-- per user, counted up atomically by a conditional UPDATE, so parallel searches cannot pass the limit.
CREATE TABLE member_exact_search_allowance (
    username     VARCHAR(100) NOT NULL PRIMARY KEY,
    window_start BIGINT       NOT NULL,
    searches     INT          NOT NULL
);
