-- What each figure counts, and where every value comes from (issue 8).
-- PostgreSQL translation of db/sqlite/migrations/0009_figures_basis.sql. PostgreSQL widens a CHECK in place, so
-- published_figures is altered rather than rebuilt. SQLite's data corrections of that migration fix rows seeded
-- before it; a PostgreSQL database has none at this point (the seed and `wenming copy` write the corrected data).
--
-- * 「约164万余元」 carries both 约 and 余: a qualifier of its own, APPROXIMATE_AT_LEAST.
-- * Each honours figure stores the statuses it counts (comma-separated HonorStatus values).
-- * Every value carries a basis: PUBLISHED, OFFICE, DEFAULT or ESTIMATE.

ALTER TABLE published_figures DROP CONSTRAINT published_figures_qualifier_check;
ALTER TABLE published_figures ADD CONSTRAINT published_figures_qualifier_check
  CHECK (qualifier IN ('EXACT', 'AT_LEAST', 'APPROXIMATE', 'APPROXIMATE_AT_LEAST'));
ALTER TABLE published_figures ADD COLUMN statuses text NOT NULL DEFAULT '';
ALTER TABLE published_figures ADD COLUMN basis text NOT NULL DEFAULT 'PUBLISHED' CHECK (basis IN ('PUBLISHED', 'OFFICE', 'DEFAULT', 'ESTIMATE'));

-- Honour categories: several recipient kinds, editable points with their basis, and a note on scope.
ALTER TABLE honor_categories ADD COLUMN recipient_kinds text NOT NULL DEFAULT '';
ALTER TABLE honor_categories ADD COLUMN weight_basis text NOT NULL DEFAULT 'DEFAULT'
  CHECK (weight_basis IN ('PUBLISHED', 'OFFICE', 'DEFAULT', 'ESTIMATE'));
ALTER TABLE honor_categories ADD COLUMN note_zh text NOT NULL DEFAULT '';

ALTER TABLE ranking_weights ADD COLUMN basis text NOT NULL DEFAULT 'DEFAULT' CHECK (basis IN ('PUBLISHED', 'OFFICE', 'DEFAULT', 'ESTIMATE'));
ALTER TABLE assessment_indicators ADD COLUMN basis text NOT NULL DEFAULT 'DEFAULT' CHECK (basis IN ('PUBLISHED', 'OFFICE', 'DEFAULT', 'ESTIMATE'));
ALTER TABLE targets ADD COLUMN basis text NOT NULL DEFAULT 'OFFICE' CHECK (basis IN ('PUBLISHED', 'OFFICE', 'DEFAULT', 'ESTIMATE'));

ALTER TABLE campaigns ADD COLUMN start_basis text NOT NULL DEFAULT 'OFFICE' CHECK (start_basis IN ('PUBLISHED', 'OFFICE', 'DEFAULT', 'ESTIMATE'));
ALTER TABLE campaigns ADD COLUMN end_basis text NOT NULL DEFAULT 'OFFICE' CHECK (end_basis IN ('PUBLISHED', 'OFFICE', 'DEFAULT', 'ESTIMATE'));

ALTER TABLE milestones ADD COLUMN date_basis text NOT NULL DEFAULT 'PUBLISHED' CHECK (date_basis IN ('PUBLISHED', 'OFFICE', 'DEFAULT', 'ESTIMATE'));
