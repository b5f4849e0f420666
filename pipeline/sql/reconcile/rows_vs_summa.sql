-- rows_vs_summa: the project rows of a table against its Summa (Totalt) row, per
-- (document, fund, year) whose projects (two or more, applications left out) all carry
-- an amount.
WITH rows_ AS (
    SELECT doc_id, fund_type, year,
           sum(amount_sek) AS rows_sek, count(*) AS n_rows, count(amount_sek) AS n_with_amount,
           array_to_string(list_sort(list_distinct(list(page_no))), ',') AS pages,
           list(project_id ORDER BY project_id) AS ids
    FROM projects
    WHERE status IS DISTINCT FROM 'ansökt' AND fund_type IS NOT NULL AND year IS NOT NULL
    GROUP BY ALL
),
summa AS (
    SELECT doc_id, fund_type, year, sek, page_no, raw, amount_id
    FROM amounts
    WHERE kind = 'total_granted'
      AND regexp_matches(lower(coalesce(evidence, '')), '^\W*(summa|totalt?|s:a)\b')
)
SELECT
    'rows_vs_summa' AS kind, s.doc_id, NULL AS other_doc_id, s.fund_type, s.year,
    format('sum of {} project rows against the Summa row', r.n_rows) AS subject,
    s.sek AS stated_sek, r.rows_sek AS found_sek,
    CAST(s.page_no AS VARCHAR) AS pages, r.pages AS other_pages,
    format('Summa row: {}; rows add up to {}', s.raw, r.rows_sek) AS evidence,
    list_prepend(s.amount_id, r.ids) AS value_ids,
    CASE WHEN s.sek = r.rows_sek THEN 'passed' ELSE 'failed' END AS outcome
FROM summa AS s
JOIN rows_ AS r
    ON r.doc_id = s.doc_id AND r.fund_type = s.fund_type AND r.year = s.year
WHERE r.n_rows >= 2 AND r.n_with_amount = r.n_rows
