-- Foundation: tenants (hospitals), accounts, personal access tokens, sign-in failures, audit log.
-- Every domain table carries hospital_id and includes it in its primary key and unique constraints,
-- so that a region can be distributed by hospital on Citus without a schema change (docs/adr/0002).

CREATE TABLE hospital (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        varchar(32)  NOT NULL UNIQUE,
    name        varchar(200) NOT NULL,
    time_zone   varchar(64)  NOT NULL DEFAULT 'Asia/Shanghai',
    created_at  timestamptz  NOT NULL DEFAULT now()
);

-- Accounts. A user belongs to one hospital. The username is unique across the deployment because
-- people sign in with it alone; on Citus this small table is a reference table (docs/adr/0002).
CREATE TABLE app_user (
    hospital_id   bigint       NOT NULL REFERENCES hospital (id),
    id            bigint GENERATED ALWAYS AS IDENTITY,
    username      varchar(64)  NOT NULL,
    display_name  varchar(100) NOT NULL,
    password_hash varchar(200) NOT NULL,
    enabled       boolean      NOT NULL DEFAULT true,
    channel_id    bigint,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    password_changed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (hospital_id, id),
    UNIQUE (id)
);
CREATE UNIQUE INDEX app_user_username_uk ON app_user (lower(username));

CREATE TABLE app_user_role (
    hospital_id bigint      NOT NULL,
    user_id     bigint      NOT NULL,
    role        varchar(32) NOT NULL CHECK (role IN ('ADMIN', 'HOSPITAL_MANAGER', 'CHANNEL_MANAGER',
                                                     'ANALYST', 'CHANNEL_USER', 'REGULATOR')),
    PRIMARY KEY (hospital_id, user_id, role),
    FOREIGN KEY (hospital_id, user_id) REFERENCES app_user (hospital_id, id) ON DELETE CASCADE
);

-- Personal access tokens: only a SHA-256 hash of the secret is stored; the prefix identifies it in lists.
CREATE TABLE api_token (
    hospital_id  bigint       NOT NULL,
    id           bigint GENERATED ALWAYS AS IDENTITY,
    user_id      bigint       NOT NULL,
    name         varchar(100) NOT NULL,
    token_prefix varchar(16)  NOT NULL,
    token_hash   char(64)     NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    PRIMARY KEY (hospital_id, id),
    FOREIGN KEY (hospital_id, user_id) REFERENCES app_user (hospital_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX api_token_hash_uk ON api_token (token_hash);

-- Failed sign-ins, the basis of the lock-out (5 within 15 minutes).
CREATE TABLE login_failure (
    hospital_id bigint      NOT NULL,
    user_id     bigint      NOT NULL,
    failed_at   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (hospital_id, user_id) REFERENCES app_user (hospital_id, id) ON DELETE CASCADE
);
CREATE INDEX login_failure_user_idx ON login_failure (hospital_id, user_id, failed_at);

-- Audit log: who, when, what, from where. hospital_id 0 marks deployment-level entries without a
-- known hospital (a sign-in attempt with an unknown username); hence no foreign key to hospital.
CREATE TABLE audit_log (
    hospital_id bigint       NOT NULL,
    id          bigint GENERATED ALWAYS AS IDENTITY,
    at          timestamptz  NOT NULL DEFAULT now(),
    actor       varchar(64)  NOT NULL,
    action      varchar(64)  NOT NULL,
    target      varchar(200),
    details     jsonb,
    remote_addr varchar(64),
    PRIMARY KEY (hospital_id, id)
);
CREATE INDEX audit_log_hospital_at_idx ON audit_log (hospital_id, at DESC);
