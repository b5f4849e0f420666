-- v_projects
-- Grain: one row per project of a canonical document (copies of the same decision are not
-- repeated; the projects of other copies stay in the `projects` table).
-- Used by: v_project_series, notebooks, `namnd query`; the place to read a project with its
-- districts and where it came from.
--
-- year = the year stated for the project, else the year of the document's date
-- (year_source says which). districts: the districts as named at the time (districts.name,
-- else the id), district_today: their successors today; both comma-separated, with *_ids
-- lists beside them. district_kind: the kinds of those units, distinct, sorted and
-- comma-separated ('stadsdelsförvaltning', 'fackförvaltning', 'unit'; so
-- WHERE district_kind = 'stadsdelsförvaltning' keeps projects owned only by districts),
-- with the list district_kinds beside it. Provenance: doc_id, source_path, page_no,
-- evidence, confidence, origin ('extracted' | 'corrected' | 'override').
--
-- Series (added, issue 15): series_id is the project across documents and years (one
-- project granted in one decision and reported in a later one is two rows here, with one
-- series_id). counted is true for exactly one row per (series, year) — the grant with an
-- amount when there is one, else the grant, else the report — so that
-- `count(*) FILTER (WHERE counted)` counts projects, not mentions; mentions_in_year says
-- how many rows the series has in that year. Rows not linked yet (a warehouse loaded
-- without `namnd run`) fall back to their folded name ('n-<name>'), else their project_id.
CREATE OR REPLACE VIEW v_projects AS
WITH links AS (
    SELECT
        pd.project_id,
        list(pd.district_id ORDER BY pd.district_id) AS district_ids,
        string_agg(coalesce(l.name, pd.district_id), ', ' ORDER BY pd.district_id) AS districts,
        string_agg(pd.name_as_printed, ', ' ORDER BY pd.district_id) AS districts_as_printed,
        list_sort(list_distinct(list(coalesce(l.district_today_id, pd.district_id)))) AS district_today_ids,
        array_to_string(list_sort(list_distinct(list(coalesce(l.district_today, pd.district_id)))), ', ')
            AS district_today,
        list_sort(list_distinct(list(l.kind))) AS district_kinds
    FROM project_districts AS pd
    LEFT JOIN v_district_lineage AS l ON l.district_id = pd.district_id
    GROUP BY pd.project_id
)
SELECT
    p.project_id,
    p.name,
    p.fund_type,
    coalesce(p.year, year(d.doc_date)) AS year,
    CASE WHEN p.year IS NOT NULL THEN 'stated' WHEN d.doc_date IS NOT NULL THEN 'document date' END
        AS year_source,
    p.status,
    p.amount_sek,
    p.performer,
    p.end_date,
    p.description,
    l.districts,
    coalesce(l.district_ids, []::VARCHAR[]) AS district_ids,
    l.districts_as_printed,
    l.district_today,
    coalesce(l.district_today_ids, []::VARCHAR[]) AS district_today_ids,
    nullif(array_to_string(l.district_kinds, ', '), '') AS district_kind,
    coalesce(l.district_kinds, []::VARCHAR[]) AS district_kinds,
    d.committee,
    d.doc_type,
    d.doc_date,
    d.dnr,
    d.title AS document_title,
    p.doc_id,
    d.source_path,
    p.page_no,
    p.evidence,
    p.confidence,
    p.origin,
    d.n_copies,
    coalesce(p.series_id, 'n-' || nullif(trim(regexp_replace(lower(strip_accents(p.name)), '[^a-z0-9]+', ' ', 'g')), ''), p.project_id) AS series_id,
    row_number() OVER (
        PARTITION BY coalesce(p.series_id, 'n-' || nullif(trim(regexp_replace(lower(strip_accents(p.name)), '[^a-z0-9]+', ' ', 'g')), ''), p.project_id), coalesce(p.year, year(d.doc_date))
        ORDER BY
            CASE p.status WHEN 'beviljad' THEN 0 WHEN 'pågående' THEN 1 WHEN 'genomförd' THEN 2
                ELSE 3 END,
            p.amount_sek IS NULL, d.doc_date NULLS LAST, p.project_id
    ) = 1 AS counted,
    count(*) OVER (
        PARTITION BY coalesce(p.series_id, 'n-' || nullif(trim(regexp_replace(lower(strip_accents(p.name)), '[^a-z0-9]+', ' ', 'g')), ''), p.project_id), coalesce(p.year, year(d.doc_date))
    ) AS mentions_in_year
FROM projects AS p
JOIN v_documents_canonical AS d ON d.doc_id = p.doc_id
LEFT JOIN links AS l ON l.project_id = p.project_id
ORDER BY year, p.fund_type, p.doc_id, p.project_id;
