-- v_district_lineage
-- Grain: one row per district in `districts` (as it was, with its validity dates).
-- Used by: v_projects, v_funding_by_district_year, the district_today macro; analysts mapping
-- an old stadsdelsförvaltning to today's (e.g. rinkeby-kista -> jarva,
-- hagersten-liljeholmen -> hagersten-alvsjo).
--
-- district_today_id follows successor_id until a district without a (known) successor;
-- lineage is the chain walked, starting with the district itself; n_steps its length - 1.
-- A cycle in the data stops the walk (and is reported by checks/district_successor_cycles).
CREATE OR REPLACE VIEW v_district_lineage AS
WITH RECURSIVE chain(start_id, district_id, successor_id, depth, path) AS (
    SELECT district_id, district_id, successor_id, 0, [district_id]
    FROM districts
    UNION ALL
    SELECT c.start_id, d.district_id, d.successor_id, c.depth + 1, list_append(c.path, d.district_id)
    FROM chain AS c
    JOIN districts AS d ON d.district_id = c.successor_id
    WHERE NOT list_contains(c.path, d.district_id) AND c.depth < 100
),
last_step AS (
    SELECT start_id, arg_max(district_id, depth) AS today_id, max(depth) AS n_steps,
           arg_max(path, depth) AS lineage
    FROM chain
    GROUP BY start_id
)
SELECT
    d.district_id,
    d.name,
    d.kind,
    d.valid_from,
    d.valid_to,
    d.successor_id,
    s.today_id AS district_today_id,
    t.name AS district_today,
    s.lineage,
    s.n_steps
FROM districts AS d
JOIN last_step AS s ON s.start_id = d.district_id
JOIN districts AS t ON t.district_id = s.today_id;
