-- Sign-in hardening (issue 8, items 2, 3 and 12). Portable SQL (PostgreSQL and H2).

-- A per-account security stamp: every change that takes rights away (disable, roles, password
-- reset, dissolved organization, member status) bumps it, and a session whose principal carries
-- an older value ends at its next request. One column, read by primary key, so it holds across
-- several nodes sharing the database (sessions in Spring Session JDBC later).
ALTER TABLE staff_account ADD COLUMN session_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE member_account ADD COLUMN session_version BIGINT NOT NULL DEFAULT 0;

-- Staff user names are compared in one canonical form (NFKC, no whitespace, lower case):
-- existing names are lowered unless that would collide with another account's name.
UPDATE staff_account SET username = LOWER(username)
WHERE username <> LOWER(username)
  AND NOT EXISTS (SELECT 1 FROM staff_account other
                  WHERE other.id <> staff_account.id AND LOWER(other.username) = LOWER(staff_account.username));

-- Failed sign-ins per client address in a fixed window, counted atomically (one row per address).
CREATE TABLE login_address_attempt (
    address      VARCHAR(64) PRIMARY KEY,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts     INT NOT NULL
);

CREATE INDEX ix_login_address_attempt_window ON login_address_attempt (window_start);
