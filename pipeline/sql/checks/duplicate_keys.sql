-- duplicate_keys: keys that occur more than once. One row per (table_name, key, n).
SELECT 'documents' AS table_name, doc_id AS key, count(*) AS n FROM documents GROUP BY doc_id HAVING n > 1
UNION ALL
SELECT 'pages', doc_id || '#' || page_no, count(*) AS n FROM pages GROUP BY doc_id, page_no HAVING n > 1
UNION ALL
SELECT 'projects', project_id, count(*) AS n FROM projects GROUP BY project_id HAVING n > 1
UNION ALL
SELECT 'amounts', amount_id, count(*) AS n FROM amounts GROUP BY amount_id HAVING n > 1
UNION ALL
SELECT 'criteria', criterion_id, count(*) AS n FROM criteria GROUP BY criterion_id HAVING n > 1
UNION ALL
SELECT 'project_districts', project_id || '|' || district_id, count(*) AS n
FROM project_districts GROUP BY project_id, district_id HAVING n > 1
UNION ALL
SELECT 'districts', district_id, count(*) AS n FROM districts GROUP BY district_id HAVING n > 1
UNION ALL
SELECT 'district_aliases', alias || '|' || district_id, count(*) AS n
FROM district_aliases GROUP BY alias, district_id HAVING n > 1
