-- 0004_coverage: the expectations register and the decision series (issue 18).
--
-- * decision_series: the vocabulary of recurring decisions (pipeline/data/decision_series.csv),
--   with the title pattern that recognises a document of each series.
-- * expected_decisions: the analysts' register (warehouse/expected/*.csv): per year, committee
--   and series, a decision that should exist — or is known not to exist — and why.
-- Both are replaced from their files when the files change (see pipeline/warehouse/expected.py).

CREATE TABLE decision_series (
    series        VARCHAR PRIMARY KEY,
    label         VARCHAR NOT NULL,
    fund_types    VARCHAR[],               -- the funds whose figures the series carries
    title_pattern VARCHAR,                 -- RE2 on lower(strip_accents(title)); NULL = fallback
    position      INTEGER NOT NULL,        -- order of trial: the first series that matches wins
    description   VARCHAR
);

CREATE TABLE expected_decisions (
    expectation_id VARCHAR PRIMARY KEY,    -- from content: year, committee, series, decided, dnr
    year           INTEGER NOT NULL,       -- the year the decision is for (else taken)
    committee      VARCHAR NOT NULL,       -- canonical, as in documents.committee
    series         VARCHAR NOT NULL,       -- decision_series.series
    status         VARCHAR NOT NULL,       -- expected | not_expected | known_gap
    decided        DATE,                   -- the meeting or document date, when known
    dnr            VARCHAR,                -- normalised, when known
    file           VARCHAR,                -- source_path under raw/ expected to hold it
    source_kind    VARCHAR,                -- agenda | reference | practice | document
    source         VARCHAR,                -- where the expectation comes from
    evidence       VARCHAR,                -- the words that imply it
    reason         VARCHAR,                -- why not expected, or why a known gap
    note           VARCHAR,
    origin         VARCHAR NOT NULL        -- "<file>.csv:<line>"
);
