-- overrides_unmatched: overrides in force that matched no row at their last application
-- (a typo in a key, or the extractor no longer produces that row). One row per override.
SELECT override_id, source, table_name, key, column_name, action, note
FROM overrides_applied
WHERE rows_matched = 0
