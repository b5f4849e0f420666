-- v_criteria_by_year
-- Grain: one row per (fund_type, year, kind) — the criteria / priorities / focus areas for
-- a fund in a year, as an ordered list.
-- Used by: notebooks comparing how the conditions for LUM/MUL/MUST/FUM changed over time.
--
-- Only canonical documents count. When several decisions state criteria for the same
-- (fund_type, year, kind), a city-wide committee's beats a stadsdelsnämnd's (a district's
-- own rules for sharing its part are not the fund's call), then the most recent one (by
-- doc_date, then doc_id) is used — it is the one in force; n_sources says how many decisions stated them. year = the stated year,
-- else the document's year. coverage (added, issue 18): how complete the archive is for this
-- fund and year (v_coverage_by_fund_year), so that a criterion that "disappears" can be told
-- from a decision that is not in the archive.
CREATE OR REPLACE VIEW v_criteria_by_year AS
WITH c AS (
    SELECT c.*, coalesce(c.year, year(d.doc_date)) AS in_year, d.doc_date,
           CASE WHEN d.committee ILIKE '%stadsdelsnämnd%' THEN 1 ELSE 0 END AS local_call
    FROM criteria AS c
    JOIN v_documents_canonical AS d ON d.doc_id = c.doc_id
),
sources AS (
    SELECT
        fund_type, in_year, kind, doc_id,
        row_number() OVER (
            PARTITION BY fund_type, in_year, kind
            ORDER BY local_call, doc_date DESC NULLS LAST, doc_id DESC
        ) AS recency,
        count(*) OVER (PARTITION BY fund_type, in_year, kind) AS n_sources
    FROM (SELECT DISTINCT fund_type, in_year, kind, doc_id, doc_date, local_call FROM c)
)
SELECT
    c.fund_type,
    c.in_year AS year,
    c.kind,
    list(c.text ORDER BY c.position, c.criterion_id) AS criteria,
    count(*) AS n_criteria,
    s.doc_id,
    any_value(c.doc_date) AS doc_date,
    s.n_sources,
    coalesce(cv.coverage, 'no expectation recorded') AS coverage
FROM c
LEFT JOIN v_coverage_by_fund_year AS cv ON cv.fund_type = c.fund_type AND cv.year = c.in_year
JOIN sources AS s
    ON s.recency = 1
    AND s.doc_id = c.doc_id
    AND s.fund_type IS NOT DISTINCT FROM c.fund_type
    AND s.in_year IS NOT DISTINCT FROM c.in_year
    AND s.kind IS NOT DISTINCT FROM c.kind
GROUP BY c.fund_type, c.in_year, c.kind, s.doc_id, s.n_sources, cv.coverage
ORDER BY c.fund_type, year, c.kind;
