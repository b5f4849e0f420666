-- read_twice: the same amount read in two copies of one decision (a scan and a
-- transcript, text layer against OCR). Project amounts are paired through the project's
-- series; other amounts by (kind, fund, year, page) when both copies hold as many of them.
-- Fails when the two readings differ.
WITH c AS (SELECT doc_id, decision_key, copy_rank FROM v_document_copies),
proj AS (
    SELECT p.project_id, p.series_id, p.doc_id, p.amount_sek, p.page_no, p.fund_type, p.year,
           p.name, c.decision_key
    FROM projects AS p JOIN c USING (doc_id)
    WHERE p.amount_sek IS NOT NULL AND p.series_id IS NOT NULL
),
project_pairs AS (
    SELECT
        'read_twice' AS kind, a.doc_id, b.doc_id AS other_doc_id, a.fund_type, a.year,
        format('amount of {} in two copies', a.name) AS subject,
        a.amount_sek AS stated_sek, b.amount_sek AS found_sek,
        CAST(a.page_no AS VARCHAR) AS pages, CAST(b.page_no AS VARCHAR) AS other_pages,
        format('{} against {}', a.amount_sek, b.amount_sek) AS evidence,
        [a.project_id, b.project_id] AS value_ids,
        CASE WHEN a.amount_sek = b.amount_sek THEN 'passed' ELSE 'failed' END AS outcome
    FROM proj AS a
    JOIN proj AS b
        ON b.series_id = a.series_id AND b.decision_key = a.decision_key AND b.doc_id > a.doc_id
),
amt AS (
    SELECT a.doc_id, c.decision_key, a.kind AS amount_kind, a.fund_type, a.year, a.page_no,
           list(a.sek ORDER BY a.sek) AS seks, list(a.raw ORDER BY a.sek) AS raws,
           list(a.amount_id ORDER BY a.amount_id) AS ids
    FROM amounts AS a JOIN c USING (doc_id)
    WHERE a.project_id IS NULL AND a.sek IS NOT NULL
    GROUP BY ALL
),
amount_pairs AS (
    SELECT
        'read_twice' AS kind, a.doc_id, b.doc_id AS other_doc_id, a.fund_type, a.year,
        format('{} amount(s) of kind {} on page {} in two copies', len(a.seks), a.amount_kind,
               a.page_no) AS subject,
        list_sum(a.seks) AS stated_sek, list_sum(b.seks) AS found_sek,
        CAST(a.page_no AS VARCHAR) AS pages, CAST(b.page_no AS VARCHAR) AS other_pages,
        format('{} against {}', array_to_string(a.raws, ' | '), array_to_string(b.raws, ' | '))
            AS evidence,
        list_concat(a.ids, b.ids) AS value_ids,
        CASE WHEN a.seks = b.seks THEN 'passed' ELSE 'failed' END AS outcome
    FROM amt AS a
    JOIN amt AS b
        ON b.decision_key = a.decision_key AND b.doc_id > a.doc_id
        AND b.amount_kind = a.amount_kind
        AND b.fund_type IS NOT DISTINCT FROM a.fund_type
        AND b.year IS NOT DISTINCT FROM a.year
        AND b.page_no IS NOT DISTINCT FROM a.page_no
        AND len(b.seks) = len(a.seks)
)
SELECT * FROM project_pairs
UNION ALL
SELECT * FROM amount_pairs
