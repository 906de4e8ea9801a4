-- The region administrator (区域管理员, issue 16): creates the hospitals of its region with their first
-- administrator, and manages which accounts act in which hospitals. A role of its own, granted apart from the
-- hospital roles (a hospital's administrator cannot grant it).
ALTER TABLE app_user_role DROP CONSTRAINT app_user_role_role_check;
ALTER TABLE app_user_role ADD CONSTRAINT app_user_role_role_check CHECK (role IN ('ADMIN', 'HOSPITAL_MANAGER',
    'CHANNEL_MANAGER', 'ANALYST', 'CHANNEL_USER', 'REGULATOR', 'REFERRAL_DESK', 'REGION_ADMIN'));

-- What the region knows of each of its hospitals: the institution type (the same types as an INSTITUTION
-- unit), its grade (等级, free text such as 三级甲等) and district (区县). Null for hospitals created before.
-- demo marks the institutions the demo data made up, so that pages can label them.
ALTER TABLE hospital ADD COLUMN type varchar(32)
    CHECK (type IN ('TERTIARY_HOSPITAL', 'SECONDARY_HOSPITAL', 'PRIMARY_CARE'));
ALTER TABLE hospital ADD COLUMN level varchar(32);
ALTER TABLE hospital ADD COLUMN district varchar(100);
ALTER TABLE hospital ADD COLUMN demo boolean NOT NULL DEFAULT false;
CREATE INDEX hospital_region_idx ON hospital (region_id, code);

-- An existing deployment's operator account (`admin` of the first hospital) becomes the region's administrator,
-- as the first start does for a new deployment.
INSERT INTO app_user_role (hospital_id, user_id, role)
SELECT u.hospital_id, u.id, 'REGION_ADMIN' FROM app_user u
WHERE u.username = 'admin' AND u.hospital_id = (SELECT min(id) FROM hospital);
