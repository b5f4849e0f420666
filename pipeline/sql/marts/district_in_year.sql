-- district_in_year(district_name, in_year) -> district_id (macro)
-- Grain: a scalar: the id of the district that a name (canonical name, alias or id; case and
-- accents ignored) denoted in a given year — "the district as it was". NULL when unknown.
-- Used by: analysts and notebooks, e.g. district_in_year('Hägersten', 2015) ->
-- 'hagersten-liljeholmen', district_in_year('Hägersten', 2021) -> 'hagersten-alvsjo'.
-- When two districts of that name overlap within the year (a mid-year reorganisation), the
-- one that began last wins. Combine with district_today(id) for today's successor.
CREATE OR REPLACE MACRO district_in_year(district_name, in_year) AS (
    SELECT d.district_id
    FROM districts AS d
    LEFT JOIN district_aliases AS a ON a.district_id = d.district_id
    WHERE (
            lower(strip_accents(d.name)) = lower(strip_accents(district_name))
            OR lower(strip_accents(a.alias)) = lower(strip_accents(district_name))
            OR d.district_id = district_name
        )
        AND (d.valid_from IS NULL OR year(d.valid_from) <= in_year)
        AND (d.valid_to IS NULL OR year(d.valid_to) >= in_year)
    ORDER BY d.valid_from DESC NULLS LAST, d.district_id
    LIMIT 1
);
