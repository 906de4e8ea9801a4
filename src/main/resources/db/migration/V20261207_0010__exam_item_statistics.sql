-- The planner's statistics of the exam catalogue (docs/benchmarks.md, "The regulator's pages at 500 hospitals"). A
-- catalogue of a few items never reaches autovacuum's threshold (50 changed rows), so it was never analysed: the
-- planner took a region's catalogue for one row, and the generic plan of a prepared read of the monthly figures
-- (joined with the catalogue for the items' prices) read the period's figures once per item, a second for a
-- regulator's year of 500 hospitals instead of 50 ms. A new item analyses the table again (ExamCatalogue.put).
ANALYZE exam_item;
