-- orphan_rows: rows of per-document tables whose doc_id is not in documents.
-- One row per offending row: table_name, doc_id, what (the row's own key or description).
SELECT 'pages' AS table_name, doc_id, 'page ' || page_no AS what
FROM pages WHERE doc_id NOT IN (SELECT doc_id FROM documents)
UNION ALL
SELECT 'decisions', doc_id, 'item ' || coalesce(CAST(item_no AS VARCHAR), '?')
FROM decisions WHERE doc_id NOT IN (SELECT doc_id FROM documents)
UNION ALL
SELECT 'signatories', doc_id, coalesce(name, '?')
FROM signatories WHERE doc_id NOT IN (SELECT doc_id FROM documents)
UNION ALL
SELECT 'projects', doc_id, project_id
FROM projects WHERE doc_id NOT IN (SELECT doc_id FROM documents)
UNION ALL
SELECT 'criteria', doc_id, criterion_id
FROM criteria WHERE doc_id NOT IN (SELECT doc_id FROM documents)
UNION ALL
SELECT 'district_mentions', doc_id, district_id
FROM district_mentions WHERE doc_id NOT IN (SELECT doc_id FROM documents)
