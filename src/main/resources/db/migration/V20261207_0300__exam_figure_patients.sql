-- The distinct patients of each monthly figure row (检查人数 per institution x item x month, docs/exams.md "Monthly
-- figures"): how many pseudonymised patients have at least one record of that item at that institution in that month.
-- The regulator's views suppress an aggregate over fewer patients than meridian.region.min-records (docs/region.md,
-- "The one threshold"). Kept by every batch from the records of each patient x item pair it already reads (+1 where a
-- pair gains its first record at an institution in a month), so intake adds no query; an item joining the catalogue
-- counts its rows once (ExamCatalogue.put). Rows of items outside the catalogue are not kept between those moments,
-- and no reader reads them (every reader joins exam_item).
ALTER TABLE exam_figure ADD COLUMN patients bigint NOT NULL DEFAULT 0;

UPDATE exam_figure f SET patients = c.patients
FROM (SELECT hospital_id, region_id, month, institution_id, item, count(DISTINCT patient) AS patients
      FROM exam_record
      GROUP BY hospital_id, region_id, month, institution_id, item) c
WHERE f.hospital_id = c.hospital_id AND f.region_id = c.region_id AND f.month = c.month
  AND f.institution_id = c.institution_id AND f.item = c.item;
