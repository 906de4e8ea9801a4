-- Spring Modulith's event publication registry (docs/adr/0004-event-publication-registry.md): one row per event
-- and listener, written in the transaction that publishes the event and completed when the listener has done its
-- work. A row without completion_date is work still owed; it is delivered again at the next start.
-- The columns are those Spring Modulith 2.1 expects on PostgreSQL (its "v2" structure: status, attempts and the
-- last resubmission); Spring Modulith's own schema initialisation is off, Flyway owns the schema.
-- Not a domain table: it holds no hospital_id of its own (the hospital is inside serialized_event) and, on a
-- distributed deployment, stays a local table of the coordinator that runs the application.

CREATE TABLE event_publication (
    id                     uuid        NOT NULL PRIMARY KEY,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);

-- completing looks a publication up by its listener and serialized event
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
-- the start-up resubmission reads the incomplete ones
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
