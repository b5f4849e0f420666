-- v_documents_timeline
-- Grain: one row per distinct decision (canonical copy), for listing decisions in date order.
-- Used by: notebooks and README ("what did Socialnämnden decide about FoU money, and when").
--
-- n_projects / total_amount_sek: projects of the document and the sum of their amounts
-- (every status); total_granted_sek: the largest exactly stated 'total_granted' amount per
-- fund and year, summed over funds and years (NULL when the document states none).
-- n_copies / copy_doc_ids: the files holding this decision.
CREATE OR REPLACE VIEW v_documents_timeline AS
WITH p AS (
    SELECT doc_id, count(*) AS n_projects, sum(amount_sek) AS total_amount_sek
    FROM projects
    GROUP BY doc_id
),
totals AS (
    SELECT doc_id, sum(sek) AS total_granted_sek
    FROM (
        SELECT doc_id, fund_type, year, max(sek) AS sek
        FROM amounts
        WHERE kind = 'total_granted'
        GROUP BY doc_id, fund_type, year
    )
    GROUP BY doc_id
)
SELECT
    d.committee,
    d.doc_type,
    d.doc_date,
    d.meeting_date,
    d.title,
    d.dnr,
    coalesce(p.n_projects, 0) AS n_projects,
    CAST(p.total_amount_sek AS BIGINT) AS total_amount_sek,
    CAST(t.total_granted_sek AS BIGINT) AS total_granted_sek,
    d.doc_id,
    d.source_path,
    d.text_source,
    d.status,
    d.n_copies,
    d.copy_doc_ids
FROM v_documents_canonical AS d
LEFT JOIN p ON p.doc_id = d.doc_id
LEFT JOIN totals AS t ON t.doc_id = d.doc_id
ORDER BY d.doc_date NULLS LAST, d.committee, d.doc_id;
