-- amounts_without_documents: amounts whose document is missing, or whose project_id names a
-- project that does not exist. One row per offending amount.
SELECT amount_id, doc_id, project_id,
       CASE WHEN doc_id NOT IN (SELECT doc_id FROM documents) THEN 'no document' ELSE 'no project' END
           AS problem
FROM amounts
WHERE doc_id NOT IN (SELECT doc_id FROM documents)
   OR (project_id IS NOT NULL AND project_id NOT IN (SELECT project_id FROM projects))
