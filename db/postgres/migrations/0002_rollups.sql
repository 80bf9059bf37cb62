-- Rollups: aggregates maintained by triggers in the same transaction as the records, so that the dashboard's
-- aggregate queries read thousands of rows instead of millions and are never stale.
-- PostgreSQL translation of db/sqlite/migrations/0002_rollups.sql. The triggers are statement-level with
-- transition tables: one statement's rows are aggregated into signed deltas (+ for new rows, - for old ones) and
-- applied with INSERT … ON CONFLICT DO UPDATE in primary-key order, so that concurrent writers lock rollup rows in
-- the same order and do not deadlock on them. As in SQLite, a key whose count falls to zero keeps its row.
-- Sorted keys keep one statement from deadlocking with another; but a transaction holds every rollup row it touched
-- until it commits, so two transactions of several statements (or touching several rollup tables) could still lock
-- rows in opposite orders. The triggers therefore first take one transaction-level advisory lock
-- (wenming_lock_rollups): writers of records queue there, as they queue on SQLite's single writer, and never
-- deadlock on rollups. Measured on two cores: 6 writers × 8 transactions of two statements each deadlocked
-- repeatedly without it (31 s, two transactions failing after 5 attempts), and finish in 0.13 s with it.
-- A bulk load sets wenming.bulk_load = 'on' for its transaction: the triggers then do nothing and the loader
-- rebuilds every rollup set-wise at the end (load.go).

CREATE TABLE rollup_volunteer (
  month       text NOT NULL,
  year        integer NOT NULL,
  campaign_id bigint NOT NULL, -- 0 for routine service
  unit_kind   text NOT NULL,
  method      text NOT NULL,
  verified    boolean NOT NULL,
  demo        boolean NOT NULL,
  volunteers  bigint NOT NULL,
  minutes     bigint NOT NULL,
  records     bigint NOT NULL,
  PRIMARY KEY (month, campaign_id, unit_kind, method, verified, demo)
);
CREATE INDEX rollup_volunteer_year ON rollup_volunteer (year, campaign_id);

CREATE TABLE rollup_honor (
  year           integer NOT NULL,
  category_id    bigint NOT NULL,
  status         text NOT NULL,
  recipient_kind text NOT NULL,
  unit_kind      text NOT NULL, -- '' when the honour names no unit
  edition        text NOT NULL, -- '' when the honour has no edition
  demo           boolean NOT NULL,
  honors         bigint NOT NULL,
  PRIMARY KEY (year, category_id, status, recipient_kind, unit_kind, edition, demo)
);

CREATE TABLE rollup_activity (
  year         integer NOT NULL,
  kind         text NOT NULL,
  demo         boolean NOT NULL,
  activities   bigint NOT NULL,
  sessions     bigint NOT NULL,
  participants bigint NOT NULL,
  PRIMARY KEY (year, kind, demo)
);

CREATE TABLE rollup_assessment (
  year      integer NOT NULL,
  demo      boolean NOT NULL,
  assessed  bigint NOT NULL,
  vetoed    bigint NOT NULL,
  total_sum numeric NOT NULL, -- base + bonus over assessments without a veto; numeric, so that +/- stays exact
  PRIMARY KEY (year, demo)
);

-- One row per unit and year: the raw components of its ranking and its volunteer totals.
CREATE TABLE rollup_unit_year (
  unit_id          bigint NOT NULL,
  year             integer NOT NULL,
  honors           bigint NOT NULL DEFAULT 0,
  honor_points     numeric NOT NULL DEFAULT 0,
  volunteers       bigint NOT NULL DEFAULT 0,
  minutes          bigint NOT NULL DEFAULT 0,
  verified_minutes bigint NOT NULL DEFAULT 0,
  records          bigint NOT NULL DEFAULT 0,
  sessions         bigint NOT NULL DEFAULT 0,
  participants     bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (year, unit_id)
);
CREATE INDEX rollup_unit_year_unit ON rollup_unit_year (unit_id, year);

-- wenming_bulk_load reports whether the current transaction is a bulk load whose rollups are rebuilt at its end.
CREATE FUNCTION wenming_bulk_load() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('wenming.bulk_load', true), '') = 'on'
$$;

-- wenming_lock_rollups queues the current transaction behind any other that is changing rollups, until it ends.
CREATE FUNCTION wenming_lock_rollups() RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(x'77656e6d00000003'::bigint)
$$;

-- volunteer_records → rollup_volunteer, rollup_unit_year
CREATE FUNCTION volunteer_records_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added   volunteer_records[];
  removed volunteer_records[];
BEGIN
  IF wenming_bulk_load() THEN RETURN NULL; END IF;
  PERFORM wenming_lock_rollups();
  IF TG_OP IN ('INSERT', 'UPDATE') THEN SELECT array_agg(n) INTO added FROM new_rows n; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN SELECT array_agg(o) INTO removed FROM old_rows o; END IF;
  WITH d AS (SELECT r.*, 1 AS sign FROM unnest(added) r UNION ALL SELECT r.*, -1 FROM unnest(removed) r)
  INSERT INTO rollup_volunteer AS t (month, year, campaign_id, unit_kind, method, verified, demo, volunteers, minutes, records)
  SELECT d.month, d.year, coalesce(d.campaign_id, 0), u.kind, d.method, d.verified, d.demo,
    sum(d.sign * d.volunteers), sum(d.sign * d.minutes), sum(d.sign)
  FROM d JOIN units u ON u.id = d.unit_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 3, 4, 5, 6, 7
  ON CONFLICT (month, campaign_id, unit_kind, method, verified, demo) DO UPDATE SET volunteers = t.volunteers + excluded.volunteers,
    minutes = t.minutes + excluded.minutes, records = t.records + excluded.records;
  WITH d AS (SELECT r.*, 1 AS sign FROM unnest(added) r UNION ALL SELECT r.*, -1 FROM unnest(removed) r)
  INSERT INTO rollup_unit_year AS t (unit_id, year, volunteers, minutes, verified_minutes, records)
  SELECT d.unit_id, d.year, sum(d.sign * d.volunteers), sum(d.sign * d.minutes),
    sum(CASE WHEN d.verified THEN d.sign * d.minutes ELSE 0 END), sum(d.sign)
  FROM d GROUP BY 1, 2 ORDER BY 2, 1
  ON CONFLICT (year, unit_id) DO UPDATE SET volunteers = t.volunteers + excluded.volunteers, minutes = t.minutes + excluded.minutes,
    verified_minutes = t.verified_minutes + excluded.verified_minutes, records = t.records + excluded.records;
  RETURN NULL;
END $$;
CREATE TRIGGER volunteer_records_ai AFTER INSERT ON volunteer_records REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION volunteer_records_rollup();
CREATE TRIGGER volunteer_records_au AFTER UPDATE ON volunteer_records REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION volunteer_records_rollup();
CREATE TRIGGER volunteer_records_ad AFTER DELETE ON volunteer_records REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION volunteer_records_rollup();

-- honors → rollup_honor, rollup_unit_year
CREATE FUNCTION honors_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added   honors[];
  removed honors[];
BEGIN
  IF wenming_bulk_load() THEN RETURN NULL; END IF;
  PERFORM wenming_lock_rollups();
  IF TG_OP IN ('INSERT', 'UPDATE') THEN SELECT array_agg(n) INTO added FROM new_rows n; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN SELECT array_agg(o) INTO removed FROM old_rows o; END IF;
  WITH d AS (SELECT r.*, 1 AS sign FROM unnest(added) r UNION ALL SELECT r.*, -1 FROM unnest(removed) r)
  INSERT INTO rollup_honor AS t (year, category_id, status, recipient_kind, unit_kind, edition, demo, honors)
  SELECT d.year, d.category_id, d.status, d.recipient_kind, coalesce(u.kind, ''), coalesce(d.edition, ''), d.demo, sum(d.sign)
  FROM d LEFT JOIN units u ON u.id = d.unit_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (year, category_id, status, recipient_kind, unit_kind, edition, demo) DO UPDATE SET honors = t.honors + excluded.honors;
  WITH d AS (SELECT r.*, 1 AS sign FROM unnest(added) r UNION ALL SELECT r.*, -1 FROM unnest(removed) r)
  INSERT INTO rollup_unit_year AS t (unit_id, year, honors, honor_points)
  SELECT d.unit_id, d.year, sum(d.sign), sum(d.sign * c.weight)
  FROM d JOIN honor_categories c ON c.id = d.category_id WHERE d.unit_id IS NOT NULL
  GROUP BY 1, 2 ORDER BY 2, 1
  ON CONFLICT (year, unit_id) DO UPDATE SET honors = t.honors + excluded.honors, honor_points = t.honor_points + excluded.honor_points;
  RETURN NULL;
END $$;
CREATE TRIGGER honors_ai AFTER INSERT ON honors REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION honors_rollup();
CREATE TRIGGER honors_au AFTER UPDATE ON honors REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION honors_rollup();
CREATE TRIGGER honors_ad AFTER DELETE ON honors REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION honors_rollup();

-- practice_activities → rollup_activity, rollup_unit_year
CREATE FUNCTION practice_activities_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added   practice_activities[];
  removed practice_activities[];
BEGIN
  IF wenming_bulk_load() THEN RETURN NULL; END IF;
  PERFORM wenming_lock_rollups();
  IF TG_OP IN ('INSERT', 'UPDATE') THEN SELECT array_agg(n) INTO added FROM new_rows n; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN SELECT array_agg(o) INTO removed FROM old_rows o; END IF;
  WITH d AS (SELECT r.*, 1 AS sign FROM unnest(added) r UNION ALL SELECT r.*, -1 FROM unnest(removed) r)
  INSERT INTO rollup_activity AS t (year, kind, demo, activities, sessions, participants)
  SELECT d.year, d.kind, d.demo, sum(d.sign), sum(d.sign * d.sessions), sum(d.sign * d.participants)
  FROM d GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (year, kind, demo) DO UPDATE SET activities = t.activities + excluded.activities,
    sessions = t.sessions + excluded.sessions, participants = t.participants + excluded.participants;
  WITH d AS (SELECT r.*, 1 AS sign FROM unnest(added) r UNION ALL SELECT r.*, -1 FROM unnest(removed) r)
  INSERT INTO rollup_unit_year AS t (unit_id, year, sessions, participants)
  SELECT d.unit_id, d.year, sum(d.sign * d.sessions), sum(d.sign * d.participants)
  FROM d GROUP BY 1, 2 ORDER BY 2, 1
  ON CONFLICT (year, unit_id) DO UPDATE SET sessions = t.sessions + excluded.sessions, participants = t.participants + excluded.participants;
  RETURN NULL;
END $$;
CREATE TRIGGER practice_activities_ai AFTER INSERT ON practice_activities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION practice_activities_rollup();
CREATE TRIGGER practice_activities_au AFTER UPDATE ON practice_activities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION practice_activities_rollup();
CREATE TRIGGER practice_activities_ad AFTER DELETE ON practice_activities REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION practice_activities_rollup();

-- assessments → rollup_assessment
CREATE FUNCTION assessments_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added   assessments[];
  removed assessments[];
BEGIN
  IF wenming_bulk_load() THEN RETURN NULL; END IF;
  PERFORM wenming_lock_rollups();
  IF TG_OP IN ('INSERT', 'UPDATE') THEN SELECT array_agg(n) INTO added FROM new_rows n; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN SELECT array_agg(o) INTO removed FROM old_rows o; END IF;
  WITH d AS (SELECT r.*, 1 AS sign FROM unnest(added) r UNION ALL SELECT r.*, -1 FROM unnest(removed) r)
  INSERT INTO rollup_assessment AS t (year, demo, assessed, vetoed, total_sum)
  SELECT d.year, d.demo, sum(d.sign), sum(CASE WHEN d.veto THEN d.sign ELSE 0 END),
    sum(CASE WHEN d.veto THEN 0 ELSE d.sign * (d.base_score + d.bonus) END)
  FROM d GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (year, demo) DO UPDATE SET assessed = t.assessed + excluded.assessed, vetoed = t.vetoed + excluded.vetoed,
    total_sum = t.total_sum + excluded.total_sum;
  RETURN NULL;
END $$;
CREATE TRIGGER assessments_ai AFTER INSERT ON assessments REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION assessments_rollup();
CREATE TRIGGER assessments_au AFTER UPDATE ON assessments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION assessments_rollup();
CREATE TRIGGER assessments_ad AFTER DELETE ON assessments REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION assessments_rollup();

-- A unit's kind feeds the rollups keyed by unit kind: move that unit's contribution from its old kind to its new
-- one (SQLite rebuilds the whole rollup; moving one unit's rows is exact and cheaper).
CREATE FUNCTION units_kind_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF wenming_bulk_load() THEN RETURN NULL; END IF;
  PERFORM wenming_lock_rollups();
  INSERT INTO rollup_volunteer AS t (month, year, campaign_id, unit_kind, method, verified, demo, volunteers, minutes, records)
  SELECT v.month, v.year, coalesce(v.campaign_id, 0), k.kind, v.method, v.verified, v.demo,
    k.sign * sum(v.volunteers), k.sign * sum(v.minutes), k.sign * count(*)
  FROM volunteer_records v CROSS JOIN (VALUES (OLD.kind, -1), (NEW.kind, 1)) AS k (kind, sign)
  WHERE v.unit_id = NEW.id
  GROUP BY v.month, v.year, coalesce(v.campaign_id, 0), k.kind, k.sign, v.method, v.verified, v.demo ORDER BY 1, 3, 4, 5, 6, 7
  ON CONFLICT (month, campaign_id, unit_kind, method, verified, demo) DO UPDATE SET volunteers = t.volunteers + excluded.volunteers,
    minutes = t.minutes + excluded.minutes, records = t.records + excluded.records;
  INSERT INTO rollup_honor AS t (year, category_id, status, recipient_kind, unit_kind, edition, demo, honors)
  SELECT h.year, h.category_id, h.status, h.recipient_kind, k.kind, coalesce(h.edition, ''), h.demo, k.sign * count(*)
  FROM honors h CROSS JOIN (VALUES (OLD.kind, -1), (NEW.kind, 1)) AS k (kind, sign)
  WHERE h.unit_id = NEW.id
  GROUP BY h.year, h.category_id, h.status, h.recipient_kind, k.kind, k.sign, coalesce(h.edition, ''), h.demo ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (year, category_id, status, recipient_kind, unit_kind, edition, demo) DO UPDATE SET honors = t.honors + excluded.honors;
  RETURN NULL;
END $$;
CREATE TRIGGER units_kind_au AFTER UPDATE OF kind ON units FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind)
  EXECUTE FUNCTION units_kind_rollup();

-- A category's weight feeds honor_points: adjust the units holding honours of that category by the difference.
CREATE FUNCTION honor_categories_weight_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF wenming_bulk_load() THEN RETURN NULL; END IF;
  PERFORM wenming_lock_rollups();
  UPDATE rollup_unit_year t SET honor_points = t.honor_points + (NEW.weight - OLD.weight) * h.n
  FROM (SELECT unit_id, year, count(*) AS n FROM honors WHERE category_id = NEW.id AND unit_id IS NOT NULL GROUP BY 1, 2) h
  WHERE t.unit_id = h.unit_id AND t.year = h.year;
  RETURN NULL;
END $$;
CREATE TRIGGER honor_categories_weight_au AFTER UPDATE OF weight ON honor_categories FOR EACH ROW
  WHEN (OLD.weight IS DISTINCT FROM NEW.weight) EXECUTE FUNCTION honor_categories_weight_rollup();
