-- A department's or institution's feedback report has no user of its own who could acknowledge it, as a channel's
-- user does: the office hands it over and records who in the unit confirmed receiving it (确认人, e.g. the
-- department's head). acknowledged_at/_by keep when and which office user recorded it; confirmed_by the person.
-- Channel reports never have one.
ALTER TABLE feedback_report ADD COLUMN confirmed_by varchar(50);
