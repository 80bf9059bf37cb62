-- What the article describes and the records did not hold: the 六大行动 (four named, two not named by the article),
-- 「四送一助力」 pairing content, 「灾后助重建点亮微心愿」 wishes, the 《省直精神文明建设工作优秀案例汇编》 and its
-- cases, the 省直精神文明建设工作人才库, and the meetings and trainings as events. Real rows cite the source and
-- the quote; demo rows say demo.

-- The six actions. The article names four (「围绕实施党的创新理论传播、主流价值践行、优质文化供给、服务惠民暖心等
-- 六大行动」); the other two are kept as unnamed rows (identified = 0, name empty) and are never invented.
CREATE TABLE practice_actions (
  code       TEXT PRIMARY KEY CHECK (code IN ('THEORY', 'VALUES', 'CULTURE', 'SERVICE', 'UNNAMED_5', 'UNNAMED_6')),
  position   INTEGER NOT NULL UNIQUE,
  name_zh    TEXT NOT NULL,
  name_en    TEXT NOT NULL,
  identified INTEGER NOT NULL CHECK (identified IN (0, 1)),
  quote      TEXT NOT NULL,
  source_id  INTEGER REFERENCES source_documents (id),
  note       TEXT NOT NULL DEFAULT '',
  CHECK ((identified = 1) = (name_zh <> ''))
) STRICT;

-- An activity may belong to one of the named actions; an unnamed action cannot be chosen, since nobody can tell
-- what belongs to it.
ALTER TABLE practice_activities ADD COLUMN action TEXT CHECK (action IS NULL OR action IN ('THEORY', 'VALUES', 'CULTURE', 'SERVICE'));
CREATE INDEX practice_activities_action ON practice_activities (action, demo) WHERE action IS NOT NULL;

-- 「送政策、送文化、送健康、送温暖和助力乡村振兴」: what a 结对帮创 pairing brings; a pairing may bring several.
CREATE TABLE pairing_contents (
  pairing_id INTEGER NOT NULL REFERENCES pairings (id) ON DELETE CASCADE,
  item       TEXT NOT NULL CHECK (item IN ('POLICY', 'CULTURE', 'HEALTH', 'WARMTH', 'RURAL_REVITALISATION')),
  PRIMARY KEY (pairing_id, item)
) STRICT, WITHOUT ROWID;
CREATE INDEX pairing_contents_item ON pairing_contents (item);

-- 「灾后助重建点亮微心愿」: a wish of a paired village or community, at its stage of 征集、发布、认领、实施.
CREATE TABLE wishes (
  id           INTEGER PRIMARY KEY,
  title        TEXT NOT NULL CHECK (title <> ''),
  beneficiary  TEXT NOT NULL CHECK (beneficiary <> ''),
  pairing_id   INTEGER REFERENCES pairings (id),
  stage        TEXT NOT NULL CHECK (stage IN ('COLLECTED', 'PUBLISHED', 'CLAIMED', 'FULFILLED')),
  unit_id      INTEGER REFERENCES units (id),
  collected_on TEXT NOT NULL CHECK (date(collected_on) IS collected_on),
  note         TEXT NOT NULL DEFAULT '',
  demo         INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  version      INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  -- A wish is claimed by a unit: from 认领 on it names one, before it names none.
  CHECK ((stage IN ('CLAIMED', 'FULFILLED')) = (unit_id IS NOT NULL))
) STRICT;
CREATE INDEX wishes_stage ON wishes (stage, demo);
CREATE INDEX wishes_unit ON wishes (unit_id) WHERE unit_id IS NOT NULL;

-- 《省直精神文明建设工作优秀案例汇编》 (real, from the article) and the cases it holds.
CREATE TABLE case_compilations (
  id        INTEGER PRIMARY KEY,
  title     TEXT NOT NULL UNIQUE CHECK (title <> ''),
  quote     TEXT NOT NULL,
  source_id INTEGER REFERENCES source_documents (id),
  demo      INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  CHECK (demo = 1 OR (source_id IS NOT NULL AND quote <> ''))
) STRICT;

CREATE TABLE excellent_cases (
  id             INTEGER PRIMARY KEY,
  compilation_id INTEGER NOT NULL REFERENCES case_compilations (id),
  title          TEXT NOT NULL CHECK (title <> ''),
  unit_id        INTEGER REFERENCES units (id),
  year           INTEGER CHECK (year IS NULL OR year BETWEEN 1949 AND 2100),
  summary        TEXT NOT NULL DEFAULT '',
  demo           INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  version        INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  UNIQUE (compilation_id, title)
) STRICT;
CREATE INDEX excellent_cases_unit ON excellent_cases (unit_id) WHERE unit_id IS NOT NULL;

-- 省直精神文明建设工作人才库: its members and the work they serve in (「网络评审、实地考察、先进评选」), kept as a
-- JSON array so that the recycle bin restores a member whole.
CREATE TABLE talent_members (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL CHECK (name <> ''),
  unit_id    INTEGER REFERENCES units (id),
  since_year INTEGER NOT NULL CHECK (since_year BETWEEN 1949 AND 2100),
  roles      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(roles) AND json_type(roles) = 'array'),
  demo       INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;
CREATE INDEX talent_members_unit ON talent_members (unit_id) WHERE unit_id IS NOT NULL;

-- Meetings and trainings. Most real ones have no date in the article (event_date NULL: 「原文未注明日期」).
CREATE TABLE civilisation_events (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('TRAINING', 'PROGRESS_MEETING', 'OBSERVATION_EXCHANGE', 'BUSINESS_ENVIRONMENT_MEETING', 'LAUNCH_CEREMONY')),
  title        TEXT NOT NULL CHECK (title <> ''),
  event_date   TEXT CHECK (event_date IS NULL OR date(event_date) IS event_date),
  place        TEXT NOT NULL DEFAULT '',
  milestone_id INTEGER REFERENCES milestones (id),
  quote        TEXT NOT NULL DEFAULT '',
  source_id    INTEGER REFERENCES source_documents (id),
  demo         INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  version      INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  CHECK (source_id IS NULL OR quote <> '')
) STRICT;
CREATE INDEX civilisation_events_date ON civilisation_events (event_date, id);
