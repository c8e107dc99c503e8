-- Issue 14: several portal nodes on one database.
-- Named leases: scheduled work (purges, reminders, statistics refresh) runs on the node that holds
-- the lease (shared/cluster/ClusterLeases); a lease whose holder died expires at lease_until.
CREATE TABLE cluster_lease (
    name         VARCHAR(100) NOT NULL,
    holder       VARCHAR(100) NOT NULL,
    lease_until  TIMESTAMP WITH TIME ZONE NOT NULL,
    acquired_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_cluster_lease PRIMARY KEY (name)
);

-- An import is claimed by the node that received the upload (the file lies on that node's disk).
-- The node renews lease_until while the import runs; after it lapses another node marks the import
-- as failed (interrupted): the batches written stay, the file is gone with the node.
ALTER TABLE member_import ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE member_import ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_member_import_unfinished ON member_import (status, lease_until);
