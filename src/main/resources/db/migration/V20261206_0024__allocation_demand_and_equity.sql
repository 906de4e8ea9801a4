-- allocation: forecast demand as a part of the driver, and equity per head. A plan names the statistic measure whose
-- forecast is each unit's demand (null: demand not weighted) and the measure its equity is taken per head of (null:
-- each unit counted once only); a share keeps the demand forecast for it, how many months of history the forecast
-- read, and the unit's value of the per-head measure in the evaluation (its "population").
ALTER TABLE allocation_plan ADD COLUMN demand_measure varchar(64), ADD COLUMN equity_per varchar(64);
ALTER TABLE allocation_share ADD COLUMN demand_months integer, ADD COLUMN population numeric;
