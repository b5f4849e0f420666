-- summa_vs_total: a decision's total stated in its text against its table's Summa (Totalt)
-- row, per (document, fund, year). Passes when the Summa equals one of the stated totals;
-- otherwise fails against the one stated most often (then the first by page).
WITH summa AS (
    SELECT doc_id, fund_type, year, sek, page_no, raw, amount_id
    FROM amounts
    WHERE kind = 'total_granted'
      AND regexp_matches(lower(coalesce(evidence, '')), '^\W*(summa|totalt?|s:a)\b')
),
stated AS (
    SELECT doc_id, fund_type, year, sek, min(page_no) AS page_no, count(*) AS n,
           any_value(raw) AS raw, list(amount_id) AS ids
    FROM amounts
    WHERE kind = 'total_granted' AND NOT coalesce(approximate, false)
      AND NOT regexp_matches(lower(coalesce(evidence, '')), '^\W*(summa|totalt?|s:a)\b')
    GROUP BY doc_id, fund_type, year, sek
),
best AS (
    SELECT t.*, s.sek AS summa_sek, s.page_no AS summa_page, s.raw AS summa_raw,
           s.amount_id AS summa_id,
           row_number() OVER (
               PARTITION BY s.amount_id ORDER BY (t.sek = s.sek) DESC, t.n DESC, t.page_no, t.sek
           ) AS rank_
    FROM summa AS s
    JOIN stated AS t
        ON t.doc_id = s.doc_id AND t.fund_type = s.fund_type AND t.year = s.year
)
SELECT
    'summa_vs_total' AS kind, doc_id, NULL AS other_doc_id, fund_type, year,
    format('the {} total in the text against the table''s Summa row', fund_type) AS subject,
    sek AS stated_sek, summa_sek AS found_sek,
    CAST(page_no AS VARCHAR) AS pages, CAST(summa_page AS VARCHAR) AS other_pages,
    format('stated: {}; Summa row: {}', raw, summa_raw) AS evidence,
    list_append(ids, summa_id) AS value_ids,
    CASE WHEN sek = summa_sek THEN 'passed' ELSE 'failed' END AS outcome
FROM best
WHERE rank_ = 1
