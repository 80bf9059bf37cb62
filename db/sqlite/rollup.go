package sqlite

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
