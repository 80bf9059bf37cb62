package db_test

import (
	"testing"

	"github.com/wenming/wenming/db"
)

func TestGlobalID(t *testing.T) {
	t.Run("RoundTrip", func(t *testing.T) {
		gid := db.GlobalID(db.NodeHonor, 42)
		typ, id, err := db.ParseGlobalID("id", gid)
		if err != nil || typ != db.NodeHonor || id != 42 {
			t.Fatalf("%s → %s %d %v", gid, typ, id, err)
		}
	})
	t.Run("ErrWrongType", func(t *testing.T) {
		_, err := db.ParseTypedID("unitId", db.NodeUnit, db.GlobalID(db.NodePerson, 1))
		if db.ErrorCode(err) != db.EINVALID || db.ErrorField(err) != "unitId" {
			t.Fatalf("err = %v", err)
		}
	})
	for _, bad := range []string{"", "!!", "VW5pdA", "VW5pdDow", "VW5pdDotMQ"} {
		t.Run("ErrMalformed/"+bad, func(t *testing.T) {
			if _, _, err := db.ParseGlobalID("id", bad); db.ErrorCode(err) != db.EINVALID {
				t.Fatalf("%q: err = %v", bad, err)
			}
		})
	}
	t.Run("EveryWritableEntityHasANodeType", func(t *testing.T) {
		for _, e := range db.AllEntities {
			if _, ok := e.NodeType(); !ok && e != db.EntityRankingWeights && e != db.EntityDemoData {
				t.Errorf("entity %s has no node type", e)
			}
		}
	})
}
