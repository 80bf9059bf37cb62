-- A yearly volunteer rollup, twelve times smaller than the monthly one: every volunteer aggregate that does not
-- group by month reads it, as a range scan of its primary key.
-- PostgreSQL translation of db/sqlite/migrations/0003_volunteer_year_rollup.sql; triggers as in 0002.

DROP INDEX rollup_volunteer_year;

CREATE TABLE rollup_volunteer_year (
  year        integer NOT NULL,
  campaign_id bigint NOT NULL, -- 0 for routine service
  unit_kind   text NOT NULL,
  method      text NOT NULL,
  verified    boolean NOT NULL,
  demo        boolean NOT NULL,
  volunteers  bigint NOT NULL,
  minutes     bigint NOT NULL,
  records     bigint NOT NULL,
  PRIMARY KEY (year, campaign_id, unit_kind, method, verified, demo)
);

CREATE FUNCTION volunteer_records_year_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added   volunteer_records[];
  removed volunteer_records[];
BEGIN
  IF wenming_bulk_load() THEN RETURN NULL; END IF;
  PERFORM wenming_lock_rollups();
  IF TG_OP IN ('INSERT', 'UPDATE') THEN SELECT array_agg(n) INTO added FROM new_rows n; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN SELECT array_agg(o) INTO removed FROM old_rows o; END IF;
  WITH d AS (SELECT r.*, 1 AS sign FROM unnest(added) r UNION ALL SELECT r.*, -1 FROM unnest(removed) r)
  INSERT INTO rollup_volunteer_year AS t (year, campaign_id, unit_kind, method, verified, demo, volunteers, minutes, records)
  SELECT d.year, coalesce(d.campaign_id, 0), u.kind, d.method, d.verified, d.demo,
    sum(d.sign * d.volunteers), sum(d.sign * d.minutes), sum(d.sign)
  FROM d JOIN units u ON u.id = d.unit_id
  GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (year, campaign_id, unit_kind, method, verified, demo) DO UPDATE SET volunteers = t.volunteers + excluded.volunteers,
    minutes = t.minutes + excluded.minutes, records = t.records + excluded.records;
  RETURN NULL;
END $$;
CREATE TRIGGER volunteer_records_year_ai AFTER INSERT ON volunteer_records REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION volunteer_records_year_rollup();
CREATE TRIGGER volunteer_records_year_au AFTER UPDATE ON volunteer_records REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION volunteer_records_year_rollup();
CREATE TRIGGER volunteer_records_year_ad AFTER DELETE ON volunteer_records REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION volunteer_records_year_rollup();

CREATE FUNCTION units_kind_year_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF wenming_bulk_load() THEN RETURN NULL; END IF;
  PERFORM wenming_lock_rollups();
  INSERT INTO rollup_volunteer_year AS t (year, campaign_id, unit_kind, method, verified, demo, volunteers, minutes, records)
  SELECT v.year, coalesce(v.campaign_id, 0), k.kind, v.method, v.verified, v.demo,
    k.sign * sum(v.volunteers), k.sign * sum(v.minutes), k.sign * count(*)
  FROM volunteer_records v CROSS JOIN (VALUES (OLD.kind, -1), (NEW.kind, 1)) AS k (kind, sign)
  WHERE v.unit_id = NEW.id
  GROUP BY v.year, coalesce(v.campaign_id, 0), k.kind, k.sign, v.method, v.verified, v.demo ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (year, campaign_id, unit_kind, method, verified, demo) DO UPDATE SET volunteers = t.volunteers + excluded.volunteers,
    minutes = t.minutes + excluded.minutes, records = t.records + excluded.records;
  RETURN NULL;
END $$;
CREATE TRIGGER units_kind_year_au AFTER UPDATE OF kind ON units FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind)
  EXECUTE FUNCTION units_kind_year_rollup();
