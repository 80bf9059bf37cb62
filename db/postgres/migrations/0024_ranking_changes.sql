-- How often the ranking inputs of each block of 64 unit IDs (unit_block = unit id / 64) have changed: a unit's
-- existence and kind, its rows of rollup_unit_year (honour points, volunteer minutes, practice sessions) and its
-- assessments. Counted by triggers in the transaction of the write, and only ever growing, so that the store keeps
-- a year's ranking inputs in memory and re-reads only the blocks whose count moved (db/store/ranking.go), instead of
-- every unit after every write. PostgreSQL translation of db/sqlite/migrations/0024_ranking_changes.sql: statement
-- triggers count each block a statement touched once, in block order, after taking the rollups' lock as the other
-- rollup triggers do. A bulk load, whose triggers stand aside, counts every block at its end (store.RebuildRollups).
-- Every block that holds a unit has a row.
CREATE TABLE rollup_ranking_changes (
  unit_block bigint PRIMARY KEY,
  changes    bigint NOT NULL
);
INSERT INTO rollup_ranking_changes (unit_block, changes) SELECT DISTINCT id / 64, 1 FROM units WHERE TRUE;

-- ranking_count_blocks counts each block of the unit IDs once.
CREATE FUNCTION ranking_count_blocks(ids bigint[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO rollup_ranking_changes AS t (unit_block, changes)
  SELECT DISTINCT i / 64, 1 FROM unnest(ids) AS i WHERE i IS NOT NULL ORDER BY 1
  ON CONFLICT (unit_block) DO UPDATE SET changes = t.changes + 1
$$;

-- ranking_rows_changed counts the blocks of the rows a statement touched, by the unit ID in the column its argument
-- names (units.id, rollup_unit_year.unit_id, assessments.unit_id).
CREATE FUNCTION ranking_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids bigint[];
BEGIN
  IF wenming_bulk_load() THEN RETURN NULL; END IF;
  PERFORM wenming_lock_rollups();
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT array_agg((to_jsonb(n) ->> TG_ARGV[0])::bigint) INTO ids FROM new_rows n;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT coalesce(ids, '{}') || array_agg((to_jsonb(o) ->> TG_ARGV[0])::bigint) INTO ids FROM old_rows o;
  END IF;
  PERFORM ranking_count_blocks(ids);
  RETURN NULL;
END $$;
CREATE TRIGGER ranking_units_ai AFTER INSERT ON units REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ranking_rows_changed('id');
CREATE TRIGGER ranking_units_au AFTER UPDATE ON units REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ranking_rows_changed('id');
CREATE TRIGGER ranking_units_ad AFTER DELETE ON units REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ranking_rows_changed('id');
CREATE TRIGGER ranking_unit_year_ai AFTER INSERT ON rollup_unit_year REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ranking_rows_changed('unit_id');
CREATE TRIGGER ranking_unit_year_au AFTER UPDATE ON rollup_unit_year REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ranking_rows_changed('unit_id');
CREATE TRIGGER ranking_unit_year_ad AFTER DELETE ON rollup_unit_year REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ranking_rows_changed('unit_id');
CREATE TRIGGER ranking_assessments_ai AFTER INSERT ON assessments REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ranking_rows_changed('unit_id');
CREATE TRIGGER ranking_assessments_au AFTER UPDATE ON assessments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ranking_rows_changed('unit_id');
CREATE TRIGGER ranking_assessments_ad AFTER DELETE ON assessments REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ranking_rows_changed('unit_id');
