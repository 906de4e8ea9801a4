-- A scorecard's indicator lines are kept in the scorecard's own row, as one JSON array in the scheme's order
-- (docs/evaluations.md, "How scorecards are stored"): they are always written and read with their scorecard, never
-- alone, and 60,000 line rows, each with its index entry and foreign-key check, were most of a full run's time.
-- Each element: code, value, score, weight, contribution, peerMedian (exact numbers or null) and why (the
-- explanation as it was stored).
ALTER TABLE evaluation_scorecard ADD COLUMN lines json;

UPDATE evaluation_scorecard s SET lines = coalesce((
        SELECT json_agg(json_build_object('code', i.code, 'value', i.value, 'score', i.score, 'weight', i.weight,
                                          'contribution', i.contribution, 'peerMedian', i.peer_median,
                                          'why', i.explanation) ORDER BY i.position)
        FROM evaluation_indicator i
        WHERE i.hospital_id = s.hospital_id AND i.evaluation_id = s.evaluation_id AND i.channel_id = s.channel_id),
    '[]'::json);

ALTER TABLE evaluation_scorecard ALTER COLUMN lines SET NOT NULL;

DROP TABLE evaluation_indicator;
