-- v_projects
-- Grain: one row per project and year — per project series (one project across documents,
-- pipeline/warehouse/series.py) and year, in canonical documents only. A project granted in
-- one decision and reported in the next is one row, so a plain count(*) or sum(amount_sek)
-- counts each project once per year. Every mention is a row of v_project_mentions.
-- Used by: v_funding_by_district_year, notebooks, `namnd query`; the place to count
-- projects and read one with its districts, names, documents and money by role.
--
-- The row's own columns (project_id, name, fund_type, status, amount_sek, the document and
-- provenance columns doc_id, source_path, page_no, evidence, confidence, origin) are those
-- of its first mention (v_project_mentions.mention_rank = 1: the grant with an amount when
-- there is one, else the grant, else the report); role says what that mention is
-- ('decided', 'proposed', 'reported', 'applied'). performer, end_date and description are
-- the first mention's, else the next mention's that prints one. Districts (districts,
-- district_ids, district_today, …) are the first mention's, else those of the next mention
-- naming any (districts_from: its project_id).
--
-- year = the year stated for the project, else the year of the document's date
-- (year_source says which). districts: as named at the time; district_today: their
-- successors today; district_kind: the kinds of those units, distinct, sorted and
-- comma-separated ('stadsdelsförvaltning', 'fackförvaltning', 'unit'), with the list
-- district_kinds beside it.
--
-- The mentions aggregated (added, issue 15): names (every name printed that year, first
-- mention first), project_ids (the mentions, in mention_rank order), doc_ids, n_documents,
-- statuses, mentions_in_year; the money by role, each the largest printed that year with
-- its evidence list ("source_path p.N: evidence"): applied_sek, proposed_sek, decided_sek,
-- granted_sek (decided, else proposed), reported_sek. counted is always true (kept for
-- queries written when this view had one row per mention).
CREATE OR REPLACE VIEW v_projects AS
WITH m AS (
    SELECT
        *,
        row_number() OVER (PARTITION BY series_id, year, name ORDER BY mention_rank) = 1
            AS first_of_name,
        row_number() OVER (PARTITION BY series_id, year, doc_id ORDER BY mention_rank) = 1
            AS first_of_doc
    FROM v_project_mentions
),
agg AS (
    SELECT
        series_id,
        year,
        list(name ORDER BY mention_rank) FILTER (WHERE first_of_name AND name IS NOT NULL) AS names,
        list(project_id ORDER BY mention_rank) AS project_ids,
        list(doc_id ORDER BY mention_rank) FILTER (WHERE first_of_doc) AS doc_ids,
        count(DISTINCT doc_id) AS n_documents,
        list_sort(list_distinct(list(status))) AS statuses,
        arg_min(performer, mention_rank) FILTER (WHERE performer IS NOT NULL) AS performer,
        arg_min(end_date, mention_rank) FILTER (WHERE end_date IS NOT NULL) AS end_date,
        arg_min(description, mention_rank) FILTER (WHERE description IS NOT NULL) AS description,
        arg_min(project_id, mention_rank) FILTER (WHERE len(district_ids) > 0) AS districts_from,
        max(amount_sek) FILTER (WHERE role = 'applied') AS applied_sek,
        max(amount_sek) FILTER (WHERE role = 'proposed') AS proposed_sek,
        max(amount_sek) FILTER (WHERE role = 'decided') AS decided_sek,
        coalesce(max(amount_sek) FILTER (WHERE role = 'decided'),
                 max(amount_sek) FILTER (WHERE role = 'proposed')) AS granted_sek,
        max(amount_sek) FILTER (WHERE role = 'reported') AS reported_sek,
        list(cite ORDER BY mention_rank) FILTER (WHERE role = 'applied') AS applied_evidence,
        list(cite ORDER BY mention_rank) FILTER (WHERE role = 'proposed') AS proposed_evidence,
        list(cite ORDER BY mention_rank) FILTER (WHERE role = 'decided') AS decided_evidence,
        list(cite ORDER BY mention_rank) FILTER (WHERE role = 'reported') AS reported_evidence
    FROM m
    GROUP BY series_id, year
)
SELECT
    r.project_id,
    r.name,
    r.fund_type,
    r.year,
    r.year_source,
    r.status,
    r.amount_sek,
    a.performer,
    a.end_date,
    a.description,
    coalesce(dm.districts, r.districts) AS districts,
    coalesce(dm.district_ids, r.district_ids) AS district_ids,
    coalesce(dm.districts_as_printed, r.districts_as_printed) AS districts_as_printed,
    coalesce(dm.district_today, r.district_today) AS district_today,
    coalesce(dm.district_today_ids, r.district_today_ids) AS district_today_ids,
    coalesce(dm.district_kind, r.district_kind) AS district_kind,
    coalesce(dm.district_kinds, r.district_kinds) AS district_kinds,
    r.committee,
    r.doc_type,
    r.doc_date,
    r.dnr,
    r.document_title,
    r.doc_id,
    r.source_path,
    r.page_no,
    r.evidence,
    r.confidence,
    r.origin,
    r.n_copies,
    r.series_id,
    true AS counted,
    r.mentions_in_year,
    r.role,
    a.names,
    a.project_ids,
    a.doc_ids,
    a.n_documents,
    a.statuses,
    a.districts_from,
    a.applied_sek,
    a.proposed_sek,
    a.decided_sek,
    a.granted_sek,
    a.reported_sek,
    a.applied_evidence,
    a.proposed_evidence,
    a.decided_evidence,
    a.reported_evidence
FROM m AS r
JOIN agg AS a ON a.series_id = r.series_id AND a.year IS NOT DISTINCT FROM r.year
LEFT JOIN m AS dm ON dm.project_id = a.districts_from
WHERE r.mention_rank = 1
ORDER BY r.year, r.fund_type, r.doc_id, r.project_id;
