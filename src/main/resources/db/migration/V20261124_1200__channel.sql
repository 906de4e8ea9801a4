-- Channels (渠道): the registry, each hospital's tier catalogue (分级标准) and the trail of tier changes.
-- hospital_id is part of every primary key, unique constraint and foreign key (docs/adr/0002).

-- A hospital's tiers and what each entitles a channel to. rank 1 is the best tier.
CREATE TABLE channel_tier (
    hospital_id      bigint        NOT NULL REFERENCES hospital (id),
    code             varchar(8)    NOT NULL,
    name             varchar(50)   NOT NULL,
    rank             integer       NOT NULL CHECK (rank >= 1),
    review_cadence   varchar(16)   NOT NULL CHECK (review_cadence IN ('MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY')),
    visits_per_year  integer       NOT NULL CHECK (visits_per_year BETWEEN 0 AND 365),
    incentive_rate   numeric(5, 2) NOT NULL CHECK (incentive_rate BETWEEN 0 AND 100),
    priority_quota   integer       NOT NULL CHECK (priority_quota BETWEEN 0 AND 100000),
    notes            varchar(1000),
    PRIMARY KEY (hospital_id, code),
    UNIQUE (hospital_id, rank)
);

CREATE TABLE channel (
    hospital_id       bigint        NOT NULL REFERENCES hospital (id),
    id                bigint GENERATED ALWAYS AS IDENTITY,
    code              varchar(32)   NOT NULL,
    name              varchar(100)  NOT NULL,
    type              varchar(32)   NOT NULL CHECK (type IN ('EXAM_CENTER', 'COMMUNITY_HEALTH', 'REFERRAL_INSTITUTION',
                                                             'HEALTH_PLATFORM', 'ALLIANCE_MEMBER', 'OTHER')),
    cooperation_level varchar(16)   CHECK (cooperation_level IN ('STRATEGIC', 'CLOSE', 'GENERAL')),
    status            varchar(16)   NOT NULL CHECK (status IN ('PROSPECT', 'PILOT', 'ACTIVE', 'PROBATION', 'TERMINATED')),
    tier              varchar(8),
    -- region as a path 市/区/街道, e.g. '杭州市/西湖区/北山街道'; a prefix selects everything beneath it
    region            varchar(160),
    address           varchar(200),
    contact_name      varchar(50),
    contact_phone     varchar(20),
    contract_start    date,
    contract_end      date,
    contract_ref      varchar(64),
    notes             varchar(1000),
    created_at        timestamptz   NOT NULL DEFAULT now(),
    updated_at        timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (hospital_id, id),
    UNIQUE (hospital_id, code),
    FOREIGN KEY (hospital_id, tier) REFERENCES channel_tier (hospital_id, code),
    CHECK (contract_start IS NULL OR contract_end IS NULL OR contract_end >= contract_start)
);
CREATE INDEX channel_region_idx ON channel (hospital_id, region varchar_pattern_ops);
CREATE INDEX channel_contract_end_idx ON channel (hospital_id, contract_end);

-- Every status change with its reason (生命周期).
CREATE TABLE channel_status_change (
    hospital_id  bigint       NOT NULL,
    id           bigint GENERATED ALWAYS AS IDENTITY,
    channel_id   bigint       NOT NULL,
    from_status  varchar(16),
    to_status    varchar(16)  NOT NULL,
    reason       varchar(500) NOT NULL,
    changed_by   varchar(64)  NOT NULL,
    changed_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (hospital_id, id),
    FOREIGN KEY (hospital_id, channel_id) REFERENCES channel (hospital_id, id)
);
CREATE INDEX channel_status_change_channel_idx ON channel_status_change (hospital_id, channel_id);

-- Tier changes (分级调整): upgrades apply at once; downgrades wait as PENDING for a hospital manager.
CREATE TABLE channel_tier_change (
    hospital_id     bigint       NOT NULL,
    id              bigint GENERATED ALWAYS AS IDENTITY,
    channel_id      bigint       NOT NULL,
    from_tier       varchar(8),
    to_tier         varchar(8)   NOT NULL,
    direction       varchar(16)  NOT NULL CHECK (direction IN ('INITIAL', 'UPGRADE', 'DOWNGRADE')),
    reason          varchar(500) NOT NULL,
    source          varchar(16)  NOT NULL CHECK (source IN ('MANUAL', 'EVALUATION')),
    source_ref      varchar(100),
    status          varchar(16)  NOT NULL CHECK (status IN ('APPLIED', 'PENDING', 'APPROVED', 'REJECTED', 'SUPERSEDED')),
    requested_by    varchar(64)  NOT NULL,
    requested_by_id bigint,
    requested_at    timestamptz  NOT NULL DEFAULT now(),
    decided_by      varchar(64),
    decided_at      timestamptz,
    decision_note   varchar(500),
    PRIMARY KEY (hospital_id, id),
    FOREIGN KEY (hospital_id, channel_id) REFERENCES channel (hospital_id, id),
    FOREIGN KEY (hospital_id, to_tier) REFERENCES channel_tier (hospital_id, code)
);
CREATE INDEX channel_tier_change_channel_idx ON channel_tier_change (hospital_id, channel_id, requested_at DESC);
-- at most one pending downgrade per channel
CREATE UNIQUE INDEX channel_tier_change_pending_uk ON channel_tier_change (hospital_id, channel_id)
    WHERE status = 'PENDING';
