-- Issue 12 (statistics). The member table keeps a status but not the day a member left: member_exit
-- keeps it (the member module writes it on MemberStatusChanged), with the organization the member
-- left from. Members who left before this migration get the day their row was last changed.
CREATE TABLE member_exit (
    member_id       BIGINT      NOT NULL PRIMARY KEY REFERENCES member (id),
    organization_id BIGINT      NOT NULL REFERENCES organization (id),
    status          VARCHAR(20) NOT NULL,
    left_on         DATE        NOT NULL
);

CREATE INDEX ix_member_exit_organization ON member_exit (organization_id, left_on);

INSERT INTO member_exit (member_id, organization_id, status, left_on)
SELECT id, organization_id, status, CAST(updated_at AS DATE) FROM member WHERE status <> 'ACTIVE';

-- The statistics read each union's members grouped by these columns: an index-only scan per union.
CREATE INDEX ix_member_statistics ON member (organization_id, join_date, status, gender, employment_type, birth_year);

-- Transfers completed after a period's end move members back to where they were at its end.
CREATE INDEX ix_member_transfer_decided ON member_transfer (status, decided_at);

CREATE INDEX ix_aid_case_statistics ON aid_case (organization_id, aid_year, kind, status);
CREATE INDEX ix_aid_payment_paid_on ON aid_payment (paid_on, case_id);
