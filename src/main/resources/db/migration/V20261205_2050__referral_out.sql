-- Issue 16 point 4: the event type REFERRAL_OUT (the hospital referred a patient out to another institution of its
-- region, attributes.to) and its measure referrals_out, summed per channel like every other event measure.
ALTER TABLE intake_event DROP CONSTRAINT intake_event_type_check;
ALTER TABLE intake_event ADD CONSTRAINT intake_event_type_check
    CHECK (type IN ('REFERRAL', 'ACCEPTED', 'ARRIVED', 'CONVERTED', 'REVENUE', 'SURVEY', 'COMPLAINT', 'RETURN_VISIT',
                    'FEEDBACK', 'REFERRAL_OUT'));
ALTER TABLE intake_daily_rollup ADD COLUMN referrals_out numeric NOT NULL DEFAULT 0;
ALTER TABLE intake_monthly_rollup ADD COLUMN referrals_out numeric NOT NULL DEFAULT 0;
-- the alliance report reads the referrals out of a hospital by local date
CREATE INDEX intake_event_referral_out_idx ON intake_event (hospital_id, local_date) WHERE type = 'REFERRAL_OUT';
