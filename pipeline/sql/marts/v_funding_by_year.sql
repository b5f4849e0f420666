-- v_funding_by_year
-- Grain: one row per (fund_type, year): how many projects were funded and with how much,
-- each project counted once per year (v_projects: one row per project series and year, so
-- a project granted in one decision and reported in a later one is one project, and a
-- project shared by several districts is one project too). Canonical copies only.
-- Used by: "how many projects and how much money per fund and year?" (README cookbook),
-- the funding notebook; a plain sum over its rows counts every project once.
--
-- * Projects only applied for (status 'ansökt') are left out, as in
--   v_funding_by_district_year, whose total_sek summed over districts equals total_sek here.
-- * n_projects: projects (rows of v_projects); n_with_amount: those with a printed amount;
--   total_sek: their sum (NULL, not 0, when none has one); n_in_several_documents: projects
--   mentioned in more than one document that year (a grant and its report); n_documents:
--   the documents mentioning them.
-- * fund_total_stated_sek: the largest exact total_granted the fund's decisions state for
--   the year (NULL when none). A fund and year with a stated total and no project rows has
--   a row with n_projects 0.
-- * itemisation: 'itemised' (every project has an amount), 'partly itemised', 'stated total
--   only' (no project amount, but a stated total) or 'no amounts'.
-- * coverage: how complete the archive is for the fund and year (v_coverage_by_fund_year).
CREATE OR REPLACE VIEW v_funding_by_year AS
WITH funded AS (
    SELECT
        fund_type,
        year,
        count(*) AS n_projects,
        count(amount_sek) AS n_with_amount,
        CAST(sum(amount_sek) AS BIGINT) AS total_sek,
        count(*) FILTER (WHERE n_documents > 1) AS n_in_several_documents,
        len(list_distinct(flatten(list(doc_ids)))) AS n_documents
    FROM v_projects
    WHERE status IS DISTINCT FROM 'ansökt'
    GROUP BY ALL
),
stated AS (
    SELECT a.fund_type, a.year, max(a.sek) AS fund_total_stated_sek
    FROM amounts AS a
    JOIN v_documents_canonical AS d ON d.doc_id = a.doc_id
    WHERE a.kind = 'total_granted' AND NOT coalesce(a.approximate, false)
    GROUP BY ALL
),
joined AS (
    SELECT
        coalesce(f.fund_type, s.fund_type) AS fund_type,
        coalesce(f.year, s.year) AS year,
        coalesce(f.n_projects, 0) AS n_projects,
        coalesce(f.n_with_amount, 0) AS n_with_amount,
        f.total_sek,
        coalesce(f.n_in_several_documents, 0) AS n_in_several_documents,
        coalesce(f.n_documents, 0) AS n_documents,
        s.fund_total_stated_sek
    FROM funded AS f
    FULL JOIN stated AS s ON s.fund_type = f.fund_type AND s.year = f.year
)
SELECT
    j.fund_type,
    j.year,
    j.n_projects,
    j.n_with_amount,
    j.total_sek,
    j.fund_total_stated_sek,
    CASE
        WHEN j.n_projects > 0 AND j.n_with_amount = j.n_projects THEN 'itemised'
        WHEN j.n_with_amount > 0 THEN 'partly itemised'
        WHEN j.fund_total_stated_sek IS NOT NULL THEN 'stated total only'
        ELSE 'no amounts'
    END AS itemisation,
    j.n_in_several_documents,
    j.n_documents,
    coalesce(cv.coverage, 'no expectation recorded') AS coverage
FROM joined AS j
LEFT JOIN v_coverage_by_fund_year AS cv ON cv.fund_type = j.fund_type AND cv.year = j.year
ORDER BY j.year, j.fund_type;
