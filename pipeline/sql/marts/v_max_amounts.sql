-- v_max_amounts
-- Grain: one row per (fund_type, year): the highest sum one application could be granted.
-- Used by: notebooks following the ceiling per application over the years.
--
-- From amounts with kind 'max_per_application' in canonical documents. When several
-- decisions (or one decision twice) state it for the same fund and year, the most recent
-- document wins (then the larger amount); n_statements counts the statements and
-- values_stated lists the distinct amounts, so disagreements are visible.
-- year = the stated year, else the document's year (year_source says which).
CREATE OR REPLACE VIEW v_max_amounts AS
WITH stated AS (
    SELECT
        a.*,
        coalesce(a.year, year(d.doc_date)) AS in_year,
        CASE WHEN a.year IS NOT NULL THEN 'stated' WHEN d.doc_date IS NOT NULL THEN 'document date' END
            AS year_source,
        d.doc_date
    FROM amounts AS a
    JOIN v_documents_canonical AS d ON d.doc_id = a.doc_id
    WHERE a.kind = 'max_per_application'
),
ranked AS (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY fund_type, in_year ORDER BY doc_date DESC NULLS LAST, sek DESC, amount_id
        ) AS rank_,
        count(*) OVER (PARTITION BY fund_type, in_year) AS n_statements,
        list_sort(list_distinct(list(sek) OVER (PARTITION BY fund_type, in_year))) AS values_stated
    FROM stated
)
SELECT
    fund_type,
    in_year AS year,
    sek AS max_per_application_sek,
    raw,
    approximate,
    year_source,
    doc_id,
    doc_date,
    page_no,
    evidence,
    n_statements,
    values_stated
FROM ranked
WHERE rank_ = 1
ORDER BY fund_type, year;
