-- v_ingest_latest
-- Grain: one row per source_path ever attempted: its latest ingest_log entry.
-- Used by: `namnd status`-style questions in SQL ("which files failed last time, and why").
CREATE OR REPLACE VIEW v_ingest_latest AS
SELECT
    source_path,
    sha256,
    doc_id,
    status,
    stage,
    error,
    started_at,
    finished_at,
    pipeline_version,
    count(*) OVER (PARTITION BY source_path) AS n_attempts,
    max(finished_at) FILTER (WHERE status = 'ok') OVER (PARTITION BY source_path) AS last_ok_at
FROM ingest_log
QUALIFY row_number() OVER (
    PARTITION BY source_path ORDER BY coalesce(finished_at, started_at) DESC NULLS LAST, status
) = 1;
