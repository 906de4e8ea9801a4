-- A channel that stays in the lowest tier is recommended for termination again each period; the earlier recommendation
-- still waiting is then superseded by the later one (SUPERSEDED with superseded_period, the later recommendation's
-- period), so that a channel has at most one recommendation waiting for a hospital manager (docs/incentives.md).
-- superseded_period stays null for a recommendation superseded by a newer version of its own period's evaluation.
ALTER TABLE incentive_sanction ADD COLUMN superseded_period varchar(8);

-- What was recorded before: of a channel's pending recommendations, the one of the latest period stands (the newest
-- of them if two end together); every other gives way to it.
WITH ranked AS (
    SELECT hospital_id, id, channel_code, period,
           row_number() OVER (PARTITION BY hospital_id, channel_code ORDER BY
               substr(period, 1, 4) DESC,
               CASE WHEN length(period) = 4 THEN 12
                    WHEN period LIKE '____-H_' THEN 6 * CAST(right(period, 1) AS int)
                    WHEN period LIKE '____-Q_' THEN 3 * CAST(right(period, 1) AS int)
                    ELSE CAST(substr(period, 6, 2) AS int) END DESC,
               id DESC) AS n
    FROM incentive_sanction
    WHERE status = 'PENDING' AND level = 'TERMINATION_RECOMMENDED'
), standing AS (
    SELECT hospital_id, channel_code, period FROM ranked WHERE n = 1
)
UPDATE incentive_sanction s
   SET status = 'SUPERSEDED', superseded_period = standing.period,
       outcome = 'superseded by the termination recommendation of the later period ' || standing.period
  FROM ranked, standing
 WHERE ranked.n > 1 AND ranked.hospital_id = s.hospital_id AND ranked.id = s.id
   AND standing.hospital_id = s.hospital_id AND standing.channel_code = s.channel_code;
