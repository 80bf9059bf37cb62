-- The civilisation-work records: catalogue, published figures, and the records that reconcile with them.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT;
INSERT INTO meta (key, value) VALUES ('data_version', 0);

CREATE TABLE source_documents (
  id           INTEGER PRIMARY KEY,
  title        TEXT NOT NULL CHECK (title <> ''),
  publisher    TEXT NOT NULL CHECK (publisher <> ''),
  published_on TEXT NOT NULL CHECK (date(published_on) IS published_on),
  url          TEXT
) STRICT;

CREATE TABLE published_figures (
  id        INTEGER PRIMARY KEY,
  key       TEXT NOT NULL UNIQUE CHECK (key <> ''),
  position  INTEGER NOT NULL,
  section   TEXT NOT NULL CHECK (section <> ''),
  label_zh  TEXT NOT NULL CHECK (label_zh <> ''),
  label_en  TEXT NOT NULL CHECK (label_en <> ''),
  value     REAL NOT NULL CHECK (value >= 0),
  unit      TEXT NOT NULL CHECK (unit <> ''),
  qualifier TEXT NOT NULL CHECK (qualifier IN ('EXACT', 'AT_LEAST', 'APPROXIMATE')),
  quote     TEXT NOT NULL CHECK (quote <> ''),
  source_id INTEGER NOT NULL REFERENCES source_documents (id),
  metric    TEXT NOT NULL DEFAULT '',
  note_zh   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX published_figures_section ON published_figures (section, position);

CREATE TABLE honor_categories (
  id             INTEGER PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE CHECK (code <> ''),
  position       INTEGER NOT NULL,
  name_zh        TEXT NOT NULL CHECK (name_zh <> ''),
  name_en        TEXT NOT NULL CHECK (name_en <> ''),
  level          TEXT NOT NULL CHECK (level IN ('NATIONAL', 'PROVINCIAL', 'PROVINCIAL_DIRECT')),
  recipient_kind TEXT NOT NULL CHECK (recipient_kind IN ('UNIT', 'CAMPUS', 'PERSON', 'PROJECT', 'WORK', 'WINDOW')),
  weight         REAL NOT NULL CHECK (weight >= 0),
  default_status TEXT NOT NULL CHECK (default_status IN ('AWARDED', 'RECOMMENDED', 'TREATMENT_RECOGNISED', 'NOMINATED'))
) STRICT;

CREATE TABLE units (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL UNIQUE CHECK (name <> ''),
  kind           TEXT NOT NULL CHECK (kind IN ('机关', '事业单位', '国有企业', '高校', '中小学', '医院')),
  sector         TEXT NOT NULL,
  service_window INTEGER NOT NULL DEFAULT 0 CHECK (service_window IN (0, 1)),
  campus         INTEGER NOT NULL GENERATED ALWAYS AS (kind IN ('高校', '中小学')) VIRTUAL,
  demo           INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
) STRICT;
CREATE INDEX units_kind ON units (kind, id);
CREATE INDEX units_window ON units (service_window, id);

CREATE TABLE people (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL CHECK (name <> ''),
  unit_id  INTEGER REFERENCES units (id),
  citation TEXT NOT NULL DEFAULT '',
  demo     INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
) STRICT;
CREATE INDEX people_unit ON people (unit_id);
CREATE INDEX people_name ON people (name);

CREATE TABLE volunteer_projects (
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL UNIQUE CHECK (name <> ''),
  brand   INTEGER NOT NULL DEFAULT 0 CHECK (brand IN (0, 1)),
  field   TEXT NOT NULL DEFAULT '',
  unit_id INTEGER REFERENCES units (id),
  demo    INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
) STRICT;
CREATE INDEX volunteer_projects_brand ON volunteer_projects (brand, id);
CREATE INDEX volunteer_projects_unit ON volunteer_projects (unit_id);

CREATE TABLE works (
  id        INTEGER PRIMARY KEY,
  title     TEXT NOT NULL CHECK (title <> ''),
  kind      TEXT NOT NULL CHECK (kind IN ('书法', '绘画', '摄影', '演讲', '其他')),
  unit_id   INTEGER REFERENCES units (id),
  year      INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  selection TEXT NOT NULL CHECK (selection IN ('COLLECTED', 'PROVINCIAL_DIRECT', 'PROVINCIAL')),
  demo      INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
) STRICT;
CREATE INDEX works_year ON works (year, selection);

CREATE TABLE honors (
  id             INTEGER PRIMARY KEY,
  category_id    INTEGER NOT NULL REFERENCES honor_categories (id),
  recipient_kind TEXT NOT NULL CHECK (recipient_kind IN ('UNIT', 'CAMPUS', 'PERSON', 'PROJECT', 'WORK', 'WINDOW')),
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
  CHECK ((recipient_kind IN ('UNIT', 'CAMPUS', 'WINDOW') AND unit_id IS NOT NULL)
      OR (recipient_kind = 'PERSON' AND person_id IS NOT NULL)
      OR (recipient_kind = 'PROJECT' AND project_id IS NOT NULL)
      OR (recipient_kind = 'WORK' AND work_id IS NOT NULL))
) STRICT;
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

CREATE TABLE campaigns (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE CHECK (code <> '' AND code <> 'ROUTINE'),
  name_zh     TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('EPIDEMIC', 'FLOOD', 'AID')),
  start_date  TEXT NOT NULL CHECK (date(start_date) IS start_date),
  end_date    TEXT CHECK (end_date IS NULL OR (date(end_date) IS end_date AND end_date >= start_date)),
  description TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE volunteer_records (
  id           INTEGER PRIMARY KEY,
  unit_id      INTEGER NOT NULL REFERENCES units (id),
  campaign_id  INTEGER REFERENCES campaigns (id),
  service_date TEXT NOT NULL CHECK (date(service_date) IS service_date),
  year         INTEGER NOT NULL GENERATED ALWAYS AS (CAST(substr(service_date, 1, 4) AS INTEGER)) VIRTUAL,
  month        TEXT NOT NULL GENERATED ALWAYS AS (substr(service_date, 1, 7)) VIRTUAL,
  volunteers   INTEGER NOT NULL CHECK (volunteers >= 0),
  minutes      INTEGER NOT NULL CHECK (minutes >= 0),
  method       TEXT NOT NULL CHECK (method IN ('SIGN_IN', 'SHIFT', 'SELF_REPORT', 'BACKFILL')),
  verified     INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
  demo         INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
) STRICT;
-- Aggregates over records read the rollups (0002); these indexes serve the page filters that select few rows.
CREATE INDEX volunteer_records_campaign ON volunteer_records (campaign_id, id) WHERE campaign_id IS NOT NULL;
CREATE INDEX volunteer_records_unit ON volunteer_records (unit_id, year);
CREATE INDEX volunteer_records_method ON volunteer_records (method, id);

CREATE TABLE donations (
  id            INTEGER PRIMARY KEY,
  campaign_id   INTEGER NOT NULL REFERENCES campaigns (id),
  unit_id       INTEGER REFERENCES units (id),
  kind          TEXT NOT NULL CHECK (kind IN ('CASH', 'MATERIAL')),
  amount        INTEGER NOT NULL CHECK (amount >= 0),
  boxes         INTEGER NOT NULL DEFAULT 0 CHECK (boxes >= 0),
  batch         INTEGER CHECK (batch IS NULL OR batch > 0),
  donation_date TEXT NOT NULL CHECK (date(donation_date) IS donation_date),
  year          INTEGER NOT NULL GENERATED ALWAYS AS (CAST(substr(donation_date, 1, 4) AS INTEGER)) VIRTUAL,
  description   TEXT NOT NULL DEFAULT '',
  demo          INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
) STRICT;
CREATE INDEX donations_campaign ON donations (campaign_id, year, unit_id);
CREATE INDEX donations_unit ON donations (unit_id);

CREATE TABLE federation_members (
  id          INTEGER PRIMARY KEY,
  is_group    INTEGER NOT NULL CHECK (is_group IN (0, 1)),
  name        TEXT NOT NULL CHECK (name <> ''),
  joined_year INTEGER NOT NULL CHECK (joined_year BETWEEN 1949 AND 2100),
  demo        INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
) STRICT;
CREATE INDEX federation_members_year ON federation_members (joined_year, is_group);

CREATE TABLE practice_centers (
  id              INTEGER PRIMARY KEY,
  code            TEXT NOT NULL,
  name            TEXT NOT NULL CHECK (name <> ''),
  county          TEXT NOT NULL,
  prefecture      TEXT NOT NULL,
  prefecture_code TEXT NOT NULL,
  identified      INTEGER NOT NULL CHECK (identified IN (0, 1)),
  note            TEXT NOT NULL DEFAULT '',
  CHECK (identified = 0 OR length(code) = 6)
) STRICT;
CREATE UNIQUE INDEX practice_centers_code ON practice_centers (code) WHERE code <> '';
CREATE INDEX practice_centers_prefecture ON practice_centers (prefecture_code, code);

CREATE TABLE practice_links (
  id         INTEGER PRIMARY KEY,
  unit_id    INTEGER NOT NULL REFERENCES units (id),
  center_id  INTEGER NOT NULL REFERENCES practice_centers (id),
  since_year INTEGER NOT NULL CHECK (since_year BETWEEN 1949 AND 2100),
  demo       INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  UNIQUE (unit_id, center_id)
) STRICT;
CREATE INDEX practice_links_center ON practice_links (center_id);

CREATE TABLE pairings (
  id         INTEGER PRIMARY KEY,
  unit_id    INTEGER NOT NULL REFERENCES units (id),
  township   TEXT NOT NULL CHECK (township <> ''),
  center_id  INTEGER REFERENCES practice_centers (id),
  since_year INTEGER NOT NULL CHECK (since_year BETWEEN 1949 AND 2100),
  demo       INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  UNIQUE (unit_id, township)
) STRICT;

CREATE TABLE practice_activities (
  id            INTEGER PRIMARY KEY,
  unit_id       INTEGER NOT NULL REFERENCES units (id),
  center_id     INTEGER REFERENCES practice_centers (id),
  activity_date TEXT NOT NULL CHECK (date(activity_date) IS activity_date),
  year          INTEGER NOT NULL GENERATED ALWAYS AS (CAST(substr(activity_date, 1, 4) AS INTEGER)) VIRTUAL,
  kind          TEXT NOT NULL CHECK (kind IN ('PROMOTION_WEEK', 'HERITAGE_TALK', 'PAIRING', 'ROUTINE')),
  theme         TEXT NOT NULL CHECK (theme <> ''),
  sessions      INTEGER NOT NULL CHECK (sessions >= 1),
  participants  INTEGER NOT NULL CHECK (participants >= 0),
  demo          INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
) STRICT;
CREATE INDEX practice_activities_unit ON practice_activities (unit_id, year);
CREATE INDEX practice_activities_center ON practice_activities (center_id, sessions) WHERE center_id IS NOT NULL;

CREATE TABLE assessment_indicators (
  year      INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  code      TEXT NOT NULL,
  position  INTEGER NOT NULL,
  name_zh   TEXT NOT NULL,
  name_en   TEXT NOT NULL,
  max_score REAL NOT NULL CHECK (max_score > 0 AND max_score <= 100),
  PRIMARY KEY (year, code)
) STRICT;

CREATE TABLE assessments (
  id         INTEGER PRIMARY KEY,
  unit_id    INTEGER NOT NULL REFERENCES units (id),
  year       INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  base_score REAL NOT NULL CHECK (base_score BETWEEN 0 AND 100),
  bonus      REAL NOT NULL DEFAULT 0 CHECK (bonus BETWEEN 0 AND 10),
  veto       INTEGER NOT NULL DEFAULT 0 CHECK (veto IN (0, 1)),
  stage      TEXT NOT NULL CHECK (stage IN ('APPLIED', 'ONLINE_REVIEW', 'SITE_VISIT', 'PUBLIC_NOTICE', 'NAMED', 'REVIEWED', 'REVOKED')),
  demo       INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  UNIQUE (unit_id, year)
) STRICT;
CREATE INDEX assessments_year ON assessments (year, stage, unit_id, base_score, bonus, veto);

CREATE TABLE indicator_scores (
  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  version_year  INTEGER NOT NULL, -- the indicator version in force for the assessment's year
  code          TEXT NOT NULL,
  score         REAL NOT NULL CHECK (score >= 0),
  PRIMARY KEY (assessment_id, code),
  FOREIGN KEY (version_year, code) REFERENCES assessment_indicators (year, code)
) STRICT;

CREATE TABLE ranking_weights (
  from_year INTEGER NOT NULL,
  component TEXT NOT NULL CHECK (component IN ('honors', 'volunteer_hours', 'practice', 'assessment')),
  label_zh  TEXT NOT NULL,
  weight    REAL NOT NULL CHECK (weight BETWEEN 0 AND 1),
  PRIMARY KEY (from_year, component)
) STRICT;

CREATE TABLE milestones (
  id        INTEGER PRIMARY KEY,
  date      TEXT NOT NULL CHECK (date(date) IS date),
  precision TEXT NOT NULL CHECK (precision IN ('DAY', 'YEAR')),
  title_zh  TEXT NOT NULL,
  title_en  TEXT NOT NULL,
  kind      TEXT NOT NULL,
  end_date  TEXT CHECK (end_date IS NULL OR (date(end_date) IS end_date AND end_date >= date)),
  source_id INTEGER REFERENCES source_documents (id)
) STRICT;

CREATE TABLE targets (
  id     INTEGER PRIMARY KEY,
  metric TEXT NOT NULL,
  year   INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  value  REAL NOT NULL CHECK (value >= 0),
  demo   INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  UNIQUE (metric, year)
) STRICT;
