-- above_max: a project's amount against the stated maximum per application of its fund
-- and year (v_max_amounts). Applications and grants only (a report may sum several
-- years). One row per project with an amount where a maximum is stated; fails above it.
SELECT
    'above_max' AS kind, m.doc_id, p.doc_id AS other_doc_id, p.fund_type, p.year,
    format('{} against the {} maximum per application in {}', p.name, p.fund_type, p.year)
        AS subject,
    m.max_per_application_sek AS stated_sek, p.amount_sek AS found_sek,
    CAST(m.page_no AS VARCHAR) AS pages, CAST(p.page_no AS VARCHAR) AS other_pages,
    format('maximum {}; project {}', m.raw, p.amount_sek) AS evidence,
    [p.project_id] AS value_ids,
    CASE WHEN p.amount_sek <= m.max_per_application_sek THEN 'passed' ELSE 'failed' END
        AS outcome
FROM projects AS p
JOIN v_max_amounts AS m ON m.fund_type = p.fund_type AND m.year = p.year
WHERE p.amount_sek IS NOT NULL AND p.status IN ('beviljad', 'ansökt')
