package postgres_test

import (
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dbtest"
)

// TestConformance runs the one conformance suite every backend passes, unchanged, on a fresh migrated database
// per case (cloned from a template, so that a case costs a CREATE DATABASE, not a migration).
func TestConformance(t *testing.T) {
	dbtest.Run(t, func(tb testing.TB) db.Backend { return open(tb, migrated(tb)) })
}
