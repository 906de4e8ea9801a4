-- Alerts of the seasonal-aware scan (异常预警, docs/insight.md "Alerts"): one row per channel, measure, grain and
-- day (the first day of the month for a monthly alert), so that scanning the same days again adds nothing and never
-- reopens an alert someone acknowledged or closed.

CREATE TABLE insight_alert (
    hospital_id     bigint        NOT NULL,
    id              bigint GENERATED ALWAYS AS IDENTITY,
    channel_id      bigint        NOT NULL,
    measure         varchar(20)   NOT NULL CHECK (measure IN ('REFERRALS', 'ARRIVALS')),
    grain           varchar(8)    NOT NULL CHECK (grain IN ('DAY', 'MONTH')),
    day             date          NOT NULL,
    observed        numeric(14,2) NOT NULL,
    expected        numeric(14,2) NOT NULL,
    lower_bound     numeric(14,2) NOT NULL,
    upper_bound     numeric(14,2) NOT NULL,
    rule            varchar(24)   NOT NULL CHECK (rule IN ('WEEKLY_PATTERN', 'YEARLY_PATTERN', 'SILENCE')),
    status          varchar(16)   NOT NULL CHECK (status IN ('NEW', 'ACKNOWLEDGED', 'CLOSED')),
    note            varchar(500),
    raised_at       timestamptz   NOT NULL,
    acknowledged_by varchar(64),
    acknowledged_at timestamptz,
    closed_by       varchar(64),
    closed_at       timestamptz,
    PRIMARY KEY (hospital_id, id),
    UNIQUE (hospital_id, channel_id, measure, grain, day),
    FOREIGN KEY (hospital_id, channel_id) REFERENCES channel (hospital_id, id)
);

-- the list, newest day first, by status
CREATE INDEX insight_alert_status_day ON insight_alert (hospital_id, status, day DESC, id DESC);
