-- Spring Modulith's JDBC event publication registry (schema version 2 of Spring Modulith 2.1, see
-- spring-modulith-events-jdbc: schemas/v2/schema-postgresql.sql and schema-h2.sql): one row per
-- event and listener of @ApplicationModuleListener, written in the publishing transaction,
-- completed when the listener has run; rows left incomplete are republished at start-up.
-- Flyway owns the table (spring.modulith.events.jdbc.schema-initialization.enabled=false).
-- Portable: the types that both PostgreSQL and H2 (MODE=PostgreSQL) accept; the serialized events
-- are small JSON documents.
CREATE TABLE event_publication (
    id                     UUID          NOT NULL,
    listener_id            VARCHAR(512)  NOT NULL,
    event_type             VARCHAR(512)  NOT NULL,
    serialized_event       VARCHAR(4000) NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id)
);

CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
