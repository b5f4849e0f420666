-- district_today(district_id) -> district_id (macro)
-- Grain: a scalar: the district that carries on `district_id` today (following successor_id
-- chains; itself when it still exists; NULL for an unknown id).
-- Used by: analysts, e.g. district_today('rinkeby-kista') -> 'jarva'.
CREATE OR REPLACE MACRO district_today(id) AS (
    SELECT district_today_id FROM v_district_lineage WHERE district_id = id
);
