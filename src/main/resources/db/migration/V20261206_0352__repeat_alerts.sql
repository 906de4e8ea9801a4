-- Repeat-rate alerts (重复检查预警, issue 16): the region's threshold in per cent (NULL: the installation's default
-- meridian.region.repeat-alert-threshold), set by the region administrator, and the alerts raised: one per subject
-- (an institution as HOSPITAL or HOSPITAL/UNIT, a catalogue item, an alliance) and month, with the figures and the
-- threshold of the moment it was raised. Alerts are read by region; on Citus the table is distributed by region_id.
ALTER TABLE region ADD COLUMN repeat_alert_threshold numeric(4, 1)
    CHECK (repeat_alert_threshold > 0 AND repeat_alert_threshold < 100);

CREATE TABLE repeat_alert (
    region_id     bigint        NOT NULL REFERENCES region (id),
    id            bigint GENERATED ALWAYS AS IDENTITY,
    kind          varchar(16)   NOT NULL CHECK (kind IN ('INSTITUTION', 'ITEM', 'ALLIANCE')),
    subject       varchar(80)   NOT NULL,
    subject_name  varchar(200)  NOT NULL,
    month         date          NOT NULL CHECK (extract(day FROM month) = 1),
    records       bigint        NOT NULL CHECK (records > 0),
    repeats       bigint        NOT NULL CHECK (repeats >= 0 AND repeats <= records),
    threshold     numeric(4, 1) NOT NULL,
    raised_at     timestamptz   NOT NULL,
    PRIMARY KEY (region_id, id),
    UNIQUE (region_id, kind, subject, month)
);
CREATE INDEX repeat_alert_by_month ON repeat_alert (region_id, month DESC, id DESC);
