-- Who created an account, who last granted it administrator rights and who last reset its
-- password (issue 8, four eyes).
-- An aid approval is refused between accounts linked this way (see AccountLinks). Existing
-- accounts keep NULL: their provenance was never recorded. Portable SQL (PostgreSQL and H2).

ALTER TABLE staff_account ADD COLUMN created_by BIGINT REFERENCES staff_account (id);
ALTER TABLE staff_account ADD COLUMN elevated_by BIGINT REFERENCES staff_account (id);
ALTER TABLE staff_account ADD COLUMN password_reset_by BIGINT REFERENCES staff_account (id);

CREATE INDEX ix_staff_account_created_by ON staff_account (created_by);
CREATE INDEX ix_staff_account_elevated_by ON staff_account (elevated_by);
CREATE INDEX ix_staff_account_password_reset_by ON staff_account (password_reset_by);
