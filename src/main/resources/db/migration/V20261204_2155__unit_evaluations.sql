-- Evaluations score departments and institutions too (docs/units.md). A scorecard's channel_id now holds the id
-- of the unit in the registry of its evaluation's unit kind: a channel's id for channel types, a unit's id (table
-- unit) for department and institution types. So it can no longer reference channel.
ALTER TABLE evaluation_scorecard DROP CONSTRAINT evaluation_scorecard_hospital_id_channel_id_fkey;

-- intake: departments receive the event measures of the events whose attributes.department names them; the
-- evaluation reads those events by local date.
CREATE INDEX intake_event_department_idx ON intake_event (hospital_id, local_date)
    WHERE attributes->>'department' IS NOT NULL;
