-- Notifications delivered outside Meridian (docs/notifications.md): by e-mail and by WeCom / DingTalk group-robot
-- webhooks, as each user chose, through a stored outbox so that nothing is lost and no action waits for a mail
-- server.

-- Where a user's notifications go outside Meridian: the e-mail address the user gave; the group robot (format, URL,
-- which holds the robot's key, and DingTalk's optional signing secret) is set by the hospital's administrator, never
-- by the user.
CREATE TABLE notification_contact (
    hospital_id    bigint       NOT NULL REFERENCES hospital (id),
    username       varchar(64)  NOT NULL,
    email          varchar(254),
    webhook_format varchar(20),
    webhook_url    varchar(500),
    webhook_secret varchar(200),
    updated_at     timestamptz  NOT NULL,
    PRIMARY KEY (hospital_id, username),
    CHECK ((webhook_format IS NULL) = (webhook_url IS NULL))
);

-- Which kinds a user wants by which way besides the in-app inbox (always): one row per kind and way chosen.
CREATE TABLE notification_preference (
    hospital_id bigint      NOT NULL REFERENCES hospital (id),
    username    varchar(64) NOT NULL,
    kind        varchar(40) NOT NULL,
    way         varchar(20) NOT NULL,
    PRIMARY KEY (hospital_id, username, kind, way)
);

-- The outbox: one row per notification and way, written in the transaction that made the notification and sent
-- afterwards by the scheduled sender. The text is fixed when the row is written (in Chinese, without any text a
-- person typed); the address is read from notification_contact at each attempt, so a corrected address is used by
-- the next retry.
CREATE TABLE notification_delivery (
    hospital_id     bigint       NOT NULL REFERENCES hospital (id),
    id              bigint GENERATED ALWAYS AS IDENTITY,
    notification_id bigint       NOT NULL,
    recipient       varchar(64)  NOT NULL,
    kind            varchar(40)  NOT NULL,
    way             varchar(20)  NOT NULL,
    subject         varchar(300) NOT NULL,
    body            text         NOT NULL,
    link            varchar(300) NOT NULL,
    status          varchar(20)  NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    last_error      varchar(500),
    created_at      timestamptz  NOT NULL,
    sent_at         timestamptz,
    PRIMARY KEY (hospital_id, id),
    UNIQUE (hospital_id, notification_id, way),
    FOREIGN KEY (hospital_id, notification_id) REFERENCES notification (hospital_id, id)
);

-- the sender's scan of what is due
CREATE INDEX notification_delivery_due ON notification_delivery (next_attempt_at) WHERE status = 'PENDING';
-- the administrator's list, newest first
CREATE INDEX notification_delivery_created ON notification_delivery (hospital_id, created_at DESC, id DESC);
