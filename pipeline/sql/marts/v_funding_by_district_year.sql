-- v_funding_by_district_year
-- Grain: one row per (district as it was named, fund_type, year): the money given to projects
-- in that district, counting each decision once (canonical copies only) and each project
-- once per year (v_projects: one row per project series and year).
-- Used by: the longitudinal notebooks ("how much LUM went to Rinkeby-Kista / Järva per year"),
-- README's SQL cookbook. Group by district_today_id to follow districts across mergers.
--
-- * Projects with status 'ansökt' (applied for, not granted) are left out.
--   itemisation 'no amounts': neither project amounts nor a stated total.
-- * year = the project's stated year, else its document's year (as in v_projects).
-- * A project in several districts is split between them: total_sek gets amount/n, with the
--   remaining kronor going one each to the first districts by id, so summing total_sek over
--   districts gives exactly the projects' total. total_sek_undivided is the full amount of
--   every project touching the district (not additive across districts).
-- * Projects without a district appear with district_id NULL.
-- * district_kind: what the unit is — 'stadsdelsförvaltning' (a district administration),
--   'fackförvaltning' (a city-wide förvaltning such as Socialförvaltningen) or 'unit' (a
--   unit inside a förvaltning, such as Socialjouren); NULL without a district. Keep only
--   the districts with WHERE district_kind = 'stadsdelsförvaltning'.
-- * n_projects counts projects touching the district (a shared project counts in each).
--   n_projects_split (added, issue 15) splits a shared project like total_sek: a project
--   in three districts counts 1/3 in each, so summing n_projects_split over districts gives
--   the number of projects (up to rounding: round() the sum; v_funding_by_year has it per
--   fund and year).
-- * total_sek is NULL (unknown), not 0, when no project in the row has a printed amount —
--   many decisions state one total per fund instead (see amounts.kind = 'total_granted').
-- * coverage (added, issue 18): how complete the archive is for this fund and year
--   (v_coverage_by_fund_year): 'complete', 'incomplete', 'partial', 'known gap' or
--   'no expectation recorded' — so that a small total can be told from a missing decision.
-- * Each project counts once per year (added, issue 15): a project granted in one decision
--   and reported in a later one is one row of v_projects (by series), so n_projects and
--   total_sek no longer count it twice. Its districts are those of v_projects (the first
--   mention's, else the next mention naming any).
-- * itemisation (added, issue 15): whether the fund's money in that year is known per
--   project — 'itemised' (every counted project has an amount), 'partly itemised', or
--   'stated total only' (no project amount; the decision states one total, given in
--   fund_total_stated_sek: the largest exact total_granted of the fund and year in a
--   canonical document, NULL when none is stated).
CREATE OR REPLACE VIEW v_funding_by_district_year AS
WITH funded AS (
    SELECT project_id, doc_id, fund_type, year, amount_sek
    FROM v_projects
    WHERE status IS DISTINCT FROM 'ansökt'
),
stated AS (
    SELECT a.fund_type, a.year, max(a.sek) AS fund_total_stated_sek
    FROM amounts AS a
    JOIN v_documents_canonical AS d ON d.doc_id = a.doc_id
    WHERE a.kind = 'total_granted' AND NOT coalesce(a.approximate, false)
    GROUP BY ALL
),
itemised AS (
    SELECT
        fund_type, year,
        CASE
            WHEN count(amount_sek) = count(*) THEN 'itemised'
            WHEN count(amount_sek) > 0 THEN 'partly itemised'
            ELSE 'stated total only'
        END AS itemisation
    FROM funded
    GROUP BY ALL
),
links AS (
    SELECT DISTINCT project_id, unnest(district_ids) AS district_id FROM v_projects
),
shares AS (
    SELECT
        f.*,
        l.district_id,
        count(l.district_id) OVER (PARTITION BY f.project_id) AS n_districts,
        row_number() OVER (PARTITION BY f.project_id ORDER BY l.district_id) AS district_rank
    FROM funded AS f
    LEFT JOIN links AS l ON l.project_id = f.project_id
),
allocated AS (
    SELECT
        *,
        CASE
            WHEN n_districts <= 1 THEN amount_sek
            ELSE amount_sek // n_districts
                + CASE WHEN district_rank <= amount_sek % n_districts THEN 1 ELSE 0 END
        END AS share_sek
    FROM shares
)
SELECT
    coalesce(g.name, a.district_id) AS district_as_named,
    a.district_id,
    coalesce(g.district_today_id, a.district_id) AS district_today_id,
    coalesce(g.district_today, a.district_id) AS district_today,
    g.kind AS district_kind,
    a.fund_type,
    a.year,
    count(DISTINCT a.project_id) AS n_projects,
    CAST(sum(a.share_sek) AS BIGINT) AS total_sek,
    count(DISTINCT a.doc_id) AS n_documents,
    CAST(sum(a.amount_sek) AS BIGINT) AS total_sek_undivided,
    count(DISTINCT a.project_id) FILTER (WHERE a.n_districts > 1) AS n_projects_shared,
    count(DISTINCT a.project_id) FILTER (WHERE a.amount_sek IS NULL) AS n_projects_without_amount,
    coalesce(cv.coverage, 'no expectation recorded') AS coverage,
    CASE
        WHEN it.itemisation = 'stated total only' AND st.fund_total_stated_sek IS NULL
            THEN 'no amounts'
        ELSE it.itemisation
    END AS itemisation,
    st.fund_total_stated_sek,
    sum(1.0 / greatest(a.n_districts, 1)) AS n_projects_split
FROM allocated AS a
LEFT JOIN v_district_lineage AS g ON g.district_id = a.district_id
LEFT JOIN v_coverage_by_fund_year AS cv ON cv.fund_type = a.fund_type AND cv.year = a.year
LEFT JOIN itemised AS it
    ON it.fund_type IS NOT DISTINCT FROM a.fund_type AND it.year IS NOT DISTINCT FROM a.year
LEFT JOIN stated AS st ON st.fund_type = a.fund_type AND st.year = a.year
GROUP BY ALL
ORDER BY a.year, a.fund_type, district_today_id, a.district_id;
