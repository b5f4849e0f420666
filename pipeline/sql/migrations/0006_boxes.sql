-- 0006_boxes: where on its page each value was read (issue 17, the review page).
--
-- Projects, amounts, criteria and decisions get the page and the box of their evidence, in
-- PDF points of the page as displayed (its /Rotate applied), origin at the top left, y
-- downwards: the union of the boxes of the words that match the evidence
-- (pipeline/warehouse/evidence_boxes.py). box_page is page_no unless the evidence is found
-- clearly better on another page (a table row on page 6 for an amount whose page_no is that
-- of the project's paragraph). NULL for transcripts (no words), pages read by pdftotext, and
-- evidence that could not be found among the page's words.
-- box_match is how much of the evidence's stretch that states the value was found, how well (0-1).
-- Rows loaded before 0006 keep NULL boxes until their document is reloaded.

ALTER TABLE projects ADD COLUMN box_page INTEGER;   -- page the evidence box is on
ALTER TABLE projects ADD COLUMN box_x0 DOUBLE;     -- evidence box: left edge (PDF points)
ALTER TABLE projects ADD COLUMN box_y0 DOUBLE;     -- evidence box: top edge (points from the top)
ALTER TABLE projects ADD COLUMN box_x1 DOUBLE;     -- evidence box: right edge
ALTER TABLE projects ADD COLUMN box_y1 DOUBLE;     -- evidence box: bottom edge
ALTER TABLE projects ADD COLUMN box_match DOUBLE;  -- how well the boxed words match the evidence 0-1

ALTER TABLE amounts ADD COLUMN box_page INTEGER;    -- page the evidence box is on
ALTER TABLE amounts ADD COLUMN box_x0 DOUBLE;      -- evidence box: left edge (PDF points)
ALTER TABLE amounts ADD COLUMN box_y0 DOUBLE;      -- evidence box: top edge (points from the top)
ALTER TABLE amounts ADD COLUMN box_x1 DOUBLE;      -- evidence box: right edge
ALTER TABLE amounts ADD COLUMN box_y1 DOUBLE;      -- evidence box: bottom edge
ALTER TABLE amounts ADD COLUMN box_match DOUBLE;   -- how well the boxed words match the evidence 0-1

ALTER TABLE criteria ADD COLUMN box_page INTEGER;   -- page the evidence box is on
ALTER TABLE criteria ADD COLUMN box_x0 DOUBLE;     -- evidence box: left edge (PDF points)
ALTER TABLE criteria ADD COLUMN box_y0 DOUBLE;     -- evidence box: top edge (points from the top)
ALTER TABLE criteria ADD COLUMN box_x1 DOUBLE;     -- evidence box: right edge
ALTER TABLE criteria ADD COLUMN box_y1 DOUBLE;     -- evidence box: bottom edge
ALTER TABLE criteria ADD COLUMN box_match DOUBLE;  -- how well the boxed words match the evidence 0-1

ALTER TABLE decisions ADD COLUMN box_page INTEGER;  -- page the evidence box is on
ALTER TABLE decisions ADD COLUMN box_x0 DOUBLE;    -- evidence box: left edge (PDF points)
ALTER TABLE decisions ADD COLUMN box_y0 DOUBLE;    -- evidence box: top edge (points from the top)
ALTER TABLE decisions ADD COLUMN box_x1 DOUBLE;    -- evidence box: right edge
ALTER TABLE decisions ADD COLUMN box_y1 DOUBLE;    -- evidence box: bottom edge
ALTER TABLE decisions ADD COLUMN box_match DOUBLE; -- how well the boxed words match the evidence 0-1

-- Metadata fields (committee, dnr, dates, title, handläggare): the page and box of the words
-- each was read from. One row per (document, field) whose evidence was found on a PDF page.
CREATE TABLE meta_boxes (
    doc_id    VARCHAR NOT NULL,
    field     VARCHAR NOT NULL,   -- documents column the value is in (committee, dnr, doc_date …)
    box_page  INTEGER NOT NULL,   -- page the evidence was found on
    evidence  VARCHAR,            -- the source text (documents.meta_evidence)
    box_x0    DOUBLE,             -- evidence box: left edge (PDF points)
    box_y0    DOUBLE,             -- evidence box: top edge (points from the top)
    box_x1    DOUBLE,             -- evidence box: right edge
    box_y1    DOUBLE,             -- evidence box: bottom edge
    box_match DOUBLE,             -- how well the boxed words match the evidence 0-1
    PRIMARY KEY (doc_id, field)
);
