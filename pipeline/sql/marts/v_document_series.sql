-- v_document_series
-- Grain: one row per (canonical document, series, year) — which recurring decision a document
-- is, and for which year. Used by: v_coverage (documents the register expects by series).
--
-- The title is split at " samt " (one document may be two decisions: "Inriktning … 2022 samt
-- redovisning … 2020"); each part gets the first series in decision_series whose
-- title_pattern matches lower(strip_accents(part)), else 'other'. year = the first year printed
-- in that part (the year the decision is for), else the year of the meeting or document date,
-- else the year in the dnr ("3.2-123/2014").
CREATE OR REPLACE VIEW v_document_series AS
WITH docs AS (
    SELECT
        doc_id,
        committee,
        string_split_regex(lower(strip_accents(coalesce(title, ''))), '\s+samt\s+') AS parts,
        coalesce(
            year(meeting_date),
            year(doc_date),
            TRY_CAST(regexp_extract(dnr, '((?:19|20)\d\d)\s*$', 1) AS INTEGER)
        ) AS doc_year
    FROM v_documents_canonical
),
parts AS (
    SELECT doc_id, committee, doc_year, unnest(parts) AS part, generate_subscripts(parts, 1) AS part_no
    FROM docs
),
matched AS (
    SELECT p.doc_id, p.part_no, s.series, s.position
    FROM parts AS p
    JOIN decision_series AS s
        ON s.title_pattern IS NOT NULL AND regexp_matches(p.part, s.title_pattern)
    QUALIFY row_number() OVER (PARTITION BY p.doc_id, p.part_no ORDER BY s.position) = 1
)
SELECT DISTINCT
    p.doc_id,
    p.committee,
    coalesce(m.series, 'other') AS series,
    coalesce(TRY_CAST(regexp_extract(p.part, '((?:19|20)\d\d)', 1) AS INTEGER), p.doc_year)
        AS year,
    p.part AS title_part
FROM parts AS p
LEFT JOIN matched AS m ON m.doc_id = p.doc_id AND m.part_no = p.part_no
WHERE p.part <> '' OR p.part_no = 1;
