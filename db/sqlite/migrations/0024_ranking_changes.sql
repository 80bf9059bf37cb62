-- How often the ranking inputs of each block of 64 unit IDs (unit_block = unit id / 64) have changed: a unit's
-- existence and kind, its rows of rollup_unit_year (honour points, volunteer minutes, practice sessions) and its
-- assessments. Counted by triggers in the transaction of the write, and only ever growing, so that the store keeps
-- a year's ranking inputs in memory and re-reads only the blocks whose count moved (db/store/ranking.go), instead of
-- every unit after every write. A bulk load, whose triggers stand aside, counts every block at its end
-- (store.RebuildRollups). Every block that holds a unit has a row.
CREATE TABLE rollup_ranking_changes (
  unit_block INTEGER PRIMARY KEY,
  changes    INTEGER NOT NULL
) STRICT;
INSERT INTO rollup_ranking_changes (unit_block, changes) SELECT DISTINCT id / 64, 1 FROM units WHERE TRUE;

CREATE TRIGGER ranking_units_ai AFTER INSERT ON units BEGIN
  INSERT INTO rollup_ranking_changes VALUES (NEW.id / 64, 1) ON CONFLICT DO UPDATE SET changes = changes + 1;
END;
CREATE TRIGGER ranking_units_ad AFTER DELETE ON units BEGIN
  INSERT INTO rollup_ranking_changes VALUES (OLD.id / 64, 1) ON CONFLICT DO UPDATE SET changes = changes + 1;
END;
CREATE TRIGGER ranking_units_au AFTER UPDATE OF id, kind ON units BEGIN
  INSERT INTO rollup_ranking_changes VALUES (OLD.id / 64, 1) ON CONFLICT DO UPDATE SET changes = changes + 1;
  INSERT INTO rollup_ranking_changes VALUES (NEW.id / 64, 1) ON CONFLICT DO UPDATE SET changes = changes + 1;
END;

CREATE TRIGGER ranking_unit_year_ai AFTER INSERT ON rollup_unit_year BEGIN
  INSERT INTO rollup_ranking_changes VALUES (NEW.unit_id / 64, 1) ON CONFLICT DO UPDATE SET changes = changes + 1;
END;
CREATE TRIGGER ranking_unit_year_ad AFTER DELETE ON rollup_unit_year BEGIN
  INSERT INTO rollup_ranking_changes VALUES (OLD.unit_id / 64, 1) ON CONFLICT DO UPDATE SET changes = changes + 1;
END;
-- Only the columns a ranking reads: a category's new weight rewrites every row, most of them unchanged.
CREATE TRIGGER ranking_unit_year_au AFTER UPDATE ON rollup_unit_year
WHEN OLD.unit_id IS NOT NEW.unit_id OR OLD.year IS NOT NEW.year OR OLD.honor_points IS NOT NEW.honor_points
  OR OLD.minutes IS NOT NEW.minutes OR OLD.sessions IS NOT NEW.sessions BEGIN
  INSERT INTO rollup_ranking_changes VALUES (OLD.unit_id / 64, 1) ON CONFLICT DO UPDATE SET changes = changes + 1;
  INSERT INTO rollup_ranking_changes VALUES (NEW.unit_id / 64, 1) ON CONFLICT DO UPDATE SET changes = changes + 1;
END;

CREATE TRIGGER ranking_assessments_ai AFTER INSERT ON assessments BEGIN
  INSERT INTO rollup_ranking_changes VALUES (NEW.unit_id / 64, 1) ON CONFLICT DO UPDATE SET changes = changes + 1;
END;
CREATE TRIGGER ranking_assessments_ad AFTER DELETE ON assessments BEGIN
  INSERT INTO rollup_ranking_changes VALUES (OLD.unit_id / 64, 1) ON CONFLICT DO UPDATE SET changes = changes + 1;
END;
CREATE TRIGGER ranking_assessments_au AFTER UPDATE ON assessments BEGIN
  INSERT INTO rollup_ranking_changes VALUES (OLD.unit_id / 64, 1) ON CONFLICT DO UPDATE SET changes = changes + 1;
  INSERT INTO rollup_ranking_changes VALUES (NEW.unit_id / 64, 1) ON CONFLICT DO UPDATE SET changes = changes + 1;
END;
