-- Rollups: aggregates maintained by triggers in the same transaction as the records, so that the dashboard's
-- aggregate queries read thousands of rows instead of millions and are never stale.

CREATE TABLE rollup_volunteer (
  month       TEXT NOT NULL,
  year        INTEGER NOT NULL,
  campaign_id INTEGER NOT NULL, -- 0 for routine service
  unit_kind   TEXT NOT NULL,
  method      TEXT NOT NULL,
  verified    INTEGER NOT NULL,
  demo        INTEGER NOT NULL,
  volunteers  INTEGER NOT NULL,
  minutes     INTEGER NOT NULL,
  records     INTEGER NOT NULL,
  PRIMARY KEY (month, campaign_id, unit_kind, method, verified, demo)
) STRICT, WITHOUT ROWID;
CREATE INDEX rollup_volunteer_year ON rollup_volunteer (year, campaign_id);

CREATE TABLE rollup_honor (
  year           INTEGER NOT NULL,
  category_id    INTEGER NOT NULL,
  status         TEXT NOT NULL,
  recipient_kind TEXT NOT NULL,
  unit_kind      TEXT NOT NULL, -- '' when the honour names no unit
  edition        TEXT NOT NULL, -- '' when the honour has no edition
  demo           INTEGER NOT NULL,
  honors         INTEGER NOT NULL,
  PRIMARY KEY (year, category_id, status, recipient_kind, unit_kind, edition, demo)
) STRICT, WITHOUT ROWID;

CREATE TABLE rollup_activity (
  year         INTEGER NOT NULL,
  kind         TEXT NOT NULL,
  demo         INTEGER NOT NULL,
  activities   INTEGER NOT NULL,
  sessions     INTEGER NOT NULL,
  participants INTEGER NOT NULL,
  PRIMARY KEY (year, kind, demo)
) STRICT, WITHOUT ROWID;

CREATE TABLE rollup_assessment (
  year      INTEGER NOT NULL,
  demo      INTEGER NOT NULL,
  assessed  INTEGER NOT NULL,
  vetoed    INTEGER NOT NULL,
  total_sum REAL NOT NULL, -- base + bonus over assessments without a veto
  PRIMARY KEY (year, demo)
) STRICT, WITHOUT ROWID;

-- One row per unit and year: the raw components of its ranking and its volunteer totals.
CREATE TABLE rollup_unit_year (
  unit_id          INTEGER NOT NULL,
  year             INTEGER NOT NULL,
  honors           INTEGER NOT NULL DEFAULT 0,
  honor_points     REAL NOT NULL DEFAULT 0,
  volunteers       INTEGER NOT NULL DEFAULT 0,
  minutes          INTEGER NOT NULL DEFAULT 0,
  verified_minutes INTEGER NOT NULL DEFAULT 0,
  records          INTEGER NOT NULL DEFAULT 0,
  sessions         INTEGER NOT NULL DEFAULT 0,
  participants     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (year, unit_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX rollup_unit_year_unit ON rollup_unit_year (unit_id, year);

-- volunteer_records → rollup_volunteer, rollup_unit_year
CREATE TRIGGER volunteer_records_ai AFTER INSERT ON volunteer_records BEGIN
  INSERT INTO rollup_volunteer VALUES (NEW.month, NEW.year, coalesce(NEW.campaign_id, 0), (SELECT kind FROM units WHERE id = NEW.unit_id),
    NEW.method, NEW.verified, NEW.demo, NEW.volunteers, NEW.minutes, 1)
  ON CONFLICT DO UPDATE SET volunteers = volunteers + excluded.volunteers, minutes = minutes + excluded.minutes, records = records + 1;
  INSERT INTO rollup_unit_year (unit_id, year, volunteers, minutes, verified_minutes, records)
  VALUES (NEW.unit_id, NEW.year, NEW.volunteers, NEW.minutes, NEW.minutes * NEW.verified, 1)
  ON CONFLICT DO UPDATE SET volunteers = volunteers + excluded.volunteers, minutes = minutes + excluded.minutes,
    verified_minutes = verified_minutes + excluded.verified_minutes, records = records + 1;
END;
CREATE TRIGGER volunteer_records_ad AFTER DELETE ON volunteer_records BEGIN
  UPDATE rollup_volunteer SET volunteers = volunteers - OLD.volunteers, minutes = minutes - OLD.minutes, records = records - 1
  WHERE month = OLD.month AND campaign_id = coalesce(OLD.campaign_id, 0) AND unit_kind = (SELECT kind FROM units WHERE id = OLD.unit_id)
    AND method = OLD.method AND verified = OLD.verified AND demo = OLD.demo;
  UPDATE rollup_unit_year SET volunteers = volunteers - OLD.volunteers, minutes = minutes - OLD.minutes,
    verified_minutes = verified_minutes - OLD.minutes * OLD.verified, records = records - 1
  WHERE unit_id = OLD.unit_id AND year = OLD.year;
END;
CREATE TRIGGER volunteer_records_au AFTER UPDATE ON volunteer_records BEGIN
  UPDATE rollup_volunteer SET volunteers = volunteers - OLD.volunteers, minutes = minutes - OLD.minutes, records = records - 1
  WHERE month = OLD.month AND campaign_id = coalesce(OLD.campaign_id, 0) AND unit_kind = (SELECT kind FROM units WHERE id = OLD.unit_id)
    AND method = OLD.method AND verified = OLD.verified AND demo = OLD.demo;
  UPDATE rollup_unit_year SET volunteers = volunteers - OLD.volunteers, minutes = minutes - OLD.minutes,
    verified_minutes = verified_minutes - OLD.minutes * OLD.verified, records = records - 1
  WHERE unit_id = OLD.unit_id AND year = OLD.year;
  INSERT INTO rollup_volunteer VALUES (NEW.month, NEW.year, coalesce(NEW.campaign_id, 0), (SELECT kind FROM units WHERE id = NEW.unit_id),
    NEW.method, NEW.verified, NEW.demo, NEW.volunteers, NEW.minutes, 1)
  ON CONFLICT DO UPDATE SET volunteers = volunteers + excluded.volunteers, minutes = minutes + excluded.minutes, records = records + 1;
  INSERT INTO rollup_unit_year (unit_id, year, volunteers, minutes, verified_minutes, records)
  VALUES (NEW.unit_id, NEW.year, NEW.volunteers, NEW.minutes, NEW.minutes * NEW.verified, 1)
  ON CONFLICT DO UPDATE SET volunteers = volunteers + excluded.volunteers, minutes = minutes + excluded.minutes,
    verified_minutes = verified_minutes + excluded.verified_minutes, records = records + 1;
END;

-- honors → rollup_honor, rollup_unit_year
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

-- practice_activities → rollup_activity, rollup_unit_year
CREATE TRIGGER practice_activities_ai AFTER INSERT ON practice_activities BEGIN
  INSERT INTO rollup_activity VALUES (NEW.year, NEW.kind, NEW.demo, 1, NEW.sessions, NEW.participants)
  ON CONFLICT DO UPDATE SET activities = activities + 1, sessions = sessions + excluded.sessions, participants = participants + excluded.participants;
  INSERT INTO rollup_unit_year (unit_id, year, sessions, participants) VALUES (NEW.unit_id, NEW.year, NEW.sessions, NEW.participants)
  ON CONFLICT DO UPDATE SET sessions = sessions + excluded.sessions, participants = participants + excluded.participants;
END;
CREATE TRIGGER practice_activities_ad AFTER DELETE ON practice_activities BEGIN
  UPDATE rollup_activity SET activities = activities - 1, sessions = sessions - OLD.sessions, participants = participants - OLD.participants
  WHERE year = OLD.year AND kind = OLD.kind AND demo = OLD.demo;
  UPDATE rollup_unit_year SET sessions = sessions - OLD.sessions, participants = participants - OLD.participants
  WHERE unit_id = OLD.unit_id AND year = OLD.year;
END;
CREATE TRIGGER practice_activities_au AFTER UPDATE ON practice_activities BEGIN
  UPDATE rollup_activity SET activities = activities - 1, sessions = sessions - OLD.sessions, participants = participants - OLD.participants
  WHERE year = OLD.year AND kind = OLD.kind AND demo = OLD.demo;
  UPDATE rollup_unit_year SET sessions = sessions - OLD.sessions, participants = participants - OLD.participants
  WHERE unit_id = OLD.unit_id AND year = OLD.year;
  INSERT INTO rollup_activity VALUES (NEW.year, NEW.kind, NEW.demo, 1, NEW.sessions, NEW.participants)
  ON CONFLICT DO UPDATE SET activities = activities + 1, sessions = sessions + excluded.sessions, participants = participants + excluded.participants;
  INSERT INTO rollup_unit_year (unit_id, year, sessions, participants) VALUES (NEW.unit_id, NEW.year, NEW.sessions, NEW.participants)
  ON CONFLICT DO UPDATE SET sessions = sessions + excluded.sessions, participants = participants + excluded.participants;
END;

-- assessments → rollup_assessment
CREATE TRIGGER assessments_ai AFTER INSERT ON assessments BEGIN
  INSERT INTO rollup_assessment VALUES (NEW.year, NEW.demo, 1, NEW.veto, CASE WHEN NEW.veto THEN 0 ELSE NEW.base_score + NEW.bonus END)
  ON CONFLICT DO UPDATE SET assessed = assessed + 1, vetoed = vetoed + excluded.vetoed, total_sum = total_sum + excluded.total_sum;
END;
CREATE TRIGGER assessments_ad AFTER DELETE ON assessments BEGIN
  UPDATE rollup_assessment SET assessed = assessed - 1, vetoed = vetoed - OLD.veto,
    total_sum = total_sum - CASE WHEN OLD.veto THEN 0 ELSE OLD.base_score + OLD.bonus END
  WHERE year = OLD.year AND demo = OLD.demo;
END;
CREATE TRIGGER assessments_au AFTER UPDATE ON assessments BEGIN
  UPDATE rollup_assessment SET assessed = assessed - 1, vetoed = vetoed - OLD.veto,
    total_sum = total_sum - CASE WHEN OLD.veto THEN 0 ELSE OLD.base_score + OLD.bonus END
  WHERE year = OLD.year AND demo = OLD.demo;
  INSERT INTO rollup_assessment VALUES (NEW.year, NEW.demo, 1, NEW.veto, CASE WHEN NEW.veto THEN 0 ELSE NEW.base_score + NEW.bonus END)
  ON CONFLICT DO UPDATE SET assessed = assessed + 1, vetoed = vetoed + excluded.vetoed, total_sum = total_sum + excluded.total_sum;
END;

-- A unit's kind, or a category's weight, feeds several rollups: rebuild them when either changes (rare admin edits).
CREATE TRIGGER units_kind_au AFTER UPDATE OF kind ON units WHEN OLD.kind IS NOT NEW.kind BEGIN
  DELETE FROM rollup_volunteer;
  INSERT INTO rollup_volunteer SELECT v.month, v.year, coalesce(v.campaign_id, 0), u.kind, v.method, v.verified, v.demo,
    sum(v.volunteers), sum(v.minutes), count(*)
  FROM volunteer_records v JOIN units u ON u.id = v.unit_id GROUP BY 1, 3, 4, 5, 6, 7;
  DELETE FROM rollup_honor;
  INSERT INTO rollup_honor SELECT h.year, h.category_id, h.status, h.recipient_kind, coalesce(u.kind, ''), coalesce(h.edition, ''), h.demo, count(*)
  FROM honors h LEFT JOIN units u ON u.id = h.unit_id GROUP BY 1, 2, 3, 4, 5, 6, 7;
END;
CREATE TRIGGER honor_categories_weight_au AFTER UPDATE OF weight ON honor_categories WHEN OLD.weight IS NOT NEW.weight BEGIN
  UPDATE rollup_unit_year SET honor_points = coalesce((SELECT sum(c.weight) FROM honors h JOIN honor_categories c ON c.id = h.category_id
    WHERE h.unit_id = rollup_unit_year.unit_id AND h.year = rollup_unit_year.year), 0);
END;

-- Backfill from records already present.
INSERT INTO rollup_volunteer SELECT v.month, v.year, coalesce(v.campaign_id, 0), u.kind, v.method, v.verified, v.demo,
  sum(v.volunteers), sum(v.minutes), count(*)
FROM volunteer_records v JOIN units u ON u.id = v.unit_id GROUP BY 1, 3, 4, 5, 6, 7;
INSERT INTO rollup_honor SELECT h.year, h.category_id, h.status, h.recipient_kind, coalesce(u.kind, ''), coalesce(h.edition, ''), h.demo, count(*)
FROM honors h LEFT JOIN units u ON u.id = h.unit_id GROUP BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO rollup_activity SELECT year, kind, demo, count(*), sum(sessions), sum(participants) FROM practice_activities GROUP BY 1, 2, 3;
INSERT INTO rollup_assessment SELECT year, demo, count(*), sum(veto), sum(CASE WHEN veto THEN 0 ELSE base_score + bonus END) FROM assessments GROUP BY 1, 2;
INSERT INTO rollup_unit_year (unit_id, year, honors, honor_points, volunteers, minutes, verified_minutes, records, sessions, participants)
SELECT unit_id, year, sum(honors), sum(honor_points), sum(volunteers), sum(minutes), sum(verified_minutes), sum(records), sum(sessions), sum(participants)
FROM (
  SELECT h.unit_id, h.year, count(*) AS honors, sum(c.weight) AS honor_points, 0 AS volunteers, 0 AS minutes, 0 AS verified_minutes, 0 AS records, 0 AS sessions, 0 AS participants
  FROM honors h JOIN honor_categories c ON c.id = h.category_id WHERE h.unit_id IS NOT NULL GROUP BY 1, 2
  UNION ALL
  SELECT unit_id, year, 0, 0, sum(volunteers), sum(minutes), sum(minutes * verified), count(*), 0, 0 FROM volunteer_records GROUP BY 1, 2
  UNION ALL
  SELECT unit_id, year, 0, 0, 0, 0, 0, 0, sum(sessions), sum(participants) FROM practice_activities GROUP BY 1, 2
) GROUP BY unit_id, year;
