-- unknown_district_ids: district ids used anywhere that are not in the districts dimension
-- (links, mentions, aliases, successor_id). One row per (table_name, district_id).
SELECT DISTINCT 'project_districts' AS table_name, district_id
FROM project_districts WHERE district_id NOT IN (SELECT district_id FROM districts)
UNION ALL
SELECT DISTINCT 'district_mentions', district_id
FROM district_mentions WHERE district_id NOT IN (SELECT district_id FROM districts)
UNION ALL
SELECT DISTINCT 'district_aliases', district_id
FROM district_aliases WHERE district_id NOT IN (SELECT district_id FROM districts)
UNION ALL
SELECT DISTINCT 'districts.successor_id', successor_id
FROM districts WHERE successor_id IS NOT NULL AND successor_id NOT IN (SELECT district_id FROM districts)
