-- No query reads intake_event by channel and date: evaluations, monitoring, data quality and the feedback reports
-- read the daily and monthly rollups, and events are looked up by event_id or referral_id. The index still cost
-- every stored event a third index entry (about a quarter of PostgreSQL's insert work, docs/benchmarks.md), so it
-- goes. A future per-channel event listing should bring its own index with it.
DROP INDEX intake_event_channel_date_idx;
