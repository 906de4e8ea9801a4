-- Sign-in throttling (docs/security.md, Sign-in): a failed sign-in remembers the address it came from and the
-- username as typed, and failures on unknown usernames are counted as well (hospital_id and user_id empty), so that
-- unknown and existing accounts answer alike and a stranger's failures lock only the stranger's address.
-- Rows from before this change have no address and count against every address, as they did.
ALTER TABLE login_failure ALTER COLUMN hospital_id DROP NOT NULL;
ALTER TABLE login_failure ALTER COLUMN user_id DROP NOT NULL;
ALTER TABLE login_failure ADD COLUMN username varchar(200);
ALTER TABLE login_failure ADD COLUMN remote_addr varchar(64);
CREATE INDEX login_failure_name_addr_idx ON login_failure (lower(username), remote_addr, failed_at);
CREATE INDEX login_failure_addr_idx ON login_failure (remote_addr, failed_at);
