-- 「四个优秀」 先进典型 are 优秀志愿者、优秀志愿服务组织、优秀志愿服务项目、优秀志愿服务社区 (the provincial 学雷锋
-- scheme): persons, organisations, projects and communities. A community has no record table, so a COMMUNITY honour
-- carries only its recipient name and no record id; the natural key (0008) already falls back to the name for it.
-- SQLite cannot alter a CHECK, so honors is rebuilt: create, copy, drop, rename; then every index and trigger on
-- honors is recreated exactly as 0001, 0002, 0006–0008 left them. The copy runs before the triggers exist, so the
-- rollups are neither counted twice nor touched. legacy_alter_table keeps the rename from re-checking the triggers
-- of other tables (units_kind_au, honor_categories_weight_au) that name honors while it is briefly absent; they
-- name the table by its name, which is the same again after the rename.
PRAGMA legacy_alter_table = ON;

CREATE TABLE honors_new (
  id             INTEGER PRIMARY KEY,
  category_id    INTEGER NOT NULL REFERENCES honor_categories (id),
  recipient_kind TEXT NOT NULL CHECK (recipient_kind IN ('UNIT', 'CAMPUS', 'PERSON', 'PROJECT', 'WORK', 'WINDOW', 'COMMUNITY')),
  recipient_name TEXT NOT NULL CHECK (recipient_name <> ''),
  unit_id        INTEGER REFERENCES units (id),
  person_id      INTEGER REFERENCES people (id),
  project_id     INTEGER REFERENCES volunteer_projects (id),
  work_id        INTEGER REFERENCES works (id),
  year           INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  date           TEXT CHECK (date IS NULL OR (date(date) IS date AND CAST(substr(date, 1, 4) AS INTEGER) = year)),
  edition        TEXT,
  status         TEXT NOT NULL CHECK (status IN ('AWARDED', 'RECOMMENDED', 'TREATMENT_RECOGNISED', 'NOMINATED')),
  source_id      INTEGER REFERENCES source_documents (id),
  demo           INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  version        INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  CHECK ((recipient_kind IN ('UNIT', 'CAMPUS', 'WINDOW') AND unit_id IS NOT NULL)
      OR (recipient_kind = 'PERSON' AND person_id IS NOT NULL)
      OR (recipient_kind = 'PROJECT' AND project_id IS NOT NULL)
      OR (recipient_kind = 'WORK' AND work_id IS NOT NULL)
      OR (recipient_kind = 'COMMUNITY' AND unit_id IS NULL AND person_id IS NULL AND project_id IS NULL AND work_id IS NULL))
) STRICT;

INSERT INTO honors_new (id, category_id, recipient_kind, recipient_name, unit_id, person_id, project_id, work_id, year, date,
  edition, status, source_id, demo, version)
SELECT id, category_id, recipient_kind, recipient_name, unit_id, person_id, project_id, work_id, year, date,
  edition, status, source_id, demo, version FROM honors;

DROP TABLE honors;
ALTER TABLE honors_new RENAME TO honors;
PRAGMA legacy_alter_table = OFF;

-- 0001
CREATE INDEX honors_year ON honors (year, category_id, status);
CREATE INDEX honors_category ON honors (category_id, year);
CREATE INDEX honors_unit ON honors (unit_id, year);
CREATE INDEX honors_person ON honors (person_id);
CREATE INDEX honors_project ON honors (project_id);
CREATE INDEX honors_recipient ON honors (recipient_kind, year);
CREATE INDEX honors_status ON honors (status, year);
CREATE INDEX honors_edition ON honors (edition) WHERE edition IS NOT NULL;
CREATE INDEX honors_name ON honors (recipient_name, id);
CREATE INDEX honors_demo ON honors (demo, year);

-- 0002: honors → rollup_honor, rollup_unit_year
CREATE TRIGGER honors_ai AFTER INSERT ON honors BEGIN
  INSERT INTO rollup_honor VALUES (NEW.year, NEW.category_id, NEW.status, NEW.recipient_kind,
    coalesce((SELECT kind FROM units WHERE id = NEW.unit_id), ''), coalesce(NEW.edition, ''), NEW.demo, 1)
  ON CONFLICT DO UPDATE SET honors = honors + 1;
  INSERT INTO rollup_unit_year (unit_id, year, honors, honor_points)
  SELECT NEW.unit_id, NEW.year, 1, weight FROM honor_categories WHERE id = NEW.category_id AND NEW.unit_id IS NOT NULL
  ON CONFLICT DO UPDATE SET honors = honors + 1, honor_points = honor_points + excluded.honor_points;
END;
CREATE TRIGGER honors_ad AFTER DELETE ON honors BEGIN
  UPDATE rollup_honor SET honors = honors - 1
  WHERE year = OLD.year AND category_id = OLD.category_id AND status = OLD.status AND recipient_kind = OLD.recipient_kind
    AND unit_kind = coalesce((SELECT kind FROM units WHERE id = OLD.unit_id), '') AND edition = coalesce(OLD.edition, '') AND demo = OLD.demo;
  UPDATE rollup_unit_year SET honors = honors - 1, honor_points = honor_points - (SELECT weight FROM honor_categories WHERE id = OLD.category_id)
  WHERE unit_id = OLD.unit_id AND year = OLD.year;
END;
CREATE TRIGGER honors_au AFTER UPDATE ON honors BEGIN
  UPDATE rollup_honor SET honors = honors - 1
  WHERE year = OLD.year AND category_id = OLD.category_id AND status = OLD.status AND recipient_kind = OLD.recipient_kind
    AND unit_kind = coalesce((SELECT kind FROM units WHERE id = OLD.unit_id), '') AND edition = coalesce(OLD.edition, '') AND demo = OLD.demo;
  UPDATE rollup_unit_year SET honors = honors - 1, honor_points = honor_points - (SELECT weight FROM honor_categories WHERE id = OLD.category_id)
  WHERE unit_id = OLD.unit_id AND year = OLD.year;
  INSERT INTO rollup_honor VALUES (NEW.year, NEW.category_id, NEW.status, NEW.recipient_kind,
    coalesce((SELECT kind FROM units WHERE id = NEW.unit_id), ''), coalesce(NEW.edition, ''), NEW.demo, 1)
  ON CONFLICT DO UPDATE SET honors = honors + 1;
  INSERT INTO rollup_unit_year (unit_id, year, honors, honor_points)
  SELECT NEW.unit_id, NEW.year, 1, weight FROM honor_categories WHERE id = NEW.category_id AND NEW.unit_id IS NOT NULL
  ON CONFLICT DO UPDATE SET honors = honors + 1, honor_points = honor_points + excluded.honor_points;
END;

-- 0007
CREATE INDEX honors_year_id ON honors (year, id);

-- 0008
CREATE UNIQUE INDEX honors_natural_key ON honors (category_id, recipient_kind,
  (CASE WHEN recipient_kind IN ('UNIT', 'CAMPUS', 'WINDOW') THEN unit_id WHEN recipient_kind = 'PERSON' THEN person_id
        WHEN recipient_kind = 'PROJECT' THEN project_id WHEN recipient_kind = 'WORK' THEN work_id ELSE recipient_name END),
  year, coalesce(edition, ''));

-- The 四个优秀 categories accept communities too; their note keeps saying where the four names come from, and that
-- the article gives one total per level.
UPDATE honor_categories SET recipient_kinds = 'PROJECT,PERSON,UNIT,COMMUNITY',
  note_zh = '“四个优秀”指优秀志愿者、优秀志愿服务组织、优秀志愿服务项目、优秀志愿服务社区，这四个名称出自河南省学雷锋志愿服务先进典型'
  || '宣传推选活动，非原文所载。可授予个人、组织（单位）、项目和社区（社区无记录表，只登记名称）。原文每级只给一个合计数。'
  WHERE code IN ('HENAN_FOUR_EXCELLENT', 'DIRECT_FOUR_EXCELLENT');
