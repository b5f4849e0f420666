-- What one row of each table means, in the same header form as the views in marts/.
--
-- Read by `namnd schema`, the README's list of tables and views, and the README.txt that
-- `namnd export` writes. Migrations cannot be edited once they have shipped, so the grain of
-- each table is stated here; the columns, their types and their notes come from the
-- migrations themselves (the comment after each column). A table added by a new migration
-- gets its block here in the same change: a test fails while one is missing.
--
-- Tables hold every copy of every decision (the same decision as transcript, scan and
-- born-digital PDF gives three documents with their projects each); the v_* views count
-- each decision once. Analysts start from the views.

-- documents
-- Grain: one row per file whose text was loaded (status ok or partial; excluded when an
-- analyst's correction deleted it): its metadata, where it came from and how it was read.
-- Key: doc_id (first 16 hex characters of the file's sha256). Every copy of a decision is a
-- row of its own; v_documents_canonical keeps the best copy of each.

-- pages
-- Grain: one row per page of a loaded document: its text as extracted and after repair, how
-- it was read (text layer, OCR, transcript) and how well.

-- meta_boxes
-- Grain: one row per (document, metadata field) whose evidence was found on a PDF page: the
-- page and the box (PDF points) of the words the field was read from.

-- ingest_log
-- Grain: one row per file and run attempt, whatever the outcome (ok, partial, failed,
-- unsupported; stage rename when a renamed file only got its new path). v_ingest_latest keeps
-- the latest attempt per path.

-- decisions
-- Grain: one row per numbered item of a document's "förslag till beslut" / "beslut".

-- signatories
-- Grain: one row per person who signs a document (name and role as printed).

-- projects
-- Grain: one row per project named in a document, copies included (v_projects keeps those of
-- canonical documents). Key: project_id, derived from the document and the project's name.

-- project_districts
-- Grain: one row per (project, district) link: a district or unit that owns or shares the
-- project, with the name as printed.

-- amounts
-- Grain: one row per sum of money printed in a document (kronor), with its role (kind), fund,
-- year and, when it belongs to one project, project_id. Key: amount_id.

-- criteria
-- Grain: one row per prioritisation criterion, priority or focus area stated for a fund in a
-- document, in printed order. Key: criterion_id.

-- districts
-- Grain: one row per organisational unit that can own a project (from
-- pipeline/data/districts.csv): a stadsdelsförvaltning, a fackförvaltning or a unit inside a
-- förvaltning (kind), with its validity dates and successor.

-- district_aliases
-- Grain: one row per printed form of a district's name (pipeline/data/district_aliases.csv).

-- district_mentions
-- Grain: one row per district or unit named on a page of a document.

-- overrides_applied
-- Grain: one row per analyst's correction in force (warehouse/overrides/*.csv), with what it
-- matched when last applied (rows_matched 0 = it matches nothing).

-- schema_migrations
-- Grain: one row per migration applied to this warehouse (version, name, checksum).

-- warehouse_meta
-- Grain: one row per setting the warehouse keeps about itself (e.g. the digest of the
-- district files and of the view definitions).

-- runs
-- Grain: one row per `namnd run`: the pipeline version, each stage's fingerprint (code
-- version, digests of the data files it reads, tool versions), the counts, the corrections'
-- states and the elapsed time, so a warehouse can say what made it. Key: run_id.

-- decision_series
-- Grain: one row per recurring series of decisions (the FoU plan, the LUM allocation, the
-- annual report …), loaded from pipeline/data/decision_series.csv.

-- expected_decisions
-- Grain: one row per line of the expectations register (warehouse/expected/*.csv): a
-- decision of a year, committee and series that should exist, should not, or is a known gap.

-- project_links
-- Grain: one row per candidate pair of project mentions in two documents that the linker
-- scored (pipeline/warehouse/series.py), or that an analyst judged
-- (warehouse/overrides/project_links.csv): its score, decision (same | different | review)
-- and evidence. Rebuilt on every run. Key: (project_a, project_b).

-- checks
-- Grain: one row per arithmetic or consistency check of the extracted figures (sum of
-- project rows against a stated total, a total against its Summa row, a grant against its
-- later report, one amount read in two copies, a project above the maximum per
-- application), with both figures, their pages and the outcome. Rebuilt on every run
-- (pipeline/sql/reconcile/). Key: check_id.

-- criterion_concepts
-- Grain: one row per (criterion, concept): a criterion mapped to a concept of
-- pipeline/data/criterion_concepts.csv ('other' when no cue matches), with the matching
-- words. Rebuilt on every run.

-- domain_terms
-- Grain: one row per (document, source, kind, term): how often a word (kind 1) or a pair of
-- neighbouring words (kind 2) stands in the document's trustworthy text (born-digital text
-- layers, the sure words of good OCR pages; doc_id '' for analysts' corrections). The domain
-- lexicon the OCR repair learns from the archive (pipeline/warehouse/lexicon.py); a
-- document's rows are replaced when it is loaded again. Key: (doc_id, source, kind, term).
