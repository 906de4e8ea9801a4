-- The hospital's own small-sample threshold (样本量小): a rate of counts from fewer answers than this is marked on
-- scorecards, rankings and feedback reports. NULL: the installation's meridian.insight.small-sample.
ALTER TABLE hospital ADD COLUMN small_sample integer CHECK (small_sample BETWEEN 0 AND 10000);
