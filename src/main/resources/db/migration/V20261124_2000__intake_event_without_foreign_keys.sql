-- intake_event is the one table written at tens of thousands of rows a second. Its two foreign keys (to hospital
-- and to intake_import) fire a trigger and a lookup for every stored row: measured with COPY of 500,000 events,
-- they were half of PostgreSQL's time for the insert (docs/benchmarks.md). Both values come from Meridian itself,
-- never from the sender: hospital_id from the authenticated caller, import_id from the import row created by the
-- same code just before, and neither hospitals nor imports are ever deleted. The foreign keys are dropped;
-- the rollup check (--check-rollups and /intake/rollups) reports events that name an unknown import instead.
ALTER TABLE intake_event DROP CONSTRAINT intake_event_hospital_id_fkey;
ALTER TABLE intake_event DROP CONSTRAINT intake_event_hospital_id_import_id_fkey;
