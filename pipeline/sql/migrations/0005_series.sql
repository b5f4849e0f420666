-- 0005_series: project series, consistency checks and criterion concepts (issue 15).
--
-- * projects.series_id: the series a mention of a project belongs to (one project across
--   documents and years; pipeline/warehouse/series.py). NULL until the run's linking step.
-- * project_links: the candidate pairs scored by the linker and the analysts' judgements
--   (warehouse/overrides/project_links.csv), rebuilt on every run.
-- * checks: one row per arithmetic or consistency check, rebuilt on every run
--   (pipeline/warehouse/checks.py, queries in pipeline/sql/reconcile/).
-- * confidence_extracted on projects and amounts: the confidence before a failed check
--   lowered it (NULL = not lowered), so that the lowering is undone when the check passes.
-- * criterion_concepts: each criterion mapped to one or more concepts of
--   pipeline/data/criterion_concepts.csv ('other' when none), with the matching words.

ALTER TABLE projects ADD COLUMN series_id VARCHAR;             -- s-<12 hex>: one project across documents
ALTER TABLE projects ADD COLUMN confidence_extracted DOUBLE;   -- confidence before failed checks lowered it
ALTER TABLE amounts ADD COLUMN confidence_extracted DOUBLE;    -- confidence before failed checks lowered it

CREATE TABLE project_links (
    project_a  VARCHAR NOT NULL,              -- the smaller project_id of the pair
    project_b  VARCHAR NOT NULL,              -- the larger project_id
    score      DOUBLE,                        -- 0..1 from the evidence (1 for a judgement without a candidate)
    decision   VARCHAR NOT NULL,              -- same | different | review
    decided_by VARCHAR NOT NULL,              -- rule | analyst
    evidence   VARCHAR,                       -- JSON: name, districts, fund, years, performer, reference, roles, copies, sole, judgement
    PRIMARY KEY (project_a, project_b)
);

CREATE TABLE checks (
    check_id       VARCHAR PRIMARY KEY,       -- from content: kind + the rows compared
    kind           VARCHAR NOT NULL,          -- rows_vs_total | summa_vs_total | rows_vs_summa | granted_vs_reported | read_twice | above_max
    outcome        VARCHAR NOT NULL,          -- passed | failed
    doc_id         VARCHAR,                   -- the document of the stated figure
    other_doc_id   VARCHAR,                   -- the document compared with (granted_vs_reported, read_twice)
    fund_type      VARCHAR,
    year           INTEGER,
    subject        VARCHAR,                   -- what was compared, in words
    stated_sek     BIGINT,                    -- the figure the document states (total, Summa row, maximum, grant)
    found_sek      BIGINT,                    -- the figure it was checked against (sum of rows, report, other reading)
    difference_sek BIGINT,                    -- found_sek - stated_sek
    pages          VARCHAR,                   -- page(s) of the stated figure
    other_pages    VARCHAR,                   -- page(s) of the figure compared with
    evidence       VARCHAR,                   -- the printed words of both figures
    value_ids      VARCHAR[]                  -- project_id / amount_id whose confidence a failure lowers
);

CREATE TABLE criterion_concepts (
    criterion_id VARCHAR NOT NULL,
    doc_id       VARCHAR NOT NULL,
    concept      VARCHAR NOT NULL,            -- a concept of data/criterion_concepts.csv, or 'other'
    label        VARCHAR,                     -- the concept's short label
    evidence     VARCHAR,                     -- the criterion's words that matched ('' for other)
    cue          VARCHAR                      -- the vocabulary's cue that matched first
);
