-- v_documents_canonical
-- Grain: one row per distinct decision — the best copy among the files holding the same
-- decision (see v_document_copies for how copies are recognised and ranked).
-- Used by: v_projects, v_funding_by_district_year, v_criteria_by_year, v_max_amounts,
-- v_documents_timeline — every view that counts or sums uses only these documents, so a
-- decision present as transcript + scan + born-digital PDF is counted once.
-- Columns: all of `documents` for the chosen copy, plus decision_key, n_copies and
-- copy_doc_ids (all copies, best first). Failed, unsupported and excluded documents are absent.
CREATE OR REPLACE VIEW v_documents_canonical AS
WITH copies AS (
    SELECT decision_key, list(doc_id ORDER BY copy_rank) AS copy_doc_ids
    FROM v_document_copies
    GROUP BY decision_key
)
SELECT d.*, c.decision_key, c.n_copies, k.copy_doc_ids
FROM v_document_copies AS c
JOIN documents AS d ON d.doc_id = c.doc_id
JOIN copies AS k ON k.decision_key = c.decision_key
WHERE c.copy_rank = 1;
