-- granted_vs_reported: per project series and year, the amount a decision granted
-- (status beviljad) against the amount a later report gives for it (genomförd or
-- pågående, or any row of a report by its title: redovisning, lägesrapport …; another
-- decision), both printed. Canonical copies only.
WITH m AS (
    SELECT p.project_id, p.series_id, p.doc_id, p.fund_type, p.status, p.amount_sek, p.page_no,
           p.name, coalesce(p.year, year(doc.doc_date)) AS in_year, d.decision_key,
           regexp_matches(lower(strip_accents(coalesce(doc.title, ''))),
                          '(redovisning|lagesrapport|slutrapport|uppfoljning)') AS is_report
    FROM projects AS p
    JOIN documents AS doc ON doc.doc_id = p.doc_id
    JOIN v_document_copies AS d ON d.doc_id = p.doc_id
    WHERE d.copy_rank = 1 AND p.series_id IS NOT NULL AND p.amount_sek IS NOT NULL
)
SELECT
    'granted_vs_reported' AS kind, g.doc_id, r.doc_id AS other_doc_id, g.fund_type,
    g.in_year AS year,
    format('{} granted for {} against the later report', g.name, g.in_year) AS subject,
    g.amount_sek AS stated_sek, r.amount_sek AS found_sek,
    CAST(g.page_no AS VARCHAR) AS pages, CAST(r.page_no AS VARCHAR) AS other_pages,
    format('granted: {} ({}); reported: {} ({})', g.amount_sek, g.name, r.amount_sek, r.name)
        AS evidence,
    [g.project_id, r.project_id] AS value_ids,
    CASE WHEN g.amount_sek = r.amount_sek THEN 'passed' ELSE 'failed' END AS outcome
FROM m AS g
JOIN m AS r
    ON r.series_id = g.series_id AND r.in_year = g.in_year
    AND r.decision_key <> g.decision_key
WHERE g.status = 'beviljad' AND NOT g.is_report
  AND (r.status IN ('genomförd', 'pågående') OR r.is_report)
