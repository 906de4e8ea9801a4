-- The in-app inbox (消息中心, docs/notifications.md): one row per notification of one user. The text is not stored:
-- message_key and its arguments are resolved when the notification is shown, in the reader's language.
-- A notification raised by a module event names its source (e.g. the evaluation); the unique key on
-- (hospital, recipient, kind, source) lets an event delivered again create nothing twice.

CREATE TABLE notification (
    hospital_id  bigint       NOT NULL REFERENCES hospital (id),
    id           bigint GENERATED ALWAYS AS IDENTITY,
    recipient    varchar(64)  NOT NULL,
    kind         varchar(40)  NOT NULL,
    source_id    bigint       NOT NULL,
    message_key  varchar(120) NOT NULL,
    message_args text[]       NOT NULL DEFAULT '{}',
    link         varchar(300) NOT NULL,
    created_at   timestamptz  NOT NULL,
    read_at      timestamptz,
    PRIMARY KEY (hospital_id, id),
    UNIQUE (hospital_id, recipient, kind, source_id)
);

-- the bell's count and the unread list
CREATE INDEX notification_unread ON notification (hospital_id, recipient) WHERE read_at IS NULL;
-- the list, newest first
CREATE INDEX notification_recipient_created ON notification (hospital_id, recipient, created_at DESC, id DESC);
