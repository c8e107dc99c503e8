-- Issue 8, item 1 (after the Java migration V11_1 filled birth_year and birth_date_cipher and
-- re-masked id_number_masked): the clear birth date and the clear last four characters go.
-- /status compares the last four with the decrypted number instead. Portable SQL.
ALTER TABLE member ALTER COLUMN birth_year SET NOT NULL;
ALTER TABLE member ALTER COLUMN birth_date_cipher SET NOT NULL;
ALTER TABLE member DROP COLUMN birth_date;
ALTER TABLE member DROP COLUMN id_last_four;
