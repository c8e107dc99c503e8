-- The audit trail is a module of its own (cn.unionportal.audit) and owns the table audit_event
-- from here on. The table itself was created by V3__member_registry.sql, before the trail left
-- the shared code; applied migrations cannot move, so its history stays there.
-- Browsing is always by subtree (organization_id IN the scope) and newest first.
CREATE INDEX ix_audit_organization_time ON audit_event (organization_id, occurred_at);
