-- project_districts_without_project: district links whose project does not exist, or whose
-- doc_id disagrees with the project's. One row per offending link.
SELECT pd.project_id, pd.district_id, pd.doc_id, p.doc_id AS project_doc_id
FROM project_districts AS pd
LEFT JOIN projects AS p ON p.project_id = pd.project_id
WHERE p.project_id IS NULL OR pd.doc_id IS DISTINCT FROM p.doc_id
