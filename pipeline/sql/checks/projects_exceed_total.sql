-- projects_exceed_total: (document, fund_type, year) whose projects' amounts add up to more
-- than the total_granted the same document states for that fund and year. Approximate
-- totals ("cirka tre miljoner") are not compared; several statements of the total: the
-- largest counts. Projects count under their stated year; applications ('ansökt') are left
-- out. One row per offending (doc_id, fund_type, year).
WITH totals AS (
    SELECT doc_id, fund_type, year, max(sek) AS total_granted_sek
    FROM amounts
    WHERE kind = 'total_granted' AND NOT coalesce(approximate, false)
    GROUP BY doc_id, fund_type, year
),
project_sums AS (
    SELECT doc_id, fund_type, year, sum(amount_sek) AS projects_sek, count(*) AS n_projects
    FROM projects
    WHERE status IS DISTINCT FROM 'ansökt'
    GROUP BY doc_id, fund_type, year
)
SELECT p.doc_id, p.fund_type, p.year, p.n_projects, p.projects_sek, t.total_granted_sek
FROM project_sums AS p
JOIN totals AS t
    ON t.doc_id = p.doc_id
    AND t.fund_type IS NOT DISTINCT FROM p.fund_type
    AND t.year IS NOT DISTINCT FROM p.year
WHERE p.projects_sek > t.total_granted_sek
