-- v_project_series
-- Grain: one row per project series — projects of canonical documents whose normalised
-- names are equal (lower case, accents stripped, punctuation and extra spaces removed), so
-- a multi-year project funded again each year forms one row.
-- Used by: notebooks following a project over the years.
--
-- Deliberately simple: no fuzzy matching, so a renamed project starts a new series, and two
-- different projects with the same name are merged (check fund_types and districts).
CREATE OR REPLACE VIEW v_project_series AS
WITH p AS (
    SELECT
        *,
        trim(regexp_replace(lower(strip_accents(name)), '[^a-z0-9]+', ' ', 'g')) AS series_key
    FROM v_projects
    WHERE name IS NOT NULL
)
SELECT
    series_key,
    arg_min(name, coalesce(year, 9999)) AS name,
    list_sort(list_distinct(list(year))) AS years,
    min(year) AS first_year,
    max(year) AS last_year,
    count(DISTINCT year) AS n_years,
    count(*) AS n_projects,
    CAST(sum(amount_sek) AS BIGINT) AS total_sek,
    list_sort(list_distinct(list(fund_type))) AS fund_types,
    list_sort(list_distinct(flatten(list(district_today_ids)))) AS district_today_ids,
    list(project_id ORDER BY year, project_id) AS project_ids,
    list_sort(list_distinct(list(doc_id))) AS doc_ids
FROM p
WHERE series_key <> ''
GROUP BY series_key
ORDER BY first_year, series_key;
