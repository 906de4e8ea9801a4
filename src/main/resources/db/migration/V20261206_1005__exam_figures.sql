-- The repeat figures month by month (重复检查月度汇总, docs/exams.md): per institution x item x month, the records
-- performed there then and how many of them are repeats and same-institution repeats now. Kept equal to
-- exam_record by every write of exam records and outcomes, in the same transaction and under the region's lock
-- (the changes of a batch added to the rows), so that the figures of a month or a year are read from a few rows
-- instead of counted from the records on every view and after every batch. Every item code is kept, in the
-- catalogue or not (records of an item outside it stay NONE); readers join exam_item, as the counts did.
-- No CHECK (>= 0) on the counts: a batch adds its changes with INSERT ... ON CONFLICT DO UPDATE, whose proposed row
-- (a change, possibly -1) is checked against CHECK constraints before the conflict turns it into an update.
--
-- Distributed by hospital_id like every hospital's table (the regulator's region-wide reads touch every node, as
-- for the other hospital tables); region_id in the key keeps a hospital's rows of one region apart.
CREATE TABLE exam_figure (
    hospital_id     bigint       NOT NULL REFERENCES hospital (id),
    region_id       bigint       NOT NULL REFERENCES region (id),
    month           date         NOT NULL CHECK (extract(day FROM month) = 1),
    institution_id  bigint       NOT NULL CHECK (institution_id >= 0),
    item            varchar(32)  NOT NULL,
    records         bigint       NOT NULL,
    repeats         bigint       NOT NULL,
    same            bigint       NOT NULL,
    PRIMARY KEY (hospital_id, region_id, month, institution_id, item)
);
CREATE INDEX exam_figure_region_month_idx ON exam_figure (region_id, month);

INSERT INTO exam_figure (hospital_id, region_id, month, institution_id, item, records, repeats, same)
SELECT hospital_id, region_id, month, institution_id, item, count(*), count(*) FILTER (WHERE outcome = 'REPEAT'),
       count(*) FILTER (WHERE outcome = 'SAME_INSTITUTION')
FROM exam_record
GROUP BY hospital_id, region_id, month, institution_id, item;
