-- Administrators of several hospitals (api.md: "an administrator of several hospitals passes
-- ?hospital=CODE"). An account belongs to one hospital; a row here lets an account holding ADMIN act in
-- one more hospital through the API. Deployment-level, like hospital itself: on Citus a reference table.
-- Granted by the operator of the deployment (docs/security.md), as hospitals are created by operators too.
CREATE TABLE admin_hospital (
    hospital_id bigint      NOT NULL REFERENCES hospital (id),
    user_id     bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    granted_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (hospital_id, user_id)
);
