-- Keyset pages of honours in year order seek this index instead of scanning (ORDER BY year, id).
CREATE INDEX honors_year_id ON honors (year, id);
