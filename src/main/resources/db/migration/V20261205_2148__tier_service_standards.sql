-- Each tier's service standards (服务标准) beside its other management standards: the response time the hospital
-- promises the tier's referrals (响应时限, average hours from referral to acceptance) and the arrival rate expected
-- of them (到诊率标准, per cent of referrals whose patient came). The portal shows a channel its own month against
-- them. Existing tiers get the defaults of their code; a tier of another code keeps 24 h and 60 %.
ALTER TABLE channel_tier
    ADD COLUMN response_hours integer NOT NULL DEFAULT 24 CHECK (response_hours BETWEEN 1 AND 720),
    ADD COLUMN arrival_rate   integer NOT NULL DEFAULT 60 CHECK (arrival_rate BETWEEN 0 AND 100);

UPDATE channel_tier SET response_hours = 4, arrival_rate = 80 WHERE code = 'A';
UPDATE channel_tier SET response_hours = 8, arrival_rate = 70 WHERE code = 'B';
UPDATE channel_tier SET response_hours = 24, arrival_rate = 60 WHERE code = 'C';
UPDATE channel_tier SET response_hours = 48, arrival_rate = 50 WHERE code = 'D';
