-- v_criteria_concepts_by_year
-- Grain: one row per (fund_type, year, concept): a concept that the criteria, priorities
-- or focus areas in force for a fund in a year ask for (criterion_concepts, vocabulary in
-- pipeline/data/criterion_concepts.csv); 'other' for criteria that match no concept.
-- Used by: the criteria notebook (concepts kept, added and dropped over the years);
-- comparing conditions across years whatever their wording.
--
-- The criteria in force are those of v_criteria_by_year (canonical documents; per fund,
-- year and kind the most recent decision). kinds: which lists the concept came from
-- (criterion, priority, focus_area). criteria: the texts behind it; evidence: the words
-- that matched. in_previous_year: whether the concept was also in force in the fund's
-- previous year with criteria (previous_year; NULL for the first year) — false means the
-- concept was added that year. Concepts dropped are those of the previous year with no
-- row in this one.
CREATE OR REPLACE VIEW v_criteria_concepts_by_year AS
WITH in_force AS (
    SELECT v.fund_type, v.year, v.kind, v.doc_id
    FROM v_criteria_by_year AS v
),
rows_ AS (
    SELECT
        f.fund_type, f.year, cc.concept, any_value(cc.label) AS label,
        list_sort(list_distinct(list(f.kind))) AS kinds,
        list_distinct(list(c.text ORDER BY c.position)) AS criteria,
        list_distinct(list(cc.evidence) FILTER (WHERE cc.evidence <> '')) AS evidence,
        count(DISTINCT c.criterion_id) AS n_criteria,
        any_value(f.doc_id) AS doc_id
    FROM in_force AS f
    JOIN criteria AS c
        ON c.doc_id = f.doc_id AND c.kind = f.kind
        AND c.fund_type IS NOT DISTINCT FROM f.fund_type
        AND coalesce(c.year, (SELECT year(doc_date) FROM documents WHERE doc_id = c.doc_id))
            IS NOT DISTINCT FROM f.year
    JOIN criterion_concepts AS cc ON cc.criterion_id = c.criterion_id AND cc.doc_id = c.doc_id
    GROUP BY f.fund_type, f.year, cc.concept
),
years AS (
    SELECT DISTINCT fund_type, year,
           lag(year) OVER (PARTITION BY fund_type ORDER BY year) AS previous_year
    FROM (SELECT DISTINCT fund_type, year FROM rows_)
)
SELECT
    r.fund_type, r.year, r.concept, r.label, r.kinds, r.criteria, r.evidence, r.n_criteria,
    y.previous_year,
    CASE WHEN y.previous_year IS NULL THEN NULL
         ELSE EXISTS (
             SELECT 1 FROM rows_ AS p
             WHERE p.fund_type IS NOT DISTINCT FROM r.fund_type AND p.year = y.previous_year
               AND p.concept = r.concept)
    END AS in_previous_year,
    r.doc_id
FROM rows_ AS r
JOIN years AS y ON y.fund_type IS NOT DISTINCT FROM r.fund_type AND y.year = r.year
ORDER BY r.fund_type, r.year, r.concept;
