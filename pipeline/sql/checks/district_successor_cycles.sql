-- district_successor_cycles: districts whose successor chain leads back to themselves.
-- One row per district on a cycle.
WITH RECURSIVE chain(start_id, district_id, depth) AS (
    SELECT district_id, successor_id, 1 FROM districts WHERE successor_id IS NOT NULL
    UNION ALL
    SELECT c.start_id, d.successor_id, c.depth + 1
    FROM chain AS c
    JOIN districts AS d ON d.district_id = c.district_id
    WHERE d.successor_id IS NOT NULL AND c.district_id <> c.start_id AND c.depth < 100
)
SELECT DISTINCT start_id AS district_id FROM chain WHERE district_id = start_id
