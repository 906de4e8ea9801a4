-- A termination recommendation that a later period contradicts is retired (RETIRED): the channel was, in a
-- published evaluation of a period ending after the recommendation's, in another tier than the lowest. The later
-- period and the tier it gave are kept so that the page can say why (docs/incentives.md).
ALTER TABLE incentive_sanction DROP CONSTRAINT incentive_sanction_status_check;
ALTER TABLE incentive_sanction ADD CONSTRAINT incentive_sanction_status_check
    CHECK (status IN ('NOTED', 'APPLIED', 'UNCHANGED', 'PENDING', 'TERMINATED', 'DECLINED', 'SUPERSEDED', 'RETIRED'));
ALTER TABLE incentive_sanction ADD COLUMN retired_period varchar(8);
ALTER TABLE incentive_sanction ADD COLUMN retired_tier varchar(16);
ALTER TABLE incentive_sanction ADD COLUMN retired_at timestamptz;
ALTER TABLE incentive_sanction ADD CONSTRAINT incentive_sanction_retired_check
    CHECK ((status = 'RETIRED') = (retired_period IS NOT NULL AND retired_tier IS NOT NULL AND retired_at IS NOT NULL));
