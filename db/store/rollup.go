package store

import (
	"context"
	"fmt"

	"github.com/wenming/wenming/db"
)

// RebuildRollups recomputes every rollup from the records, set-wise, in SQL that runs on both engines; bulk loads
// and copies run it once at the end, with the rollup triggers standing aside. It counts a change of every block of
// units' ranking inputs too (rollup_ranking_changes), since the triggers that count them stood aside as well.
const RebuildRollups = `
DELETE FROM rollup_volunteer;
DELETE FROM rollup_honor;
DELETE FROM rollup_activity;
DELETE FROM rollup_assessment;
DELETE FROM rollup_unit_year;
DELETE FROM rollup_volunteer_year;
INSERT INTO rollup_volunteer (month, year, campaign_id, unit_kind, method, verified, demo, volunteers, minutes, records)
SELECT v.month, v.year, coalesce(v.campaign_id, 0), u.kind, v.method, v.verified, v.demo, sum(v.volunteers), sum(v.minutes), count(*)
FROM volunteer_records v JOIN units u ON u.id = v.unit_id GROUP BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO rollup_honor (year, category_id, status, recipient_kind, unit_kind, edition, demo, honors)
SELECT h.year, h.category_id, h.status, h.recipient_kind, coalesce(u.kind, ''), coalesce(h.edition, ''), h.demo, count(*)
FROM honors h LEFT JOIN units u ON u.id = h.unit_id GROUP BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO rollup_activity (year, kind, demo, activities, sessions, participants)
SELECT year, kind, demo, count(*), sum(sessions), sum(participants) FROM practice_activities GROUP BY 1, 2, 3;
INSERT INTO rollup_assessment (year, demo, assessed, vetoed, total_sum)
SELECT year, demo, count(*), count(*) FILTER (WHERE veto), coalesce(sum(base_score + bonus) FILTER (WHERE NOT veto), 0)
FROM assessments GROUP BY 1, 2;
INSERT INTO rollup_unit_year (unit_id, year, honors, honor_points, volunteers, minutes, verified_minutes, records, sessions, participants)
SELECT unit_id, year, sum(honors), sum(honor_points), sum(volunteers), sum(minutes), sum(verified_minutes), sum(records), sum(sessions), sum(participants)
FROM (
  SELECT h.unit_id, h.year, count(*) AS honors, sum(c.weight) AS honor_points, 0 AS volunteers, 0 AS minutes, 0 AS verified_minutes,
    0 AS records, 0 AS sessions, 0 AS participants
  FROM honors h JOIN honor_categories c ON c.id = h.category_id WHERE h.unit_id IS NOT NULL GROUP BY 1, 2
  UNION ALL
  SELECT unit_id, year, 0, 0, sum(volunteers), sum(minutes), coalesce(sum(minutes) FILTER (WHERE verified), 0), count(*), 0, 0
  FROM volunteer_records GROUP BY 1, 2
  UNION ALL
  SELECT unit_id, year, 0, 0, 0, 0, 0, 0, sum(sessions), sum(participants) FROM practice_activities GROUP BY 1, 2
) parts GROUP BY unit_id, year;
INSERT INTO rollup_volunteer_year (year, campaign_id, unit_kind, method, verified, demo, volunteers, minutes, records)
SELECT year, campaign_id, unit_kind, method, verified, demo, sum(volunteers), sum(minutes), sum(records)
FROM rollup_volunteer GROUP BY 1, 2, 3, 4, 5, 6;
UPDATE rollup_ranking_changes SET changes = changes + 1;
INSERT INTO rollup_ranking_changes (unit_block, changes) SELECT DISTINCT id / 64, 1 FROM units WHERE TRUE
ON CONFLICT (unit_block) DO NOTHING;
`

// rollupChecks pairs each rollup with the same aggregate computed from the records; both sides list
// (key, value) rows as text in the same order, and must be equal. Flags print as each engine prints them, the same on
// both sides.
var rollupChecks = []struct{ name, rollup, base string }{
	{"rollup_volunteer",
		`SELECT month || '|' || campaign_id || '|' || unit_kind || '|' || method || '|' || verified || '|' || demo, volunteers || '|' || minutes || '|' || records
		 FROM rollup_volunteer WHERE records <> 0 ORDER BY 1`,
		`SELECT v.month || '|' || coalesce(v.campaign_id, 0) || '|' || u.kind || '|' || v.method || '|' || v.verified || '|' || v.demo,
		        sum(v.volunteers) || '|' || sum(v.minutes) || '|' || count(*)
		 FROM volunteer_records v JOIN units u ON u.id = v.unit_id GROUP BY 1 ORDER BY 1`},
	{"rollup_volunteer_year",
		`SELECT year || '|' || campaign_id || '|' || unit_kind || '|' || method || '|' || verified || '|' || demo, volunteers || '|' || minutes || '|' || records
		 FROM rollup_volunteer_year WHERE records <> 0 ORDER BY 1`,
		`SELECT v.year || '|' || coalesce(v.campaign_id, 0) || '|' || u.kind || '|' || v.method || '|' || v.verified || '|' || v.demo,
		        sum(v.volunteers) || '|' || sum(v.minutes) || '|' || count(*)
		 FROM volunteer_records v JOIN units u ON u.id = v.unit_id GROUP BY 1 ORDER BY 1`},
	{"rollup_honor",
		`SELECT year || '|' || category_id || '|' || status || '|' || recipient_kind || '|' || unit_kind || '|' || edition || '|' || demo, CAST(honors AS TEXT)
		 FROM rollup_honor WHERE honors <> 0 ORDER BY 1`,
		`SELECT h.year || '|' || h.category_id || '|' || h.status || '|' || h.recipient_kind || '|' || coalesce(u.kind, '') || '|' || coalesce(h.edition, '') || '|' || h.demo,
		        CAST(count(*) AS TEXT)
		 FROM honors h LEFT JOIN units u ON u.id = h.unit_id GROUP BY 1 ORDER BY 1`},
	{"rollup_activity",
		`SELECT year || '|' || kind || '|' || demo, activities || '|' || sessions || '|' || participants FROM rollup_activity WHERE activities <> 0 ORDER BY 1`,
		`SELECT year || '|' || kind || '|' || demo, count(*) || '|' || sum(sessions) || '|' || sum(participants) FROM practice_activities GROUP BY 1 ORDER BY 1`},
	{"rollup_assessment",
		`SELECT year || '|' || demo, assessed || '|' || vetoed || '|' || round(total_sum, 4) FROM rollup_assessment WHERE assessed <> 0 ORDER BY 1`,
		`SELECT year || '|' || demo, count(*) || '|' || count(CASE WHEN veto = TRUE THEN 1 END) || '|'
		        || round(coalesce(sum(CASE WHEN veto = TRUE THEN 0 ELSE base_score + bonus END), 0), 4)
		 FROM assessments GROUP BY 1 ORDER BY 1`},
	{"rollup_unit_year",
		`SELECT unit_id || '|' || year, honors || '|' || round(honor_points, 4) || '|' || minutes || '|' || records || '|' || sessions
		 FROM rollup_unit_year WHERE honors <> 0 OR records <> 0 OR sessions <> 0 OR participants <> 0 ORDER BY 1`,
		`SELECT k, sum(h) || '|' || round(sum(p), 4) || '|' || sum(m) || '|' || sum(r) || '|' || sum(s) FROM (
		   SELECT h.unit_id || '|' || h.year AS k, 1 AS h, c.weight AS p, 0 AS m, 0 AS r, 0 AS s FROM honors h JOIN honor_categories c ON c.id = h.category_id WHERE h.unit_id IS NOT NULL
		   UNION ALL SELECT unit_id || '|' || year, 0, 0, minutes, 1, 0 FROM volunteer_records
		   UNION ALL SELECT unit_id || '|' || year, 0, 0, 0, 0, sessions FROM practice_activities
		 ) parts GROUP BY k ORDER BY 1`},
}

// CheckRollups recomputes every rollup from the records and reports the first difference, so that tests and
// operators can prove the triggers kept them exact. Both sides are read in one snapshot where the engine has one.
func (s *Store) CheckRollups(ctx context.Context) error {
	return s.eng.ReadTx(ctx, func(q Querier) error { return checkRollups(ctx, q) })
}

func checkRollups(ctx context.Context, q Querier) error {
	for _, c := range rollupChecks {
		got, err := rollupPairs(ctx, q, c.rollup)
		if err != nil {
			return fmt.Errorf("%s: %w", c.name, err)
		}
		want, err := rollupPairs(ctx, q, c.base)
		if err != nil {
			return fmt.Errorf("%s from records: %w", c.name, err)
		}
		if len(got) != len(want) {
			return fmt.Errorf("%s: %d rows, records give %d", c.name, len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				return fmt.Errorf("%s: row %s, records give %s", c.name, got[i], want[i])
			}
		}
	}
	return nil
}

func rollupPairs(ctx context.Context, q Querier, query string) ([][2]string, error) {
	rows, err := q.Query(ctx, query)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r Rows) ([2]string, error) {
		var p [2]string
		return p, r.Scan(&p[0], &p[1])
	})
}

// verifiedTables are the record tables a Verification counts.
var verifiedTables = []string{"units", "people", "honors", "volunteer_records", "practice_activities", "assessments"}

// Verify checks every rollup against its records and counts what the database holds, in one snapshot where the
// engine keeps one.
func (s *Store) Verify(ctx context.Context) (*db.Verification, error) {
	var v *db.Verification
	err := s.eng.ReadTx(ctx, func(q Querier) (err error) {
		v, err = Verify(ctx, q)
		return err
	})
	return v, err
}

// Verify is Store.Verify over q: an engine's own snapshot, such as the one PostgreSQL's backup dumps.
func Verify(ctx context.Context, q Querier) (*db.Verification, error) {
	if err := checkRollups(ctx, q); err != nil {
		return nil, db.Errorf(db.EINVALID, "汇总与记录不一致：%v", err)
	}
	v := &db.Verification{Records: map[string]int64{}}
	counts := make([]any, len(verifiedTables))
	query := `SELECT (SELECT value FROM meta WHERE key = 'data_version'), (SELECT count(*) FROM schema_migrations)`
	for i, t := range verifiedTables {
		query += `, (SELECT count(*) FROM ` + t + `)`
		counts[i] = new(int64)
	}
	if err := q.QueryRow(ctx, query).Scan(append([]any{&v.DataVersion, &v.Migrations}, counts...)...); err != nil {
		return nil, err
	}
	for i, t := range verifiedTables {
		v.Records[t] = *counts[i].(*int64)
	}
	return v, nil
}
