-- rows_vs_total: per (document, fund, year) whose projects all carry an amount (two or
-- more, applications left out), the sum of the project rows against the total the same
-- document states in its text (not a Summa row, not approximate). Passes when one of the
-- stated totals equals the sum; otherwise fails against the total stated most often
-- (then the first by page).
WITH rows_ AS (
    SELECT doc_id, fund_type, year,
           sum(amount_sek) AS rows_sek, count(*) AS n_rows, count(amount_sek) AS n_with_amount,
           array_to_string(list_sort(list_distinct(list(page_no))), ',') AS pages,
           list(project_id ORDER BY project_id) AS ids
    FROM projects
    WHERE status IS DISTINCT FROM 'ansökt' AND fund_type IS NOT NULL AND year IS NOT NULL
    GROUP BY ALL
),
stated AS (
    SELECT doc_id, fund_type, year, sek, min(page_no) AS page_no, count(*) AS n,
           any_value(raw) AS raw, list(amount_id) AS ids
    FROM amounts
    WHERE kind = 'total_granted' AND NOT coalesce(approximate, false)
      AND NOT regexp_matches(lower(coalesce(evidence, '')), '^\W*(summa|totalt?|s:a|sammanlagt)\W*$')
      AND NOT regexp_matches(lower(coalesce(evidence, '')), '^\W*(summa|totalt?|s:a)\b')
    GROUP BY doc_id, fund_type, year, sek
),
best AS (
    SELECT s.*, r.rows_sek, r.n_rows, r.pages AS row_pages, r.ids AS row_ids,
           row_number() OVER (
               PARTITION BY s.doc_id, s.fund_type, s.year
               ORDER BY (s.sek = r.rows_sek) DESC, s.n DESC, s.page_no, s.sek
           ) AS rank_
    FROM stated AS s
    JOIN rows_ AS r USING (doc_id, fund_type, year)
    WHERE r.n_rows >= 2 AND r.n_with_amount = r.n_rows
)
SELECT
    'rows_vs_total' AS kind, doc_id, NULL AS other_doc_id, fund_type, year,
    format('sum of {} project rows against the stated {} total', n_rows, fund_type) AS subject,
    sek AS stated_sek, rows_sek AS found_sek,
    CAST(page_no AS VARCHAR) AS pages, row_pages AS other_pages,
    format('stated: {}; rows add up to {}', raw, rows_sek) AS evidence,
    list_concat(ids, row_ids) AS value_ids,
    CASE WHEN sek = rows_sek THEN 'passed' ELSE 'failed' END AS outcome
FROM best
WHERE rank_ = 1
