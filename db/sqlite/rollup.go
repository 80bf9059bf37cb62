package sqlite

import (
	"context"
	"fmt"
)

// rebuildRollups recomputes every rollup from the records, set-wise; bulk loads run it once at the end.
const rebuildRollups = `
DELETE FROM rollup_volunteer;
DELETE FROM rollup_honor;
DELETE FROM rollup_activity;
DELETE FROM rollup_assessment;
DELETE FROM rollup_unit_year;
DELETE FROM rollup_volunteer_year;
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
INSERT INTO rollup_volunteer_year SELECT year, campaign_id, unit_kind, method, verified, demo, sum(volunteers), sum(minutes), sum(records)
FROM rollup_volunteer GROUP BY 1, 2, 3, 4, 5, 6;
`

// rollupChecks pairs each rollup with the same aggregate computed from the records; both sides list
// (key, value) rows in the same order, and must be equal.
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
		`SELECT year || '|' || category_id || '|' || status || '|' || recipient_kind || '|' || unit_kind || '|' || edition || '|' || demo, honors
		 FROM rollup_honor WHERE honors <> 0 ORDER BY 1`,
		`SELECT h.year || '|' || h.category_id || '|' || h.status || '|' || h.recipient_kind || '|' || coalesce(u.kind, '') || '|' || coalesce(h.edition, '') || '|' || h.demo, count(*)
		 FROM honors h LEFT JOIN units u ON u.id = h.unit_id GROUP BY 1 ORDER BY 1`},
	{"rollup_activity",
		`SELECT year || '|' || kind || '|' || demo, activities || '|' || sessions || '|' || participants FROM rollup_activity WHERE activities <> 0 ORDER BY 1`,
		`SELECT year || '|' || kind || '|' || demo, count(*) || '|' || sum(sessions) || '|' || sum(participants) FROM practice_activities GROUP BY 1 ORDER BY 1`},
	{"rollup_assessment",
		`SELECT year || '|' || demo, assessed || '|' || vetoed || '|' || round(total_sum, 4) FROM rollup_assessment WHERE assessed <> 0 ORDER BY 1`,
		`SELECT year || '|' || demo, count(*) || '|' || sum(veto) || '|' || round(sum(CASE WHEN veto THEN 0 ELSE base_score + bonus END), 4) FROM assessments GROUP BY 1 ORDER BY 1`},
	{"rollup_unit_year",
		`SELECT unit_id || '|' || year, honors || '|' || round(honor_points, 4) || '|' || minutes || '|' || records || '|' || sessions
		 FROM rollup_unit_year WHERE honors <> 0 OR records <> 0 OR sessions <> 0 OR participants <> 0 ORDER BY 1`,
		`SELECT k, sum(h) || '|' || round(sum(p), 4) || '|' || sum(m) || '|' || sum(r) || '|' || sum(s) FROM (
		   SELECT h.unit_id || '|' || h.year AS k, 1 AS h, c.weight AS p, 0 AS m, 0 AS r, 0 AS s FROM honors h JOIN honor_categories c ON c.id = h.category_id WHERE h.unit_id IS NOT NULL
		   UNION ALL SELECT unit_id || '|' || year, 0, 0, minutes, 1, 0 FROM volunteer_records
		   UNION ALL SELECT unit_id || '|' || year, 0, 0, 0, 0, sessions FROM practice_activities
		 ) GROUP BY k ORDER BY 1`},
}

// CheckRollups recomputes every rollup from the records and reports the first difference, so that tests and
// operators can prove the triggers kept them exact.
func (d *DB) CheckRollups(ctx context.Context) error {
	for _, c := range rollupChecks {
		got, err := d.pairs(ctx, c.rollup)
		if err != nil {
			return fmt.Errorf("%s: %w", c.name, err)
		}
		want, err := d.pairs(ctx, c.base)
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

func (d *DB) pairs(ctx context.Context, q string) ([][2]string, error) {
	rows, err := d.read.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][2]string
	for rows.Next() {
		var p [2]string
		if err := rows.Scan(&p[0], &p[1]); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
