-- 0002_overrides: analysts' corrections (warehouse/overrides/*.csv) and row identity for them.
--
-- * criteria get a stable criterion_id so that one criterion can be corrected or deleted;
--   rows loaded under 0001 are back-filled with the id the loader now derives.
-- * projects, amounts, criteria and project_districts get `origin`:
--   'extracted' (from the document), 'corrected' (an override set a column), or
--   'override' (the row was added by an override).
-- * overrides_applied: one row per override currently in force, with what it matched.

ALTER TABLE criteria ADD COLUMN criterion_id VARCHAR;

UPDATE criteria
SET criterion_id = doc_id
    || '-' || coalesce(kind, 'x')
    || '-' || coalesce(fund_type, 'x')
    || '-' || coalesce(CAST(year AS VARCHAR), 'x')
    || '-' || coalesce(CAST(position AS VARCHAR), 'x');

ALTER TABLE projects ADD COLUMN origin VARCHAR DEFAULT 'extracted';
ALTER TABLE amounts ADD COLUMN origin VARCHAR DEFAULT 'extracted';
ALTER TABLE criteria ADD COLUMN origin VARCHAR DEFAULT 'extracted';
ALTER TABLE project_districts ADD COLUMN origin VARCHAR DEFAULT 'extracted';

CREATE TABLE overrides_applied (
    override_id      VARCHAR PRIMARY KEY,     -- hash of (table, key, column, action, value)
    seq              INTEGER NOT NULL,        -- order of application (file name, then line)
    source           VARCHAR NOT NULL,        -- "<file>.csv:<line>"
    table_name       VARCHAR NOT NULL,
    key              VARCHAR NOT NULL,
    column_name      VARCHAR,
    action           VARCHAR NOT NULL,        -- set | delete | add
    value            VARCHAR,
    note             VARCHAR,
    doc_id           VARCHAR,                 -- the document the matched rows belong to
    old_value        VARCHAR,                 -- for set: the value before the override (audit)
    rows_matched     INTEGER NOT NULL,        -- 0 = matched nothing (reported)
    first_applied_at TIMESTAMP NOT NULL,      -- UTC
    applied_at       TIMESTAMP NOT NULL       -- UTC, last time it was (re)applied
);
