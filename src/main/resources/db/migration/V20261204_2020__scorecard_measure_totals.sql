-- The measure totals (度量合计) each scorecard was scored from, frozen with it when the evaluation runs (re-running a
-- draft replaces them with its scorecards; publishing freezes them). Incentives pay from these, so a published
-- evaluation is the one source of what a channel is paid: late or voided events change the rollups, never a
-- published scorecard.
--
-- One row per scorecard with every measure of the catalogue as a JSON object of exact decimals
-- ({"referrals": 10, "revenue": 1234.50, ...}; a measure without events is 0): a row per measure would add 16 rows to
-- every scorecard of a 5,000-channel run, which already writes 5,000 scorecards and 60,000 indicator lines.
--
-- Not backfilled: an evaluation run before this migration has no rows. The rollups may have changed since it ran
-- (late events, voids, corrections), so re-deriving its totals from them would not be exact; incentives refuse to
-- draft money from a measure of such an evaluation (docs/evaluations.md, docs/incentives.md).
CREATE TABLE evaluation_measure_totals (
    hospital_id     bigint  NOT NULL,
    evaluation_id   bigint  NOT NULL,
    channel_id      bigint  NOT NULL,
    totals          jsonb   NOT NULL CHECK (jsonb_typeof(totals) = 'object'),
    PRIMARY KEY (hospital_id, evaluation_id, channel_id),
    FOREIGN KEY (hospital_id, evaluation_id, channel_id)
        REFERENCES evaluation_scorecard (hospital_id, evaluation_id, channel_id) ON DELETE CASCADE
);
