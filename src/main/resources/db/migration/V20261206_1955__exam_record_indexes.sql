-- Fewer indexes on exam_record (docs/benchmarks.md, "Where an exam batch's time goes"): every stored record was
-- written into three b-trees, two of them keyed by the pseudonymised patient (random places in 64-character keys):
-- the primary key (region_id, patient, id) and the pairs' index (region_id, patient, item, performed_at).
-- One primary key (region_id, patient, item, id) now serves both: the detection's read of a patient x item pair
-- is its prefix, and a look-up by (region_id, patient, id) scans that patient's few entries in the index and
-- checks id there. The month index (region_id, month, hospital_id, institution_id, item) served only the list of
-- a hospital's repeats; the partial index below holds the repeats alone (a tenth of the records or fewer), keyed
-- as that list asks. The monthly figures and patient counts are read from their own tables; the rare reads that
-- still count records (a catalogue change, a range of months that is no month, quarter, half or year) scan the
-- region's records. Distribution on Citus is unchanged: the primary key still contains patient.
ALTER TABLE exam_record DROP CONSTRAINT exam_record_pkey, ADD PRIMARY KEY (region_id, patient, item, id);
DROP INDEX exam_record_pair_idx;
DROP INDEX exam_record_month_idx;
CREATE INDEX exam_record_repeat_idx ON exam_record (region_id, hospital_id, month) WHERE outcome <> 'NONE';
