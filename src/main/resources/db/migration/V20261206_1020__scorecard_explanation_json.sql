-- A scorecard line's explanation (formula, measure inputs, substituted calculation, scoring rule) is only ever stored
-- whole and read back whole as text: json keeps the text as it came, where jsonb parsed every one into its binary form
-- on the way in (an evaluation of 5,000 channels × 12 indicators stores 60,000 of them, about 26 MB; docs/benchmarks.md)
ALTER TABLE evaluation_indicator ALTER COLUMN explanation TYPE json USING explanation::json;
