-- v_project_mentions
-- Grain: one row per mention of a project in a canonical document (copies of the same
-- decision are not repeated; the projects of other copies stay in the `projects` table).
-- A project granted in one decision and reported in a later one is two rows here, with one
-- series_id; v_projects has one row per project (series) and year.
-- Used by: v_projects, v_project_series, v_series_years; the place to read each mention
-- with its districts and where it came from (v_projects until issue 15 had this grain).
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
-- Series: series_id is the project across documents and years (pipeline/warehouse/
-- series.py). mention_rank orders the mentions of one (series, year): the grant with an
-- amount first when there is one, else the grant, else the report (status 'beviljad',
-- 'pågående', 'genomförd', then others; an amount before none; the earlier document
-- first). counted is true for the first (mention_rank = 1): that mention is the row of
-- v_projects. mentions_in_year says how many mentions the series has in that year. role:
-- what the mention says of the money — 'reported' (status 'genomförd' or 'pågående', or
-- any row of a report: a title with redovisning, lägesrapport, slutrapport, uppföljning),
-- 'applied' ('ansökt'), 'decided' ('beviljad' in a protokoll or protokollsutdrag),
-- 'proposed' ('beviljad' in a tjänsteutlåtande or other document), NULL without a status.
-- cite: "source_path p.N: evidence", for the evidence lists of v_projects. Rows not linked
-- yet (a warehouse loaded without `namnd run`) fall back to their folded name
-- ('n-<name>'), else their project_id.
CREATE OR REPLACE VIEW v_project_mentions AS
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
),
base AS (
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
        coalesce(
            p.series_id,
            'n-' || nullif(trim(regexp_replace(lower(strip_accents(p.name)), '[^a-z0-9]+', ' ', 'g')), ''),
            p.project_id
        ) AS series_id,
        CASE
            WHEN p.status IN ('genomförd', 'pågående') OR regexp_matches(
                lower(strip_accents(coalesce(d.title, ''))),
                '(redovisning|lagesrapport|slutrapport|uppfoljning)') THEN 'reported'
            WHEN p.status = 'ansökt' THEN 'applied'
            WHEN p.status = 'beviljad' AND d.doc_type IN ('protokoll', 'protokollsutdrag') THEN 'decided'
            WHEN p.status = 'beviljad' THEN 'proposed'
        END AS role,
        format('{} p.{}: {}', d.source_path, coalesce(CAST(p.page_no AS VARCHAR), '?'),
               coalesce(p.evidence, p.name)) AS cite
    FROM projects AS p
    JOIN v_documents_canonical AS d ON d.doc_id = p.doc_id
    LEFT JOIN links AS l ON l.project_id = p.project_id
),
ranked AS (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY series_id, year
            ORDER BY
                CASE status WHEN 'beviljad' THEN 0 WHEN 'pågående' THEN 1 WHEN 'genomförd' THEN 2
                    ELSE 3 END,
                amount_sek IS NULL, doc_date NULLS LAST, project_id
        ) AS mention_rank,
        count(*) OVER (PARTITION BY series_id, year) AS mentions_in_year
    FROM base
)
SELECT
    * EXCLUDE (role, cite, mention_rank, mentions_in_year),
    mention_rank = 1 AS counted,
    mentions_in_year,
    role,
    mention_rank,
    cite
FROM ranked
ORDER BY year, fund_type, doc_id, project_id;
