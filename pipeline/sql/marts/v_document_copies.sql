-- v_document_copies
-- Grain: one row per loaded document (status ok or partial): every copy of every decision.
-- Used by: v_documents_canonical (and through it every view that counts or sums), and by
-- analysts checking which files were taken to be copies of one decision.
--
-- The same decision often arrives as several files (an old OCR transcript, a scanned PDF, a
-- born-digital PDF). Copies share a decision_key:
--   * dnr known:  committee + dnr + doc_date + doc_type. The title is left out because
--                 OCR'd copies misread it; doc_type keeps a bilaga apart from its
--                 tjänsteutlåtande under the same dnr and date;
--   * no dnr:     the key of a document with a dnr and the same committee, doc_date,
--                 doc_type and normalised title, if one exists; otherwise
--                 committee + doc_date + doc_type + normalised title when a title is known;
--   * neither:    the doc_id alone (never merged with anything).
-- Normalised title = lower case, accents stripped, only letters and digits kept.
-- copy_rank 1 is the copy the views use: status ok before partial; then text-layer, then
-- transcript (someone else's OCR), then mixed, then ocr; then higher ocr_confidence; then
-- doc_id. Wrong groupings are fixed with an override on documents (e.g. set dnr).
CREATE OR REPLACE VIEW v_document_copies AS
WITH docs AS (
    SELECT
        doc_id, committee, doc_type, dnr, doc_date, text_source, ocr_confidence, status,
        nullif(regexp_replace(lower(strip_accents(coalesce(title, ''))), '[^a-z0-9]+', '', 'g'), '')
            AS title_key
    FROM documents
    WHERE status IN ('ok', 'partial')
),
dnr_keys AS (
    SELECT
        doc_id, committee, doc_type, doc_date, title_key,
        concat_ws('|', 'dnr', coalesce(committee, ''), dnr,
                  coalesce(CAST(doc_date AS VARCHAR), ''), coalesce(doc_type, '')) AS decision_key
    FROM docs
    WHERE dnr IS NOT NULL
),
by_title AS (
    SELECT d.doc_id, min(k.decision_key) AS decision_key
    FROM docs AS d
    JOIN dnr_keys AS k
        ON k.title_key = d.title_key
        AND k.committee IS NOT DISTINCT FROM d.committee
        AND k.doc_date IS NOT DISTINCT FROM d.doc_date
        AND k.doc_type IS NOT DISTINCT FROM d.doc_type
    WHERE d.dnr IS NULL
    GROUP BY d.doc_id
),
keyed AS (
    SELECT
        d.*,
        coalesce(
            k.decision_key,
            t.decision_key,
            CASE WHEN d.title_key IS NOT NULL THEN concat_ws('|', 'title', coalesce(d.committee, ''),
                coalesce(CAST(d.doc_date AS VARCHAR), ''), coalesce(d.doc_type, ''), d.title_key) END,
            'doc|' || d.doc_id
        ) AS decision_key,
        CASE d.text_source
            WHEN 'text-layer' THEN 0 WHEN 'transcript' THEN 1 WHEN 'mixed' THEN 2 WHEN 'ocr' THEN 3
            ELSE 4
        END AS source_rank
    FROM docs AS d
    LEFT JOIN dnr_keys AS k USING (doc_id)
    LEFT JOIN by_title AS t USING (doc_id)
)
SELECT
    doc_id,
    decision_key,
    first_value(doc_id) OVER best AS canonical_doc_id,
    row_number() OVER best AS copy_rank,
    count(*) OVER (PARTITION BY decision_key) AS n_copies,
    status,
    text_source,
    ocr_confidence
FROM keyed
WINDOW best AS (
    PARTITION BY decision_key
    ORDER BY CASE status WHEN 'ok' THEN 0 ELSE 1 END, source_rank, ocr_confidence DESC NULLS LAST, doc_id
);
