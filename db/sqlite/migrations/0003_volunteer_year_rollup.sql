-- A yearly volunteer rollup, twelve times smaller than the monthly one: every volunteer aggregate that does not
-- group by month reads it, as a range scan of its primary key.

DROP INDEX rollup_volunteer_year;

CREATE TABLE rollup_volunteer_year (
  year        INTEGER NOT NULL,
  campaign_id INTEGER NOT NULL, -- 0 for routine service
  unit_kind   TEXT NOT NULL,
  method      TEXT NOT NULL,
  verified    INTEGER NOT NULL,
  demo        INTEGER NOT NULL,
  volunteers  INTEGER NOT NULL,
  minutes     INTEGER NOT NULL,
  records     INTEGER NOT NULL,
  PRIMARY KEY (year, campaign_id, unit_kind, method, verified, demo)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER volunteer_records_year_ai AFTER INSERT ON volunteer_records BEGIN
  INSERT INTO rollup_volunteer_year VALUES (NEW.year, coalesce(NEW.campaign_id, 0), (SELECT kind FROM units WHERE id = NEW.unit_id),
    NEW.method, NEW.verified, NEW.demo, NEW.volunteers, NEW.minutes, 1)
  ON CONFLICT DO UPDATE SET volunteers = volunteers + excluded.volunteers, minutes = minutes + excluded.minutes, records = records + 1;
END;
CREATE TRIGGER volunteer_records_year_ad AFTER DELETE ON volunteer_records BEGIN
  UPDATE rollup_volunteer_year SET volunteers = volunteers - OLD.volunteers, minutes = minutes - OLD.minutes, records = records - 1
  WHERE year = OLD.year AND campaign_id = coalesce(OLD.campaign_id, 0) AND unit_kind = (SELECT kind FROM units WHERE id = OLD.unit_id)
    AND method = OLD.method AND verified = OLD.verified AND demo = OLD.demo;
END;
CREATE TRIGGER volunteer_records_year_au AFTER UPDATE ON volunteer_records BEGIN
  UPDATE rollup_volunteer_year SET volunteers = volunteers - OLD.volunteers, minutes = minutes - OLD.minutes, records = records - 1
  WHERE year = OLD.year AND campaign_id = coalesce(OLD.campaign_id, 0) AND unit_kind = (SELECT kind FROM units WHERE id = OLD.unit_id)
    AND method = OLD.method AND verified = OLD.verified AND demo = OLD.demo;
  INSERT INTO rollup_volunteer_year VALUES (NEW.year, coalesce(NEW.campaign_id, 0), (SELECT kind FROM units WHERE id = NEW.unit_id),
    NEW.method, NEW.verified, NEW.demo, NEW.volunteers, NEW.minutes, 1)
  ON CONFLICT DO UPDATE SET volunteers = volunteers + excluded.volunteers, minutes = minutes + excluded.minutes, records = records + 1;
END;
CREATE TRIGGER units_kind_year_au AFTER UPDATE OF kind ON units WHEN OLD.kind IS NOT NEW.kind BEGIN
  DELETE FROM rollup_volunteer_year;
  INSERT INTO rollup_volunteer_year SELECT v.year, coalesce(v.campaign_id, 0), u.kind, v.method, v.verified, v.demo,
    sum(v.volunteers), sum(v.minutes), count(*)
  FROM volunteer_records v JOIN units u ON u.id = v.unit_id GROUP BY 1, 2, 3, 4, 5, 6;
END;

INSERT INTO rollup_volunteer_year SELECT year, campaign_id, unit_kind, method, verified, demo, sum(volunteers), sum(minutes), sum(records)
FROM rollup_volunteer GROUP BY 1, 2, 3, 4, 5, 6;
