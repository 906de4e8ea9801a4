-- Referrals (转诊) that a channel's user starts in the portal, worked by the hospital's referral desk
-- (转诊服务中心). hospital_id is part of every key (docs/adr/0002).

-- the referral desk is a role of its own
ALTER TABLE app_user_role DROP CONSTRAINT app_user_role_role_check;
ALTER TABLE app_user_role ADD CONSTRAINT app_user_role_role_check CHECK (role IN ('ADMIN', 'HOSPITAL_MANAGER',
    'CHANNEL_MANAGER', 'ANALYST', 'CHANNEL_USER', 'REGULATOR', 'REFERRAL_DESK'));

-- the portal is a source of intake events
ALTER TABLE intake_event DROP CONSTRAINT intake_event_source_check;
ALTER TABLE intake_event ADD CONSTRAINT intake_event_source_check
    CHECK (source IN ('API', 'CSV', 'XLSX', 'FHIR', 'PORTAL'));

-- the departments of a hospital that take referrals; a hospital without any gets the default list on first use
CREATE TABLE referral_department (
    hospital_id  bigint       NOT NULL REFERENCES hospital (id),
    name         varchar(50)  NOT NULL,
    position     integer      NOT NULL,
    PRIMARY KEY (hospital_id, name)
);

CREATE TABLE referral (
    hospital_id      bigint        NOT NULL,
    id               bigint GENERATED ALWAYS AS IDENTITY,
    channel_id       bigint        NOT NULL,
    channel_code     varchar(32)   NOT NULL,
    channel_name     varchar(100)  NOT NULL,
    -- the client's Idempotency-Key: the same key of the same channel is the same referral
    idempotency_key  varchar(128)  NOT NULL,
    urgency          varchar(8)    NOT NULL CHECK (urgency IN ('ROUTINE', 'URGENT')),
    department       varchar(50),
    status           varchar(16)   NOT NULL CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'SCHEDULED', 'ARRIVED',
                                                              'CONVERTED', 'DECLINED')),
    -- AES-GCM (nonce || ciphertext) of what the channel typed about the patient; null after the retention period
    patient_name     bytea,
    patient_phone    bytea,
    note             bytea,
    -- the patient's pseudonym as intake stores it (HMAC-SHA-256 of the phone number); kept after the purge
    patient_pseudonym varchar(64)  NOT NULL,
    purged_at        timestamptz,
    created_at       timestamptz   NOT NULL,
    created_by       varchar(64)   NOT NULL,
    accepted_at      timestamptz,
    scheduled_at     timestamptz,
    appointment_date date,
    appointment_department varchar(50),
    appointment_doctor varchar(50),
    arrived_at       timestamptz,
    converted_at     timestamptz,
    declined_at      timestamptz,
    decline_reason   varchar(500),
    feedback         varchar(500),
    updated_by       varchar(64),
    PRIMARY KEY (hospital_id, id),
    UNIQUE (hospital_id, channel_id, idempotency_key),
    FOREIGN KEY (hospital_id, channel_id) REFERENCES channel (hospital_id, id),
    CHECK ((purged_at IS NULL) = (patient_name IS NOT NULL AND patient_phone IS NOT NULL))
);
CREATE INDEX referral_channel_idx ON referral (hospital_id, channel_id, created_at DESC);
CREATE INDEX referral_status_idx ON referral (hospital_id, status, created_at);

-- the intake events each step recorded, in order
CREATE TABLE referral_event (
    hospital_id  bigint        NOT NULL,
    referral_id  bigint        NOT NULL,
    event_id     varchar(128)  NOT NULL,
    type         varchar(16)   NOT NULL,
    position     integer       NOT NULL,
    PRIMARY KEY (hospital_id, referral_id, event_id),
    FOREIGN KEY (hospital_id, referral_id) REFERENCES referral (hospital_id, id)
);
