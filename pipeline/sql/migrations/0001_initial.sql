-- 0001_initial: the tables of CONTRACT.md (names fixed; columns may only be added later).
--
-- Applied once per warehouse and recorded in schema_migrations (version, name, applied_at,
-- checksum). Never edit this file after it has shipped: add 0002_..., 0003_... instead; the
-- migrator refuses a warehouse whose recorded checksum differs from the file.
--
-- Per-document tables all carry doc_id so that loading a document can delete and re-insert
-- exactly its rows in one transaction. Columns beyond the contract are marked "added".

CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL,           -- UTC
    checksum   VARCHAR NOT NULL              -- sha256 of the migration file's text
);

-- added: small key/value store for the warehouse itself (e.g. hash of the district data files)
CREATE TABLE warehouse_meta (
    key        VARCHAR PRIMARY KEY,
    value      VARCHAR,
    updated_at TIMESTAMP                     -- UTC
);

CREATE TABLE documents (
    doc_id               VARCHAR PRIMARY KEY, -- first 16 hex characters of sha256
    source_path          VARCHAR NOT NULL,    -- relative to the raw root, "/" separators
    sha256               VARCHAR NOT NULL,
    media_type           VARCHAR,
    text_source          VARCHAR,             -- text-layer | ocr | mixed | transcript | none
    n_pages              INTEGER,
    ocr_confidence       DOUBLE,              -- mean word confidence 0-100 over OCR'd pages
    committee            VARCHAR,
    committee_as_printed VARCHAR,
    doc_type             VARCHAR,             -- tjänsteutlåtande | protokollsutdrag | protokoll | bilaga | other
    dnr                  VARCHAR,
    dnr_as_printed       VARCHAR,
    doc_date             DATE,
    meeting_date         DATE,
    title                VARCHAR,
    handlaggare          VARCHAR,
    pipeline_version     VARCHAR,
    loaded_at            TIMESTAMP,           -- UTC
    status               VARCHAR,             -- added: ok | partial | failed | unsupported | excluded
    stage                VARCHAR,             -- added: last stage reached (or the one that failed)
    error                VARCHAR,             -- added: why the document is partial/failed
    meta_evidence        VARCHAR,             -- added: JSON {field: source text}
    meta_confidence      VARCHAR              -- added: JSON {field: 0..1}
);

CREATE TABLE pages (
    doc_id         VARCHAR NOT NULL,
    page_no        INTEGER NOT NULL,          -- 1-based
    text           VARCHAR,                   -- as extracted
    clean_text     VARCHAR,                   -- after repair (NULL if not understood)
    text_source    VARCHAR,
    ocr_confidence DOUBLE,
    quality        VARCHAR,                   -- good | doubtful | failed
    method         VARCHAR,                   -- added: e.g. "pdfplumber", "tesseract psm6+otsu"
    retries        INTEGER,                   -- added
    dict_share     DOUBLE,                    -- added: share of tokens that are dictionary words
    ink_ratio      DOUBLE,                    -- added
    rotation       INTEGER,                   -- added: degrees turned before OCR
    dpi            INTEGER,                   -- added
    seconds        DOUBLE,                    -- added: time spent on the page
    n_words        INTEGER,                   -- added: OCR words with boxes
    error          VARCHAR,                   -- added: why the page failed
    PRIMARY KEY (doc_id, page_no)
);

CREATE TABLE ingest_log (
    source_path      VARCHAR NOT NULL,
    sha256           VARCHAR,
    status           VARCHAR NOT NULL,        -- ok | partial | failed | unsupported
    stage            VARCHAR,
    error            VARCHAR,
    started_at       TIMESTAMP,               -- UTC
    finished_at      TIMESTAMP,               -- UTC
    pipeline_version VARCHAR,
    doc_id           VARCHAR                  -- added: derived from sha256
);

CREATE TABLE decisions (
    doc_id   VARCHAR NOT NULL,
    item_no  INTEGER,
    text     VARCHAR,
    page_no  INTEGER,                         -- added
    evidence VARCHAR                          -- added
);

CREATE TABLE signatories (
    doc_id  VARCHAR NOT NULL,
    name    VARCHAR,
    role    VARCHAR,
    page_no INTEGER                           -- added
);

CREATE TABLE projects (
    project_id  VARCHAR PRIMARY KEY,          -- stable across reruns (doc_id + position/name)
    doc_id      VARCHAR NOT NULL,
    name        VARCHAR,
    fund_type   VARCHAR,                      -- LUM | MUL | MUST | FUM | ESF | statsbidrag | ...
    year        INTEGER,
    status      VARCHAR,                      -- ansökt | beviljad | pågående | genomförd
    amount_sek  BIGINT,
    performer   VARCHAR,
    end_date    DATE,
    description VARCHAR,
    page_no     INTEGER,
    evidence    VARCHAR,
    confidence  DOUBLE                        -- 0..1
);

CREATE TABLE project_districts (
    project_id      VARCHAR NOT NULL,
    district_id     VARCHAR NOT NULL,
    name_as_printed VARCHAR,
    doc_id          VARCHAR                   -- added: the project's document
);

CREATE TABLE amounts (
    amount_id   VARCHAR PRIMARY KEY,
    doc_id      VARCHAR NOT NULL,
    sek         BIGINT,
    raw         VARCHAR,                      -- as printed
    approximate BOOLEAN,                      -- ca, cirka, omkring, knappt, drygt ...
    kind        VARCHAR,                      -- max_per_application | total_granted | project_cost | budget | state_grant | other
    fund_type   VARCHAR,
    year        INTEGER,
    project_id  VARCHAR,
    page_no     INTEGER,
    evidence    VARCHAR,
    confidence  DOUBLE                        -- added: 0..1
);

CREATE TABLE criteria (
    doc_id     VARCHAR NOT NULL,
    fund_type  VARCHAR,
    year       INTEGER,
    position   INTEGER,
    text       VARCHAR,
    kind       VARCHAR,                       -- criterion | priority | focus_area
    page_no    INTEGER,                       -- added
    evidence   VARCHAR,                       -- added
    confidence DOUBLE                         -- added: 0..1
);

CREATE TABLE districts (
    district_id  VARCHAR PRIMARY KEY,         -- slug, e.g. hagersten-liljeholmen
    name         VARCHAR NOT NULL,            -- canonical, with Swedish letters
    kind         VARCHAR,                     -- stadsdelsförvaltning | fackförvaltning | unit
    valid_from   DATE,
    valid_to     DATE,                        -- NULL = still exists
    successor_id VARCHAR,
    source       VARCHAR                      -- added: where the dates/succession come from
);

CREATE TABLE district_aliases (
    alias       VARCHAR NOT NULL,
    district_id VARCHAR NOT NULL
);

CREATE TABLE district_mentions (
    doc_id          VARCHAR NOT NULL,
    district_id     VARCHAR NOT NULL,
    name_as_printed VARCHAR,
    page_no         INTEGER,
    confidence      DOUBLE                    -- added
);
