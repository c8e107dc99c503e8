-- Issue 12: a grassroots union records the number of employees of its unit (职工人数), for the
-- membership rate (入会率 = members / employees) of the annual statistics. Null: not recorded.
ALTER TABLE organization ADD COLUMN employees INT;
ALTER TABLE organization ADD CONSTRAINT ck_organization_employees CHECK (employees IS NULL OR employees >= 0);
