-- v_series_years
-- Grain: one row per (project series, year): the sums applied for, proposed, decided
-- (granted) and reported, each with its evidence (document, page and the printed words).
-- Used by: reconciling a project's money across its documents; the checks of kind
-- granted_vs_reported compare granted against reported per series and year.
--
-- Roles as in v_project_series: applied = status 'ansökt'; proposed = 'beviljad' in a
-- tjänsteutlåtande; decided = 'beviljad' in a protokoll or protokollsutdrag; reported =
-- 'genomförd' or 'pågående', or any row of a report (a title with redovisning,
-- lägesrapport, slutrapport, uppföljning). granted_sek = decided, else proposed. Each *_evidence is a
-- list of "source_path p.N: evidence" for the rows behind the sum (NULL when none).
-- Canonical copies only (via v_project_mentions, whose role and cite columns these are).
-- v_projects carries the same sums and evidence lists on its one row per project and year.
CREATE OR REPLACE VIEW v_series_years AS
WITH p AS (SELECT * FROM v_project_mentions)
SELECT
    series_id,
    year,
    arg_min(name, coalesce(doc_date, DATE '9999-12-31')) AS name,
    max(amount_sek) FILTER (WHERE role = 'applied') AS applied_sek,
    max(amount_sek) FILTER (WHERE role = 'proposed') AS proposed_sek,
    max(amount_sek) FILTER (WHERE role = 'decided') AS decided_sek,
    coalesce(max(amount_sek) FILTER (WHERE role = 'decided'),
             max(amount_sek) FILTER (WHERE role = 'proposed')) AS granted_sek,
    max(amount_sek) FILTER (WHERE role = 'reported') AS reported_sek,
    list(cite) FILTER (WHERE role = 'applied') AS applied_evidence,
    list(cite) FILTER (WHERE role = 'proposed') AS proposed_evidence,
    list(cite) FILTER (WHERE role = 'decided') AS decided_evidence,
    list(cite) FILTER (WHERE role = 'reported') AS reported_evidence,
    count(*) AS n_mentions
FROM p
GROUP BY series_id, year
ORDER BY series_id, year;
