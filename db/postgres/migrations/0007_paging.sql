-- Keyset pages of honours in year order seek this index instead of scanning (ORDER BY year, id).
-- PostgreSQL translation of db/sqlite/migrations/0007_paging.sql.
CREATE INDEX honors_year_id ON honors (year, id);
