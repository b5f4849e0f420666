-- overrides_stale: corrections not applied because the row under their key is no longer the
-- one the analyst saw (its name differs from `expect`). One row per override.
SELECT override_id, source, table_name, key, column_name, action, expect, found, note
FROM overrides_applied
WHERE state = 'stale'
