-- Issue 12: the statistics module's own tables. A frozen year keeps every organization's own
-- figures (not sums: the pages add them up the tree as for live figures).
CREATE TABLE statistics_freeze (
    stat_year   INT         NOT NULL PRIMARY KEY,
    frozen      BOOLEAN     NOT NULL,
    start_month INT         NOT NULL,
    changed_by  VARCHAR(50) NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT      NOT NULL DEFAULT 0
);

CREATE TABLE statistics_snapshot (
    stat_year       INT            NOT NULL,
    figure_key      VARCHAR(80)    NOT NULL,
    organization_id BIGINT         NOT NULL REFERENCES organization (id),
    figure_value    DECIMAL(16, 2) NOT NULL,
    PRIMARY KEY (stat_year, figure_key, organization_id)
);

CREATE INDEX ix_statistics_snapshot_organization ON statistics_snapshot (organization_id, stat_year);

-- Figures of a frozen year the administrators chose for the public page (federation-wide totals).
CREATE TABLE statistics_publication (
    stat_year    INT         NOT NULL,
    figure_key   VARCHAR(80) NOT NULL,
    published_by VARCHAR(50) NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (stat_year, figure_key)
);
