-- Imports match rows to existing records on natural keys (see db/importer): these indexes make each match one
-- index probe, so that a million-row import stays linear. They are not UNIQUE here; 0008 replaces them.
-- PostgreSQL translation of db/sqlite/migrations/0006_import.sql.

CREATE INDEX volunteer_records_natural ON volunteer_records (unit_id, service_date);
CREATE INDEX practice_activities_natural ON practice_activities (unit_id, activity_date);
CREATE INDEX honors_natural ON honors (category_id, year, recipient_name);
