-- v_coverage
-- Grain: one row per (year, committee, series): what the expectations register says should
-- exist, what the archive holds, and how well it could be read.
-- Used by: `namnd coverage`, the `coverage` column of v_funding_by_district_year and
-- v_criteria_by_year (via v_coverage_by_fund_year), the funding notebook.
--
-- expectation: 'expected' | 'known gap' | 'not expected' (from warehouse/expected/*.csv) or
--   'no expectation recorded' (documents are there but nobody said what should be).
-- An expectation is met by canonical documents: by dnr when the register gives one, else by
--   committee and decided date (meeting or document date), else by the file named, else by
--   committee, series and year (v_document_series).
-- Per expectation (and per document no expectation claims) the state is 'present',
--   'partial' (doubtful or failed pages, or a partial load), 'unreadable' (every page failed,
--   or the file named in the register failed to load), 'missing', 'known gap' or
--   'not expected'. n_* count them in the row.
-- coverage: 'complete' only when something was expected and all of it is present and read
--   well; else 'incomplete' (missing or unreadable), 'partial', 'known gap', 'not expected',
--   or 'no expectation recorded'. Never 'complete' without an expectation.
CREATE OR REPLACE VIEW v_coverage AS
WITH page_quality AS (
    SELECT
        doc_id,
        count(*) AS n_pages,
        count(*) FILTER (WHERE quality = 'doubtful') AS n_doubtful_pages,
        count(*) FILTER (WHERE quality = 'failed') AS n_failed_pages
    FROM pages
    GROUP BY doc_id
),
docs AS (
    SELECT
        d.doc_id, d.source_path, d.committee, d.dnr, d.meeting_date, d.doc_date, d.copy_doc_ids,
        d.ocr_confidence,
        coalesce(q.n_pages, 0) AS n_pages,
        coalesce(q.n_doubtful_pages, 0) AS n_doubtful_pages,
        coalesce(q.n_failed_pages, 0) AS n_failed_pages,
        CASE
            WHEN q.n_pages > 0 AND q.n_failed_pages = q.n_pages THEN 'unreadable'
            WHEN q.n_failed_pages > 0 OR q.n_doubtful_pages > 0 OR d.status = 'partial'
                THEN 'partial'
            ELSE 'present'
        END AS doc_state
    FROM v_documents_canonical AS d
    LEFT JOIN page_quality AS q ON q.doc_id = d.doc_id
),
matches AS (
    SELECT e.expectation_id, d.doc_id, 'explicit' AS how
    FROM expected_decisions AS e JOIN docs AS d ON e.dnr IS NOT NULL AND d.dnr = e.dnr
    UNION
    SELECT e.expectation_id, d.doc_id, 'explicit'
    FROM expected_decisions AS e
    JOIN docs AS d
        ON e.dnr IS NULL AND e.decided IS NOT NULL AND d.committee = e.committee
        AND e.decided IN (d.meeting_date, d.doc_date)
    UNION
    SELECT e.expectation_id, d.doc_id, 'explicit'
    FROM expected_decisions AS e
    JOIN documents AS f ON f.source_path = e.file
    JOIN docs AS d ON list_contains(d.copy_doc_ids, f.doc_id)
    WHERE e.dnr IS NULL AND e.decided IS NULL
    UNION
    SELECT e.expectation_id, d.doc_id, 'series'
    FROM expected_decisions AS e
    JOIN v_document_series AS s
        ON s.series = e.series AND s.year = e.year AND s.committee = e.committee
    JOIN docs AS d ON d.doc_id = s.doc_id
    WHERE e.dnr IS NULL AND e.decided IS NULL AND e.file IS NULL
),
failed_files AS (
    SELECT source_path FROM v_ingest_latest WHERE status = 'failed'
),
met AS (
    SELECT
        e.expectation_id,
        count(d.doc_id) AS n_docs,
        bool_or(d.doc_state = 'present') AS any_present,
        bool_or(d.doc_state = 'partial') AS any_partial,
        list(d.doc_id ORDER BY d.doc_id) FILTER (WHERE d.doc_id IS NOT NULL) AS doc_ids
    FROM expected_decisions AS e
    LEFT JOIN matches AS m ON m.expectation_id = e.expectation_id
    LEFT JOIN docs AS d ON d.doc_id = m.doc_id
    GROUP BY e.expectation_id
),
per_expectation AS (
    SELECT
        e.year, e.committee, e.series,
        replace(e.status, '_', ' ') AS expectation,
        CASE
            WHEN t.n_docs = 0 AND e.status = 'known_gap' THEN 'known gap'
            WHEN t.n_docs = 0 AND e.status = 'not_expected' THEN 'not expected'
            WHEN t.n_docs = 0 AND e.file IN (SELECT source_path FROM failed_files)
                THEN 'unreadable'
            WHEN t.n_docs = 0 THEN 'missing'
            WHEN t.any_present THEN 'present'
            WHEN t.any_partial THEN 'partial'
            ELSE 'unreadable'
        END AS state,
        coalesce(t.doc_ids, []) AS doc_ids,
        e.source_kind, e.source, e.evidence, e.reason
    FROM expected_decisions AS e
    JOIN met AS t ON t.expectation_id = e.expectation_id
),
unclaimed AS (
    SELECT
        s.year, s.committee, s.series, 'no expectation recorded' AS expectation,
        d.doc_state AS state, [d.doc_id] AS doc_ids,
        NULL AS source_kind, NULL AS source, NULL AS evidence, NULL AS reason
    FROM v_document_series AS s
    JOIN docs AS d ON d.doc_id = s.doc_id
    -- a document named by dnr, date or file is accounted for; one found by its title is
    -- accounted for in the series and year of the expectation that found it
    WHERE s.doc_id NOT IN (SELECT doc_id FROM matches WHERE how = 'explicit')
        AND NOT EXISTS (
            SELECT 1
            FROM matches AS m JOIN expected_decisions AS e USING (expectation_id)
            WHERE m.doc_id = s.doc_id AND e.series = s.series AND e.year = s.year
        )
),
rows_ AS (
    SELECT * FROM per_expectation
    UNION ALL
    SELECT * FROM unclaimed
),
grouped AS (
    SELECT
        year, committee, series,
        CASE
            WHEN bool_or(expectation = 'expected') THEN 'expected'
            WHEN bool_or(expectation = 'known gap') THEN 'known gap'
            WHEN bool_or(expectation = 'not expected') THEN 'not expected'
            ELSE 'no expectation recorded'
        END AS expectation,
        count(*) FILTER (WHERE expectation = 'expected') AS n_expected,
        count(*) FILTER (WHERE state = 'present') AS n_present,
        count(*) FILTER (WHERE state = 'partial') AS n_partial,
        count(*) FILTER (WHERE state = 'unreadable') AS n_unreadable,
        count(*) FILTER (WHERE state = 'missing') AS n_missing,
        count(*) FILTER (WHERE state = 'known gap') AS n_known_gap,
        list_sort(list_distinct(flatten(list(doc_ids)))) AS doc_ids,
        list(DISTINCT source ORDER BY source) FILTER (WHERE source IS NOT NULL) AS sources,
        list(DISTINCT evidence ORDER BY evidence) FILTER (WHERE source_kind = 'reference')
            AS referred_by,
        list(DISTINCT reason ORDER BY reason) FILTER (WHERE reason IS NOT NULL) AS reasons
    FROM rows_
    GROUP BY year, committee, series
),
quality AS (
    SELECT
        g.year, g.committee, g.series,
        list(d.source_path ORDER BY d.source_path) FILTER (WHERE d.doc_id IS NOT NULL)
            AS source_paths,
        round(avg(d.ocr_confidence), 1) AS mean_ocr_confidence,
        coalesce(sum(d.n_doubtful_pages), 0) AS n_doubtful_pages,
        coalesce(sum(d.n_failed_pages), 0) AS n_failed_pages
    FROM grouped AS g
    LEFT JOIN docs AS d ON list_contains(g.doc_ids, d.doc_id)
    GROUP BY ALL
)
SELECT
    g.year,
    g.committee,
    g.series,
    s.label AS series_label,
    g.expectation,
    CASE
        WHEN g.n_missing > 0 THEN 'missing'
        WHEN g.n_unreadable > 0 THEN 'unreadable'
        WHEN g.n_partial > 0 THEN 'partial'
        WHEN g.n_present > 0 THEN 'present'
        WHEN g.n_known_gap > 0 THEN 'known gap'
        ELSE 'not expected'
    END AS state,
    CASE
        WHEN g.expectation = 'no expectation recorded' THEN 'no expectation recorded'
        WHEN g.expectation = 'not expected' AND g.n_present + g.n_partial = 0 THEN 'not expected'
        WHEN g.expectation = 'known gap' AND g.n_present + g.n_partial = 0 THEN 'known gap'
        WHEN g.n_missing > 0 OR g.n_unreadable > 0 THEN 'incomplete'
        WHEN g.n_partial > 0 THEN 'partial'
        WHEN g.n_known_gap > 0 THEN 'known gap'
        WHEN g.expectation = 'expected' THEN 'complete'
        ELSE 'no expectation recorded'
    END AS coverage,
    g.n_expected,
    g.n_present,
    g.n_partial,
    g.n_unreadable,
    g.n_missing,
    g.n_known_gap,
    len(g.doc_ids) AS n_documents,
    g.doc_ids,
    q.source_paths,
    q.mean_ocr_confidence,
    q.n_doubtful_pages,
    q.n_failed_pages,
    g.sources,
    g.referred_by,
    g.reasons,
    s.fund_types
FROM grouped AS g
JOIN quality AS q USING (year, committee, series)
LEFT JOIN decision_series AS s ON s.series = g.series
ORDER BY g.year, g.committee, g.series;
