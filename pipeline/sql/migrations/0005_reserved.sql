-- 0005_reserved: a placeholder for the migration of another issue written at the same time
-- (issue 17 takes 0006). The lead replaces this file with that migration when merging.
SELECT 1;
