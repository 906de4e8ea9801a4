-- Second factor (两步验证, TOTP per RFC 6238): one authenticator per account. The secret is AES-GCM encrypted
-- (FieldCipher, key file second-factor.key); confirmed_at is empty while the person has not yet typed a first code;
-- last_step is the last time step accepted, so no code is accepted twice.
CREATE TABLE second_factor (
    hospital_id  bigint      NOT NULL,
    user_id      bigint      NOT NULL,
    secret       bytea       NOT NULL,
    created_at   timestamptz NOT NULL,
    confirmed_at timestamptz,
    last_step    bigint      NOT NULL DEFAULT -1,
    PRIMARY KEY (hospital_id, user_id),
    FOREIGN KEY (hospital_id, user_id) REFERENCES app_user (hospital_id, id) ON DELETE CASCADE
);

-- One-time recovery codes: only their SHA-256 hash is kept; used_at is set when one is used.
CREATE TABLE second_factor_recovery (
    hospital_id bigint      NOT NULL,
    user_id     bigint      NOT NULL,
    code_hash   char(64)    NOT NULL,
    used_at     timestamptz,
    PRIMARY KEY (hospital_id, user_id, code_hash),
    FOREIGN KEY (hospital_id, user_id) REFERENCES second_factor (hospital_id, user_id) ON DELETE CASCADE
);

-- Wrong codes at sign-in, throttled like wrong passwords; kept apart from login_failure so that a right password
-- does not clear them.
CREATE TABLE second_factor_failure (
    hospital_id bigint      NOT NULL,
    id          bigint GENERATED ALWAYS AS IDENTITY,
    user_id     bigint      NOT NULL,
    remote_addr varchar(64),
    failed_at   timestamptz NOT NULL,
    PRIMARY KEY (hospital_id, id),
    FOREIGN KEY (hospital_id, user_id) REFERENCES app_user (hospital_id, id) ON DELETE CASCADE
);
CREATE INDEX second_factor_failure_user ON second_factor_failure (hospital_id, user_id, failed_at);
