-- Natural keys become unique in the database itself, matching what an import calls "the same record"
-- (db/importer.NaturalKey). Empty key parts are indexed through coalesce(), so that two records that differ only
-- in an empty part (no edition, a routine record's missing campaign, a person without a unit) still collide.
-- An honour is keyed by its recipient record (unit, person, project or work), not by its display name.
-- PostgreSQL translation of db/sqlite/migrations/0008_natural_keys.sql. A PostgreSQL database is created at this
-- schema before any row exists (or filled by `wenming copy` from a checked SQLite file), so the duplicate check that
-- SQLite runs first has nothing to find here. The CASE yields text, since PostgreSQL's CASE needs one type.

CREATE UNIQUE INDEX people_natural_key ON people (name, coalesce(unit_id, 0));

CREATE UNIQUE INDEX honors_natural_key ON honors (category_id, recipient_kind,
  (CASE WHEN recipient_kind IN ('UNIT', 'CAMPUS', 'WINDOW') THEN unit_id::text WHEN recipient_kind = 'PERSON' THEN person_id::text
        WHEN recipient_kind = 'PROJECT' THEN project_id::text WHEN recipient_kind = 'WORK' THEN work_id::text ELSE recipient_name END),
  year, coalesce(edition, ''));

CREATE UNIQUE INDEX volunteer_records_natural_key ON volunteer_records (unit_id, service_date, coalesce(campaign_id, 0), method);

CREATE UNIQUE INDEX practice_activities_natural_key ON practice_activities (unit_id, activity_date, kind, theme);

-- The unique indexes serve the import's matching; these non-unique ones of 0006 are now redundant.
DROP INDEX IF EXISTS volunteer_records_natural;
DROP INDEX IF EXISTS practice_activities_natural;
DROP INDEX IF EXISTS honors_natural;

-- Demo records cite a demo source document, never the real article: source documents carry the demo flag too.
ALTER TABLE source_documents ADD COLUMN demo boolean NOT NULL DEFAULT false;
