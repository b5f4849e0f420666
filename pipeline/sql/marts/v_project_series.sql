-- v_project_series
-- Grain: one row per project series — one project across documents and years, as linked
-- by pipeline/warehouse/series.py (names compared with rapidfuzz, districts in today's
-- boundaries, fund, years, references such as "år 2" or "hette", and the documents'
-- roles; analysts' judgements in warehouse/overrides/project_links.csv). Canonical copies
-- only (via v_project_mentions).
-- Used by: notebooks following a project over the years; "which projects ran several
-- years?"; reconciling what was applied for, granted and reported.
--
-- names: every name the project was printed under, in year order (a renamed project
-- shows both). statuses: distinct statuses seen. total_sek counts each year once (the
-- counted mention of v_project_mentions, i.e. v_projects' amount_sek), so a grant and its
-- report are not added up. n_projects: the mentions (rows of v_project_mentions). applied_sek,
-- proposed_sek, decided_sek, reported_sek: the amounts by role, summed over years (one
-- per year: the largest printed) — applied = status 'ansökt'; proposed = 'beviljad' in a
-- tjänsteutlåtande (the förvaltning's proposal); decided = 'beviljad' in a protokoll or
-- protokollsutdrag; reported = 'genomförd' or 'pågående', or any row of a report (title
-- with redovisning, lägesrapport, slutrapport, uppföljning). v_series_years has them per
-- year with their evidence. series_key: the first name folded (lower case, no accents).
CREATE OR REPLACE VIEW v_project_series AS
WITH p AS (
    SELECT
        *,
        trim(regexp_replace(lower(strip_accents(name)), '[^a-z0-9]+', ' ', 'g')) AS name_key,
        status IN ('genomförd', 'pågående') OR regexp_matches(lower(strip_accents(coalesce(document_title, ''))), '(redovisning|lagesrapport|slutrapport|uppfoljning)') AS is_report
    FROM v_project_mentions
    WHERE name IS NOT NULL
),
per_year AS (
    SELECT
        series_id, year,
        max(amount_sek) FILTER (WHERE status = 'ansökt' AND NOT is_report) AS applied_sek,
        max(amount_sek) FILTER (
            WHERE status = 'beviljad' AND doc_type NOT IN ('protokoll', 'protokollsutdrag')
            AND NOT is_report) AS proposed_sek,
        max(amount_sek) FILTER (
            WHERE status = 'beviljad' AND doc_type IN ('protokoll', 'protokollsutdrag')
            AND NOT is_report) AS decided_sek,
        max(amount_sek) FILTER (WHERE is_report) AS reported_sek
    FROM p
    GROUP BY ALL
),
roles AS (
    SELECT
        series_id,
        CAST(sum(applied_sek) AS BIGINT) AS applied_sek,
        CAST(sum(proposed_sek) AS BIGINT) AS proposed_sek,
        CAST(sum(decided_sek) AS BIGINT) AS decided_sek,
        CAST(sum(reported_sek) AS BIGINT) AS reported_sek
    FROM per_year
    GROUP BY series_id
)
SELECT
    p.series_id,
    arg_min(p.name_key, coalesce(p.year, 9999)) AS series_key,
    arg_min(p.name, coalesce(p.year, 9999)) AS name,
    list_distinct(list(p.name ORDER BY p.year NULLS LAST, p.doc_date NULLS LAST)) AS names,
    list_sort(list_distinct(list(p.year))) AS years,
    min(p.year) AS first_year,
    max(p.year) AS last_year,
    count(DISTINCT p.year) AS n_years,
    count(*) AS n_projects,
    count(DISTINCT p.doc_id) AS n_documents,
    CAST(sum(p.amount_sek) FILTER (WHERE p.counted) AS BIGINT) AS total_sek,
    list_sort(list_distinct(list(p.status))) AS statuses,
    list_sort(list_distinct(list(p.fund_type))) AS fund_types,
    array_to_string(
        list_sort(list_distinct(flatten(list(string_split(p.district_today, ', '))))), ', '
    ) AS district_today,
    list_sort(list_distinct(flatten(list(p.district_today_ids)))) AS district_today_ids,
    any_value(r.applied_sek) AS applied_sek,
    any_value(r.proposed_sek) AS proposed_sek,
    any_value(r.decided_sek) AS decided_sek,
    any_value(r.reported_sek) AS reported_sek,
    list(p.project_id ORDER BY p.year, p.project_id) AS project_ids,
    list_sort(list_distinct(list(p.doc_id))) AS doc_ids
FROM p
LEFT JOIN roles AS r ON r.series_id = p.series_id
GROUP BY p.series_id
ORDER BY first_year, series_key;
