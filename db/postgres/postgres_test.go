package postgres_test

import (
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/postgres"
	"github.com/wenming/wenming/db/postgres/pgtest"
	"github.com/wenming/wenming/db/seed"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// migrated is a template database with every migration applied, built once per test binary.
func migrated(tb testing.TB) string {
	return pgtest.Template(tb, "wenming_migrated", func(ctx context.Context, dsn string) error {
		d, err := postgres.Open(ctx, dsn)
		if err != nil {
			return err
		}
		return d.Close()
	})
}

// seeded is a template database holding the real catalogue and figures (seed.Real), built once per test binary.
func seeded(tb testing.TB) string {
	return pgtest.Template(tb, "wenming_seeded", func(ctx context.Context, dsn string) error {
		d, err := postgres.Open(ctx, dsn)
		if err != nil {
			return err
		}
		defer d.Close()
		ds, err := seed.Real()
		if err != nil {
			return err
		}
		return d.Load(ctx, ds)
	})
}

// open opens a database of the test's own, cloned from template ("" for an empty one), closed at cleanup.
func open(tb testing.TB, template string) *postgres.DB {
	tb.Helper()
	dsn := pgtest.NewDatabase(tb, template)
	d, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() { d.Close() })
	return d
}

// rollupDiffs are, per rollup, the rows where it differs from the same aggregate computed from the records; every
// query must return 0.
var rollupDiffs = map[string]string{
	"rollup_volunteer": `WITH r AS (SELECT month, campaign_id, unit_kind, method, verified, demo, volunteers::numeric, minutes::numeric, records::numeric
		FROM rollup_volunteer WHERE records <> 0),
		b AS (SELECT v.month, coalesce(v.campaign_id, 0), u.kind, v.method, v.verified, v.demo, sum(v.volunteers), sum(v.minutes), count(*)::numeric
		FROM volunteer_records v JOIN units u ON u.id = v.unit_id GROUP BY 1, 2, 3, 4, 5, 6)
		SELECT count(*) FROM ((TABLE r EXCEPT TABLE b) UNION ALL (TABLE b EXCEPT TABLE r)) x`,
	"rollup_volunteer_year": `WITH r AS (SELECT year, campaign_id, unit_kind, method, verified, demo, volunteers::numeric, minutes::numeric, records::numeric
		FROM rollup_volunteer_year WHERE records <> 0),
		b AS (SELECT v.year, coalesce(v.campaign_id, 0), u.kind, v.method, v.verified, v.demo, sum(v.volunteers), sum(v.minutes), count(*)::numeric
		FROM volunteer_records v JOIN units u ON u.id = v.unit_id GROUP BY 1, 2, 3, 4, 5, 6)
		SELECT count(*) FROM ((TABLE r EXCEPT TABLE b) UNION ALL (TABLE b EXCEPT TABLE r)) x`,
	"rollup_honor": `WITH r AS (SELECT year, category_id, status, recipient_kind, unit_kind, edition, demo, honors FROM rollup_honor WHERE honors <> 0),
		b AS (SELECT h.year, h.category_id, h.status, h.recipient_kind, coalesce(u.kind, ''), coalesce(h.edition, ''), h.demo, count(*)
		FROM honors h LEFT JOIN units u ON u.id = h.unit_id GROUP BY 1, 2, 3, 4, 5, 6, 7)
		SELECT count(*) FROM ((TABLE r EXCEPT TABLE b) UNION ALL (TABLE b EXCEPT TABLE r)) x`,
	"rollup_activity": `WITH r AS (SELECT year, kind, demo, activities::numeric, sessions::numeric, participants::numeric FROM rollup_activity WHERE activities <> 0),
		b AS (SELECT year, kind, demo, count(*)::numeric, sum(sessions)::numeric, sum(participants) FROM practice_activities GROUP BY 1, 2, 3)
		SELECT count(*) FROM ((TABLE r EXCEPT TABLE b) UNION ALL (TABLE b EXCEPT TABLE r)) x`,
	"rollup_assessment": `WITH r AS (SELECT year, demo, assessed, vetoed, total_sum FROM rollup_assessment WHERE assessed <> 0),
		b AS (SELECT year, demo, count(*), count(*) FILTER (WHERE veto), coalesce(sum(base_score + bonus) FILTER (WHERE NOT veto), 0)
		FROM assessments GROUP BY 1, 2)
		SELECT count(*) FROM ((TABLE r EXCEPT TABLE b) UNION ALL (TABLE b EXCEPT TABLE r)) x`,
	"rollup_unit_year": `WITH r AS (SELECT unit_id, year, honors::numeric, honor_points, volunteers::numeric, minutes::numeric, verified_minutes::numeric,
		records::numeric, sessions::numeric, participants::numeric FROM rollup_unit_year WHERE honors <> 0 OR records <> 0 OR sessions <> 0),
		b AS (SELECT unit_id, year, sum(honors), sum(honor_points), sum(volunteers), sum(minutes), sum(verified_minutes), sum(records),
		sum(sessions), sum(participants) FROM (
		  SELECT h.unit_id, h.year, count(*) AS honors, sum(c.weight) AS honor_points, 0 AS volunteers, 0 AS minutes, 0 AS verified_minutes,
		    0 AS records, 0 AS sessions, 0 AS participants
		  FROM honors h JOIN honor_categories c ON c.id = h.category_id WHERE h.unit_id IS NOT NULL GROUP BY 1, 2
		  UNION ALL SELECT unit_id, year, 0, 0, sum(volunteers), sum(minutes), coalesce(sum(minutes) FILTER (WHERE verified), 0), count(*), 0, 0
		  FROM volunteer_records GROUP BY 1, 2
		  UNION ALL SELECT unit_id, year, 0, 0, 0, 0, 0, 0, sum(sessions), sum(participants) FROM practice_activities GROUP BY 1, 2) p
		GROUP BY 1, 2)
		SELECT count(*) FROM ((TABLE r EXCEPT TABLE b) UNION ALL (TABLE b EXCEPT TABLE r)) x`,
}

// checkRollups fails tb when any rollup differs from its records.
func checkRollups(tb testing.TB, d *postgres.DB) {
	tb.Helper()
	for _, name := range slices.Sorted(maps.Keys(rollupDiffs)) {
		var n int
		if err := d.Pool().QueryRow(context.Background(), rollupDiffs[name]).Scan(&n); err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		if n != 0 {
			tb.Errorf("%s differs from its records in %d rows", name, n)
		}
	}
}

func version(tb testing.TB, d *postgres.DB) int64 {
	tb.Helper()
	v, err := d.DataVersion(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return v
}

func TestMigrate(t *testing.T) {
	t.Run("ConcurrentOpenMigratesOnce", func(t *testing.T) {
		dsn := pgtest.NewDatabase(t, "")
		const replicas = 3
		var (
			wg    sync.WaitGroup
			dbs   [replicas]*postgres.DB
			errs  [replicas]error
			start = make(chan struct{})
		)
		for i := range replicas {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				dbs[i], errs[i] = postgres.Open(context.Background(), dsn)
			}()
		}
		close(start)
		wg.Wait()
		var first []string
		for i := range replicas {
			if errs[i] != nil {
				t.Fatalf("replica %d: %v", i, errs[i])
			}
			defer dbs[i].Close()
			names, err := dbs[i].AppliedMigrations(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				first = names
			} else if !slices.Equal(names, first) {
				t.Fatalf("replica %d sees %v, replica 0 %v", i, names, first)
			}
		}
		if len(first) < 11 || first[0] != "migrations/0001_init.sql" || first[10] != "migrations/0011_purge_demo_audit.sql" {
			t.Fatalf("applied %v", first)
		}
		var rows, distinct int
		if err := dbs[0].Pool().QueryRow(context.Background(), `SELECT count(*), count(DISTINCT name) FROM schema_migrations`).Scan(&rows, &distinct); err != nil {
			t.Fatal(err)
		}
		if rows != len(first) || distinct != rows {
			t.Fatalf("schema_migrations holds %d rows (%d distinct) for %d migrations", rows, distinct, len(first))
		}
		if v := version(t, dbs[0]); v != 0 {
			t.Fatalf("data version %d after migrating an empty database, want 0", v)
		}
	})
	t.Run("SameNamesAsSQLite", func(t *testing.T) {
		d := open(t, migrated(t))
		names, err := d.AppliedMigrations(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		sqliteNames, err := filepath.Glob("../sqlite/migrations/*.sql")
		if err != nil {
			t.Fatal(err)
		}
		// SQLite may be a migration ahead while its PostgreSQL translation is written; every PostgreSQL
		// migration must still carry a SQLite migration's number and name.
		for _, n := range names {
			if !slices.Contains(sqliteNames, "../sqlite/"+n) {
				t.Errorf("%s has no SQLite migration of the same name", n)
			}
		}
	})
}

func TestLoad(t *testing.T) {
	ctx := context.Background()
	t.Run("RealSeed", func(t *testing.T) {
		d := open(t, migrated(t))
		if empty, err := d.IsEmpty(ctx); err != nil || !empty {
			t.Fatalf("IsEmpty before load = %v, %v", empty, err)
		}
		ds, err := seed.Real()
		if err != nil {
			t.Fatal(err)
		}
		before := version(t, d)
		if err := d.Load(ctx, ds); err != nil {
			t.Fatal(err)
		}
		if empty, err := d.IsEmpty(ctx); err != nil || empty {
			t.Fatalf("IsEmpty after load = %v, %v", empty, err)
		}
		v := version(t, d)
		if v != before+1 {
			t.Fatalf("data version %d after load, want %d", v, before+1)
		}
		time.Sleep(200 * time.Millisecond)
		if again := version(t, d); again != v {
			t.Fatalf("data version moved from %d to %d without a write", v, again)
		}
		var figures, honors int
		if err := d.Pool().QueryRow(ctx, `SELECT (SELECT count(*) FROM published_figures), (SELECT count(*) FROM honors)`).Scan(&figures, &honors); err != nil {
			t.Fatal(err)
		}
		if figures != len(ds.Figures) || honors != len(ds.Honors) {
			t.Fatalf("loaded %d figures and %d honours, want %d and %d", figures, honors, len(ds.Figures), len(ds.Honors))
		}
		checkRollups(t, d)
	})
	t.Run("ValuesRoundTrip", func(t *testing.T) {
		d := open(t, seeded(t))
		ds, err := seed.Real()
		if err != nil {
			t.Fatal(err)
		}
		f := ds.Figures[0]
		var value float64
		var qualifier, quote string
		if err := d.Pool().QueryRow(ctx, `SELECT value, qualifier, quote FROM published_figures WHERE key = $1`, f.Key).Scan(&value, &qualifier, &quote); err != nil {
			t.Fatal(err)
		}
		if value != f.Value || qualifier != string(f.Qualifier) || quote != f.Quote {
			t.Fatalf("figure %s reads back %v %s %q, want %v %s %q", f.Key, value, qualifier, quote, f.Value, f.Qualifier, f.Quote)
		}
		src := ds.Sources[0]
		var published db.Date
		if err := d.Pool().QueryRow(ctx, `SELECT published_on FROM source_documents WHERE id = $1`, src.ID).Scan(&published); err != nil {
			t.Fatal(err)
		}
		if published != src.PublishedOn {
			t.Fatalf("date reads back %q, want %q", published, src.PublishedOn)
		}
	})
	t.Run("ErrNotEmptyChangesNothing", func(t *testing.T) {
		d := open(t, seeded(t))
		ds, err := seed.Real()
		if err != nil {
			t.Fatal(err)
		}
		v := version(t, d)
		if err := d.Load(ctx, ds); db.ErrorCode(err) != db.EINVALID {
			t.Fatalf("second load: %v, want EINVALID", err)
		}
		if after := version(t, d); after != v {
			t.Fatalf("a refused load moved the data version from %d to %d", v, after)
		}
	})
	t.Run("BulkStreamsAndRebuildsRollups", func(t *testing.T) {
		d := open(t, migrated(t))
		b, err := seed.Scale(0.05)
		if err != nil {
			t.Fatal(err)
		}
		t0 := time.Now()
		if err := d.LoadBulk(ctx, b); err != nil {
			t.Fatal(err)
		}
		var records int
		if err := d.Pool().QueryRow(ctx, `SELECT count(*) FROM volunteer_records`).Scan(&records); err != nil {
			t.Fatal(err)
		}
		t.Logf("bulk load of scale 0.05: %d volunteer records in %v", records, time.Since(t0).Round(time.Millisecond))
		if records == 0 {
			t.Fatal("the stream loaded no volunteer records")
		}
		checkRollups(t, d)
		// Identities moved past the loaded ids: an insert without an id does not collide.
		if err := d.WriteSQL(ctx, `INSERT INTO units (name, kind, sector) VALUES ('新增测试单位', '机关', '测试')`); err != nil {
			t.Fatalf("insert after bulk load: %v", err)
		}
	})
}

func TestWatchChanges(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	d := open(t, migrated(t))
	// A poll interval far beyond the deadline: only the notification can deliver in time.
	ch := d.WatchChanges(ctx, time.Minute)
	recv := func(t *testing.T, want int64, within time.Duration) time.Duration {
		t.Helper()
		t0 := time.Now()
		deadline := time.After(within)
		for {
			select {
			case v, ok := <-ch:
				if !ok {
					t.Fatal("channel closed")
				}
				if v == want {
					return time.Since(t0)
				}
			case <-deadline:
				t.Fatalf("version %d not delivered within %v", want, within)
			}
		}
	}
	recv(t, 0, 2*time.Second)
	// Another process writes: a bare connection, not this DB's pool.
	bump := func(t *testing.T) {
		t.Helper()
		conn, err := pgx.Connect(ctx, d.Pool().Config().ConnConfig.ConnString())
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, `UPDATE meta SET value = value + 1 WHERE key = 'data_version'`); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("NotifiedWithinTwoSeconds", func(t *testing.T) {
		time.Sleep(100 * time.Millisecond) // let the listener connect
		bump(t)
		t.Logf("delivered in %v", recv(t, 1, 2*time.Second).Round(time.Millisecond))
	})
	t.Run("AfterListenerReconnects", func(t *testing.T) {
		var killed int
		if err := d.Pool().QueryRow(ctx, `SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
			WHERE datname = current_database() AND query LIKE 'LISTEN%') x`).Scan(&killed); err != nil || killed != 1 {
			t.Fatalf("terminated %d listeners: %v", killed, err)
		}
		bump(t)
		t.Logf("delivered in %v after the listener was cut off", recv(t, 2, 3*time.Second).Round(time.Millisecond))
		// And the new listener hears the next write.
		time.Sleep(300 * time.Millisecond)
		bump(t)
		recv(t, 3, 2*time.Second)
	})
}

func TestExclusive(t *testing.T) {
	dsn := pgtest.NewDatabase(t, migrated(t))
	var inside, most atomic.Int32
	var wg sync.WaitGroup
	for range 2 {
		// Two replicas: two pools on one database.
		d, err := postgres.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := d.Exclusive(context.Background(), func(ctx context.Context) error {
				n := inside.Add(1)
				if n > most.Load() {
					most.Store(n)
				}
				time.Sleep(300 * time.Millisecond)
				inside.Add(-1)
				return nil
			})
			if err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if most.Load() != 1 {
		t.Fatalf("%d callers inside Exclusive at once, want 1", most.Load())
	}
}

func TestWriteTx(t *testing.T) {
	ctx := context.Background()
	d := open(t, seeded(t))
	if err := d.WriteSQL(ctx, `INSERT INTO units (id, name, kind, sector) VALUES (8001, '被引用的单位', '机关', '')`,
		`INSERT INTO people (name, unit_id) VALUES ('引用者', 8001)`); err != nil {
		t.Fatal(err)
	}
	t.Run("BumpsTheVersion", func(t *testing.T) {
		v := version(t, d)
		if err := d.WriteSQL(ctx, `UPDATE units SET sector = sector WHERE false`); err != nil {
			t.Fatal(err)
		}
		if after := version(t, d); after != v+1 {
			t.Fatalf("version %d after a write, want %d", after, v+1)
		}
	})
	for _, tc := range []struct {
		name, sql, code, msg string
	}{
		{"ErrUniqueName", `INSERT INTO units (name, kind, sector) VALUES ('重名单位', '机关', ''), ('重名单位', '医院', '')`, db.ECONFLICT, "同名单位已存在"},
		{"ErrNaturalKey", `INSERT INTO honors (category_id, recipient_kind, recipient_name, unit_id, year, status)
			SELECT c.id, 'UNIT', '测试', 8001, 2021, s FROM (SELECT min(id) AS id FROM honor_categories) c, unnest(ARRAY['AWARDED', 'NOMINATED']) s`,
			db.ECONFLICT, "已有同一类别的荣誉"},
		{"ErrForeignKey", `INSERT INTO people (name, unit_id) VALUES ('测试人物', 999999999)`, db.ECONFLICT, "所引用的记录不存在"},
		{"ErrStillReferenced", `DELETE FROM units WHERE id = 8001`, db.ECONFLICT, "仍被其他记录引用"},
		{"ErrCheck", `INSERT INTO units (name, kind, sector) VALUES ('测试单位', '不存在的类型', '')`, db.EINVALID, "数据不符合约束"},
		{"ErrNotNull", `INSERT INTO units (name, kind) VALUES ('测试单位', '机关')`, db.EINVALID, "不能为空"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := version(t, d)
			err := d.WriteSQL(ctx, tc.sql)
			if db.ErrorCode(err) != tc.code || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("err = %v, want %s containing %q", err, tc.code, tc.msg)
			}
			if after := version(t, d); after != v {
				t.Fatalf("a failed write moved the version from %d to %d", v, after)
			}
		})
	}
}

func TestRollups(t *testing.T) {
	ctx := context.Background()
	t.Run("StayExactThroughWrites", func(t *testing.T) {
		d := open(t, seeded(t))
		steps := []string{
			`INSERT INTO units (id, name, kind, sector) VALUES (9001, '测试机关甲', '机关', '测试'), (9002, '测试高校乙', '高校', '测试')`,
			`INSERT INTO campaigns (id, code, name_zh, name_en, kind, start_date) VALUES (9001, 'TEST_FLOOD', '测试', 'Test', 'FLOOD', '2021-07-20')`,
			`INSERT INTO volunteer_records (unit_id, campaign_id, service_date, volunteers, minutes, method, verified) VALUES
				(9001, NULL, '2021-03-05', 10, 600, 'SIGN_IN', true), (9001, 9001, '2021-07-21', 5, 300, 'SHIFT', false),
				(9002, NULL, '2022-03-05', 7, 420, 'SIGN_IN', true), (9002, 9001, '2021-07-22', 3, 90, 'BACKFILL', true)`,
			`UPDATE volunteer_records SET minutes = minutes + 60, verified = NOT verified WHERE unit_id = 9001`,
			`DELETE FROM volunteer_records WHERE unit_id = 9002 AND campaign_id IS NULL`,
			`INSERT INTO honors (category_id, recipient_kind, recipient_name, unit_id, year, status)
				SELECT id, 'UNIT', '测试机关甲', 9001, 2021, 'AWARDED' FROM honor_categories ORDER BY id LIMIT 2`,
			`INSERT INTO practice_activities (unit_id, activity_date, kind, theme, sessions, participants) VALUES
				(9001, '2021-05-01', 'ROUTINE', '测试主题', 2, 40), (9002, '2022-05-01', 'HERITAGE_TALK', '测试主题', 1, 25)`,
			`UPDATE practice_activities SET participants = participants * 2 WHERE unit_id = 9002`,
			`INSERT INTO assessments (unit_id, year, base_score, bonus, veto, stage) VALUES (9001, 2021, 88.5, 1.25, false, 'NAMED'),
				(9002, 2021, 70.1, 0, true, 'REVIEWED')`,
			`UPDATE assessments SET veto = NOT veto, bonus = 0.1 WHERE unit_id IN (9001, 9002)`,
			`UPDATE units SET kind = '事业单位' WHERE id = 9001`,
			`UPDATE honor_categories SET weight = weight + 0.3 WHERE id = (SELECT min(id) FROM honor_categories)`,
			`DELETE FROM honors WHERE unit_id = 9001 AND year = 2021 AND category_id = (SELECT max(category_id) FROM honors WHERE unit_id = 9001)`,
			`DELETE FROM assessments WHERE unit_id = 9002`,
		}
		for i, s := range steps {
			if err := d.WriteSQL(ctx, s); err != nil {
				t.Fatalf("step %d: %v", i, err)
			}
			checkRollups(t, d)
			if t.Failed() {
				t.Fatalf("rollups drifted after step %d: %s", i, s)
			}
		}
	})
	t.Run("StayExactUnderConcurrentWriters", func(t *testing.T) {
		d := open(t, seeded(t))
		if err := d.WriteSQL(ctx, `INSERT INTO units (id, name, kind, sector) SELECT 9100 + g, '并发测试单位' || g, CASE WHEN g % 2 = 0 THEN '机关' ELSE '医院' END, '测试'
			FROM generate_series(1, 6) g`); err != nil {
			t.Fatal(err)
		}
		const writers, rounds = 6, 8
		t0 := time.Now()
		var wg sync.WaitGroup
		errs := make(chan error, writers*rounds)
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for r := range rounds {
					// Every writer touches every unit's rollup rows, in its own order of rows.
					order := "ASC"
					if (w+r)%2 == 1 {
						order = "DESC"
					}
					ins := fmt.Sprintf(`INSERT INTO volunteer_records (unit_id, service_date, volunteers, minutes, method)
						SELECT 9100 + g, make_date(2021, 1 + %d, 1 + %d), 1, 30, 'SHIFT' FROM generate_series(1, 6) g ORDER BY g %s`, r, w, order)
					upd := fmt.Sprintf(`UPDATE volunteer_records SET minutes = minutes + 1 WHERE unit_id BETWEEN 9101 AND 9106 AND extract(day FROM service_date) = %d`, 1+w)
					if err := d.WriteSQL(ctx, ins, upd); err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		wg.Wait()
		t.Logf("%d writers × %d transactions of two statements in %v", writers, rounds, time.Since(t0).Round(time.Millisecond))
		close(errs)
		for err := range errs {
			t.Errorf("concurrent write: %v", err)
		}
		var n int
		if err := d.Pool().QueryRow(ctx, `SELECT count(*) FROM volunteer_records WHERE unit_id BETWEEN 9101 AND 9106`).Scan(&n); err != nil || n != writers*rounds*6 {
			t.Fatalf("%d records written, want %d (%v)", n, writers*rounds*6, err)
		}
		checkRollups(t, d)
	})
}

func TestWatchChangesEndsOnClose(t *testing.T) {
	d, err := postgres.Open(context.Background(), pgtest.NewDatabase(t, migrated(t)))
	if err != nil {
		t.Fatal(err)
	}
	ch := d.WatchChanges(context.Background(), time.Minute)
	<-ch
	d.Close()
	deadline := time.After(2 * time.Second)
	for {
		select {
		case _, ok := <-ch:
			if !ok {
				return
			}
		case <-deadline:
			t.Fatal("WatchChanges still running 2 s after Close")
		}
	}
}
