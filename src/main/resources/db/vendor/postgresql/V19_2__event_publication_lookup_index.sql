-- The registry finds a publication by its serialized event when marking it completed; Spring
-- Modulith's PostgreSQL schema uses a hash index for that (a B-tree on a long text would be large).
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
