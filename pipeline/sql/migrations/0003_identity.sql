-- 0003_identity: ids from content, guarded corrections, caches that see their data, runs.
--
-- * decisions get decision_id = <doc_id>-d<item_no> (document + printed item number).
--   project_id, amount_id and criterion_id keep their columns; their values are now minted
--   from content by pipeline/facts/ids.py. Rows loaded before 0003 keep their old positional
--   ids until their document is reloaded, which the next run does (documents.fingerprint is
--   NULL for them). Corrections keyed by an old id are matched again by their `expect` name
--   (fill it first with `namnd correct --upgrade`).
-- * documents.fingerprint: digest of the stage keys (code versions + data file digests +
--   tool versions) that produced the document's rows; a run reloads a document whose
--   fingerprint differs from the current one.
-- * overrides_applied gets what the analyst saw (`expect`), what the row holds now (`found`),
--   the line's state and the key it was applied to (`matched_key`, differs from `key` when
--   an override whose id vanished was matched again by its expect name).
-- * runs: one row per `namnd run`.

ALTER TABLE decisions ADD COLUMN decision_id VARCHAR;
UPDATE decisions SET decision_id = doc_id || '-d' || CAST(item_no AS VARCHAR);

ALTER TABLE documents ADD COLUMN fingerprint VARCHAR;

ALTER TABLE overrides_applied ADD COLUMN expect VARCHAR;      -- the row's name as the analyst saw it
ALTER TABLE overrides_applied ADD COLUMN found VARCHAR;       -- the row's name found at the last apply
ALTER TABLE overrides_applied ADD COLUMN state VARCHAR;       -- applied | rematched | stale | unmatched
ALTER TABLE overrides_applied ADD COLUMN matched_key VARCHAR; -- the key the override was applied to

UPDATE overrides_applied SET state = CASE WHEN rows_matched > 0 THEN 'applied' ELSE 'unmatched' END;

-- One row per `namnd run`: what made the warehouse, what the run did, how long it took.
CREATE TABLE runs (
    run_id                VARCHAR PRIMARY KEY,    -- UTC start time, ISO 8601
    started_at            TIMESTAMP NOT NULL,     -- UTC
    finished_at           TIMESTAMP NOT NULL,     -- UTC
    elapsed_s             DOUBLE,
    pipeline_version      VARCHAR,                -- t<text>.u<understand>.x<facts>.s<schema>
    fingerprint           VARCHAR,                -- documents.fingerprint of rows loaded by this code
    fingerprints          VARCHAR,                -- JSON: stage -> {key, code_version, data, tools}
    tool_versions         VARCHAR,                -- JSON: tesseract line, traineddata, spaCy, wordfreq, rapidfuzz
    data_digests          VARCHAR,                -- JSON: data file -> sha256[:16]
    files_seen            INTEGER,
    processed             INTEGER,                -- files read this run (ok + partial + failed)
    ok                    INTEGER,
    partial               INTEGER,
    failed                INTEGER,
    unsupported           INTEGER,
    up_to_date            INTEGER,
    pages_read            INTEGER,                -- PDF pages whose text was extracted (not cached)
    corrections_applied   INTEGER,
    corrections_stale     INTEGER,
    corrections_unmatched INTEGER,
    exit_code             INTEGER
);
