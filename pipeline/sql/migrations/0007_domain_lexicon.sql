-- 0007_domain_lexicon: the domain lexicon learned from the archive's trustworthy text (issue 20).
--
-- One row per (document, source, kind, term): how often a word (kind 1) or a pair of
-- neighbouring words (kind 2, "tidigt stöd") stands in that document's trustworthy text,
-- counted by pipeline/lang/domain.py (`trustworthy_counts`) as printed, lower case:
--   source 'text-layer'  pages read from a born-digital text layer;
--          'ocr'         OCR pages of high mean confidence, words of high word confidence only;
--          'correction'  values set by analysts' accepted corrections (warehouse/overrides/),
--                        doc_id '' (rewritten from the override files on every run).
-- A document's rows are replaced when it is loaded again and deleted with it (prune, a
-- document-level override), like every per-document table. The OCR repair reads the sum over
-- the documents in the warehouse, plus the run's own documents, together with the shipped
-- seed pipeline/data/domain_lexicon.tsv (pipeline/warehouse/lexicon.py).

CREATE TABLE domain_terms (
    doc_id  VARCHAR NOT NULL,   -- the document the text is from ('' for corrections)
    source  VARCHAR NOT NULL,   -- text-layer | ocr | correction
    kind    TINYINT NOT NULL,   -- 1 word, 2 word pair ("tidigt stöd")
    term    VARCHAR NOT NULL,   -- lower case as printed, diacritics kept; a pair joined by one space
    n       INTEGER NOT NULL,   -- occurrences in that document's trustworthy text
    PRIMARY KEY (doc_id, source, kind, term)
);

-- the digest of the learned lexicon (extracted/lexicon/<digest>.tsv) the document's OCR and
-- transcript pages were repaired with; NULL for born-digital documents (repaired with the
-- shipped seed only) and rows loaded before 0007
ALTER TABLE documents ADD COLUMN lexicon_digest VARCHAR;
