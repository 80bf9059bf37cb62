-- Imports match rows to existing records on natural keys (see db/importer): these indexes make each match one
-- index probe, so that a million-row import stays linear. They are not UNIQUE: records entered before imports
-- existed may share a key, and an import then updates the oldest of them.

CREATE INDEX volunteer_records_natural ON volunteer_records (unit_id, service_date);
CREATE INDEX practice_activities_natural ON practice_activities (unit_id, activity_date);
CREATE INDEX honors_natural ON honors (category_id, year, recipient_name);
