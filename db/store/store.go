// Package store is the one SQL store of 文明看板: every query and the Go around it, written once over an Engine
// that says only what SQLite and PostgreSQL do differently.
//
// SQL is hand-written with ? placeholders; the engine's Querier rebinds them where its driver wants $1, $2, ….
// db/sqlite and db/postgres keep what is theirs alone (opening, pools, versions, backups, migrations) and embed a
// *Store for the rest.
package store

import (
	"context"
	"strings"
	"time"

	"github.com/wenming/wenming/db"
)

// Rows is a result set as both database/sql and pgx give it, so that one scan function serves both engines.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close()
}

// Row is one row of a QueryRow; a query that finds none scans sql.ErrNoRows on every engine.
type Row interface {
	Scan(dest ...any) error
}

// Querier runs SQL written with ? placeholders, on a pool or inside a transaction, so that helpers take either.
type Querier interface {
	Query(ctx context.Context, query string, args ...any) (Rows, error)
	QueryRow(ctx context.Context, query string, args ...any) Row
	// Exec runs a statement and returns the number of rows it affected.
	Exec(ctx context.Context, query string, args ...any) (int64, error)
}

// Statement is one query and its arguments, for Engine.Batch.
type Statement struct {
	SQL  string
	Args []any
}

// Engine is what one SQL engine does its own way; the Store asks it and writes everything else once.
type Engine interface {
	// Read is the pool that answers reads outside a transaction.
	Read() Querier
	// ListParam reports whether a list binds as one array parameter (col = ANY(?)), rather than as one
	// placeholder per value (col IN (?, …)).
	ListParam() bool
	// Contains is the condition that col contains the ? argument as a substring.
	Contains(col string) string
	// EqualFold is the condition that col equals the ? argument, ignoring ASCII case.
	EqualFold(col string) string
	// ReadTx runs fn over one snapshot where the engine keeps one (PostgreSQL's repeatable read), or the read pool.
	ReadTx(ctx context.Context, fn func(q Querier) error) error
	// Batch runs statements of one row each over one snapshot, in one round trip where the engine can, and hands
	// each row to scan in order.
	Batch(ctx context.Context, stmts []Statement, scan func(i int, r Row) error) error
	// Instant is how an instant binds as an argument, kept to prec (a millisecond, or a second for the auth
	// tables): SQLite keeps sortable UTC text, PostgreSQL a timestamptz.
	Instant(t time.Time, prec time.Duration) any
	// Write is where writes outside a record transaction go (accounts, sessions, sign-in attempts), and the reads
	// that must see them at once.
	Write() Querier
	// Tx runs fn in one transaction that changes no record, so that it bumps no data version.
	Tx(ctx context.Context, fn func(tx *Tx) error) error
	// LockTable keeps other writers out of table until the transaction ends, where writers run side by side.
	LockTable(ctx context.Context, tx *Tx, table string) error

	// WriteTx runs fn in one write transaction, bumps the data version of the domains fn noted as its last
	// statement, commits, and returns constraint failures as coded db errors. PostgreSQL runs fn again after a
	// serialization failure or a deadlock, so fn must do nothing outside tx that cannot be repeated.
	WriteTx(ctx context.Context, fn func(tx *Tx) error) error
	// NextID allocates the ID of a new record of the entity, never one a live or binned record holds.
	NextID(ctx context.Context, tx *Tx, table string, e db.Entity) (int64, error)
	// IdentityIDs reports whether a table's identity numbers the records that an INSERT without IDs creates, as
	// NextID draws from it (PostgreSQL); otherwise NextID is the largest live or binned ID plus one, and a statement
	// that creates several records numbers them on from it (SQLite).
	IdentityIDs() bool
	// BeginImport opens the transaction of an import into table with its staging table for cols (ImportStage), and
	// returns the natural key that the unique index keyIndex indexes, as pairs of SQL over the target's alias t and
	// over the staged row s, so that matching a row is one probe of that index.
	BeginImport(ctx context.Context, table, keyIndex string, cols []string) (ImportStage, [][2]string, error)
	// ForUpdate is the clause that locks the rows a SELECT reads until the transaction ends, where writers run
	// side by side ("" where one writer runs at a time).
	ForUpdate() string
	// JSONObject is the SQL expression of a JSON object built from 'key', value pairs.
	JSONObject(pairs string) string
	// JSONRow is a FROM item of one row: the fields of the JSON object ?1 named cols, each with the type of the
	// column of table it restores.
	JSONRow(table string, cols []string) string
	// JSONRows is a FROM item named alias: one row for each element of the JSON array at key of the JSON expression
	// param (param itself for key ""), with the typed columns cols ("name type"), or one text column value when cols
	// is empty.
	JSONRows(param, key, alias string, cols ...string) string
	// ByteOrder is expr compared byte by byte, whatever the database's collation.
	ByteOrder(expr string) string
	// JSONField is the SQL expression of the field key of the JSON expression expr.
	JSONField(expr, key string) string
	// DemoSchemaSQL is the SQL that reads from the engine's catalog the tables with a demo column (rollups aside),
	// and every single-column foreign key as the fields of a ForeignKey in order, for PurgeDemo.
	DemoSchemaSQL() (demoTables, foreignKeys string)
	// ConstraintError maps the engine's constraint failures to coded db errors and passes other errors through.
	ConstraintError(err error) error
	// Timeline is the SQL expression of the database's line of history (db.Versions.Timeline): a number that a
	// failover moves on, or 0 where there is none.
	Timeline() string
	// JSONArray is the SQL expression of a JSON array of elem over the rows of from (a table and its WHERE), in
	// order; no rows give [].
	JSONArray(elem, from, order string) string
}

// Store holds every query of 文明看板 once; db/sqlite and db/postgres embed it and supply its Engine.
type Store struct {
	eng Engine
	// list caches eng.ListParam(), asked on every IN list.
	list bool
	// ranking keeps each year's ranking inputs as last read (RankingInputs).
	ranking *rankingBook
	// dataset and unitKinds keep two answers that read whole tables until the next write (versionMemo).
	dataset   versionMemo[db.DatasetInfo]
	unitKinds versionMemo[[]db.UnitKindCount]
}

// New returns the store over an engine.
func New(eng Engine) *Store {
	return &Store{eng: keyedEngine{eng}, list: eng.ListParam(), ranking: newRankingBook()}
}

// DatasetInfo reports demo presence, the data version and the years covered, in one statement so in one snapshot.
// The demo count sums fourteen tables, so the answer is kept until the next write (versionMemo).
func (s *Store) DatasetInfo(ctx context.Context) (db.DatasetInfo, error) {
	stamp, err := s.currentStamp(ctx, s.eng.Read())
	if err != nil {
		return db.DatasetInfo{}, err
	}
	if info, ok := s.dataset.get(stamp); ok {
		return info, nil
	}
	var info db.DatasetInfo
	err = s.eng.Read().QueryRow(ctx, `SELECT
		(SELECT value FROM meta WHERE key = 'data_version'), `+s.eng.Timeline()+`,
		(SELECT coalesce(sum(honors), 0) FROM rollup_honor WHERE demo = TRUE) + (SELECT count(*) FROM units WHERE demo = TRUE)
		+ (SELECT coalesce(sum(records), 0) FROM rollup_volunteer_year WHERE demo = TRUE)
		+ (SELECT coalesce(sum(activities), 0) FROM rollup_activity WHERE demo = TRUE)
		+ (SELECT coalesce(sum(assessed), 0) FROM rollup_assessment WHERE demo = TRUE) + (SELECT count(*) FROM people WHERE demo = TRUE)
		+ (SELECT count(*) FROM donations WHERE demo = TRUE) + (SELECT count(*) FROM works WHERE demo = TRUE)
		+ (SELECT count(*) FROM federation_members WHERE demo = TRUE) + (SELECT count(*) FROM practice_links WHERE demo = TRUE)
		+ (SELECT count(*) FROM wishes WHERE demo = TRUE) + (SELECT count(*) FROM excellent_cases WHERE demo = TRUE)
		+ (SELECT count(*) FROM talent_members WHERE demo = TRUE) + (SELECT count(*) FROM civilisation_events WHERE demo = TRUE),
		coalesce((SELECT min(year) FROM rollup_honor WHERE honors > 0), ?), coalesce((SELECT max(year) FROM rollup_honor WHERE honors > 0), ?)`,
		db.FirstYear, db.LastYear).Scan(&info.Version, &stamp.timeline, &info.DemoRecords, &info.FirstYear, &info.LastYear)
	if err != nil {
		return info, err
	}
	info.HasDemo = info.DemoRecords > 0
	stamp.version = int64(info.Version)
	s.dataset.put(stamp, info)
	return info, nil
}

// CountRows counts a table's rows, to verify a copy (db.TableSource, db.TableSink).
func (s *Store) CountRows(ctx context.Context, table string) (int64, error) {
	if strings.ContainsAny(table, " ;\"'") {
		return 0, db.FieldErrorf("table", "表名无效：%s", table)
	}
	var n int64
	err := s.eng.Read().QueryRow(ctx, `SELECT count(*) FROM "`+table+`"`).Scan(&n)
	return n, err
}

// AppliedMigrations lists the recorded migrations in order, named alike on both engines (migrations/0001_init.sql, …).
func (s *Store) AppliedMigrations(ctx context.Context) ([]string, error) {
	rows, err := s.eng.Read().Query(ctx, `SELECT name FROM schema_migrations ORDER BY name`)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r Rows) (name string, err error) { return name, r.Scan(&name) })
}

// ReadVersions reads the data version with every domain's version in one statement, so in one snapshot.
func (s *Store) ReadVersions(ctx context.Context) (db.Versions, error) {
	var v db.Versions
	rows, err := s.eng.Read().Query(ctx, `SELECT key, value FROM meta WHERE key = 'data_version' OR key LIKE 'data\_version.%' ESCAPE '\'
		UNION ALL SELECT 'timeline', `+s.eng.Timeline())
	if err != nil {
		return v, err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var n int64
		if err := rows.Scan(&k, &n); err != nil {
			return v, err
		}
		v.Set(k, n)
	}
	return v, rows.Err()
}

// IsEmpty reports whether no source document has been loaded yet, i.e. the seed has never run. It counts the whole
// (small) table, so that a damaged SQLite file fails here at start rather than being seeded over.
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	var n int
	err := s.eng.Read().QueryRow(ctx, `SELECT count(*) FROM source_documents`).Scan(&n)
	return n == 0, err
}
