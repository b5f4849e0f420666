-- read_twice: the same amount read in two copies of one decision (a scan and a
-- transcript, text layer against OCR). Project amounts are paired through the project's
-- series; other amounts by (kind, fund, year) and the words around them (Jaro-Winkler
-- similarity of the evidence's first 120 characters at least 0.9, best match both ways).
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
    SELECT a.amount_id, a.doc_id, c.decision_key, a.kind AS amount_kind, a.fund_type, a.year,
           a.page_no, a.sek, a.raw,
           lower(strip_accents(left(coalesce(a.evidence, ''), 120))) AS ev
    FROM amounts AS a JOIN c USING (doc_id)
    WHERE a.project_id IS NULL AND a.sek IS NOT NULL AND coalesce(a.evidence, '') <> ''
),
candidates AS (
    SELECT a.*, b.amount_id AS b_id, b.doc_id AS b_doc, b.sek AS b_sek, b.raw AS b_raw,
           b.page_no AS b_page, jaro_winkler_similarity(a.ev, b.ev) AS sim
    FROM amt AS a
    JOIN amt AS b
        ON b.decision_key = a.decision_key AND b.doc_id > a.doc_id
        AND b.amount_kind = a.amount_kind
        AND b.fund_type IS NOT DISTINCT FROM a.fund_type
        AND b.year IS NOT DISTINCT FROM a.year
),
best AS (
    SELECT *,
           row_number() OVER (PARTITION BY amount_id, b_doc ORDER BY sim DESC, b_id) AS rank_a,
           row_number() OVER (PARTITION BY b_id, doc_id ORDER BY sim DESC, amount_id) AS rank_b
    FROM candidates
    WHERE sim >= 0.9
),
amount_pairs AS (
    SELECT
        'read_twice' AS kind, doc_id, b_doc AS other_doc_id, fund_type, year,
        format('amount of kind {} in two copies', amount_kind) AS subject,
        sek AS stated_sek, b_sek AS found_sek,
        CAST(page_no AS VARCHAR) AS pages, CAST(b_page AS VARCHAR) AS other_pages,
        format('{} against {}', raw, b_raw) AS evidence,
        [amount_id, b_id] AS value_ids,
        CASE WHEN sek = b_sek THEN 'passed' ELSE 'failed' END AS outcome
    FROM best
    WHERE rank_a = 1 AND rank_b = 1
)
SELECT * FROM project_pairs
UNION ALL
SELECT * FROM amount_pairs
