-- Issue 11: model workers (劳模 and 先进工作者, any level) come first on the aid module's lists.
-- The aid module keeps its own copy of who holds such an honour, one row per honour, written and
-- removed on the award module's conferral and revocation; it never reads the award tables.
CREATE TABLE aid_priority_holder (
    honour_id    BIGINT      NOT NULL PRIMARY KEY,
    member_id    BIGINT      NOT NULL,
    kind_code    VARCHAR(40) NOT NULL,
    conferred_on DATE        NOT NULL
);

CREATE INDEX ix_aid_priority_holder_member ON aid_priority_holder (member_id);

-- Honours recorded before this migration (the schema's history may read both modules' tables once).
INSERT INTO aid_priority_holder (honour_id, member_id, kind_code, conferred_on)
SELECT h.id, h.member_id, k.code, h.conferred_on
FROM honour h JOIN honour_kind k ON k.id = h.kind_id
WHERE h.status = 'ACTIVE' AND h.member_id IS NOT NULL
  AND k.code IN ('NATIONAL_MODEL_WORKER', 'NATIONAL_ADVANCED_WORKER', 'SHANDONG_MODEL_WORKER',
                 'SHANDONG_ADVANCED_WORKER', 'WEIHAI_MODEL_WORKER', 'WEIHAI_ADVANCED_WORKER');
