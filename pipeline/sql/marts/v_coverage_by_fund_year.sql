-- v_coverage_by_fund_year
-- Grain: one row per (fund_type, year) that any coverage row concerns: how complete the
-- archive is for the decisions that carry that fund's figures in that year.
-- Used by: the `coverage` column of v_funding_by_district_year and v_criteria_by_year.
--
-- Each series carries some funds (decision_series.fund_types). coverage is the worst of the
-- year's rows for those series: 'incomplete' > 'partial' > 'known gap' > 'complete'; rows
-- that are 'not expected' do not count; with no expectation at all it is
-- 'no expectation recorded'. detail lists "series: coverage" for each row.
CREATE OR REPLACE VIEW v_coverage_by_fund_year AS
WITH per_fund AS (
    SELECT unnest(fund_types) AS fund_type, year, series, committee, coverage
    FROM v_coverage
    WHERE fund_types IS NOT NULL AND coverage <> 'not expected'
)
SELECT
    fund_type,
    year,
    CASE
        WHEN bool_or(coverage = 'incomplete') THEN 'incomplete'
        WHEN bool_or(coverage = 'partial') THEN 'partial'
        WHEN bool_or(coverage = 'known gap') THEN 'known gap'
        WHEN bool_or(coverage = 'complete') THEN 'complete'
        ELSE 'no expectation recorded'
    END AS coverage,
    string_agg(series || ': ' || coverage, '; ' ORDER BY series, committee) AS detail
FROM per_fund
GROUP BY fund_type, year
ORDER BY year, fund_type;
