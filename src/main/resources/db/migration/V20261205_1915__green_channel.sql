-- Green-channel appointments (绿色通道, docs/referrals.md): a referral scheduled on one of its channel's priority
-- slots, and the over-quota bookings held for a hospital manager's approval (four eyes).

ALTER TABLE referral ADD COLUMN green_channel boolean NOT NULL DEFAULT false;
-- the slots a channel used in a month: its green-channel appointments dated in that month
CREATE INDEX referral_green_channel_idx ON referral (hospital_id, channel_id, appointment_date) WHERE green_channel;

CREATE TABLE green_channel_request (
    hospital_id            bigint        NOT NULL,
    id                     bigint GENERATED ALWAYS AS IDENTITY,
    referral_id            bigint        NOT NULL,
    channel_id             bigint        NOT NULL,
    appointment_date       date          NOT NULL,
    appointment_department varchar(50)   NOT NULL,
    appointment_doctor     varchar(50)   NOT NULL,
    -- the channel's monthly quota and the slots it had used in the appointment's month when the desk asked
    quota                  integer       NOT NULL,
    used                   integer       NOT NULL,
    requested_by           varchar(64)   NOT NULL,
    requested_at           timestamptz   NOT NULL,
    status                 varchar(10)   NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REFUSED', 'WITHDRAWN')),
    decided_by             varchar(64),
    decided_at             timestamptz,
    note                   varchar(500),
    PRIMARY KEY (hospital_id, id),
    FOREIGN KEY (hospital_id, referral_id) REFERENCES referral (hospital_id, id),
    CHECK ((status = 'PENDING') = (decided_at IS NULL))
);
-- at most one booking of a referral waits for approval
CREATE UNIQUE INDEX green_channel_request_pending ON green_channel_request (hospital_id, referral_id)
    WHERE status = 'PENDING';
