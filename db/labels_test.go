package db_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/wenming/wenming/db"
)

// derivedFields are label-table fields that no GraphQL type has by that name: columns the tables and exports derive
// (an honour's level is its category's), and what an account's audit entry names without exposing it.
var derivedFields = map[string]bool{
	"Honor.level": true, "Honor.unitKind": true, "Honor.citation": true, "Honor.project": true, "Honor.work": true,
	"RankingWeight.weights": true, "User.password": true, "User.signInRefused": true, "User.address": true,
}

// graphQLFields reads the fields of every object type in graph/*.graphqls, extensions included.
func graphQLFields(t *testing.T) map[string]map[string]bool {
	t.Helper()
	files, err := filepath.Glob("../graph/*.graphqls")
	if err != nil || len(files) == 0 {
		t.Fatalf("no schema files: %v", err)
	}
	head := regexp.MustCompile(`^(?:extend\s+)?type\s+(\w+)`)
	field := regexp.MustCompile(`^\s+(\w+)\s*(?:\(.*\))?\s*:`)
	out := map[string]map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		typ := ""
		for _, line := range strings.Split(string(b), "\n") {
			if m := head.FindStringSubmatch(line); m != nil {
				typ = m[1]
				if out[typ] == nil {
					out[typ] = map[string]bool{}
				}
				continue
			}
			if strings.HasPrefix(line, "}") {
				typ = ""
				continue
			}
			if m := field.FindStringSubmatch(line); m != nil && typ != "" {
				out[typ][m[1]] = true
			}
		}
	}
	return out
}

func TestFieldLabels(t *testing.T) {
	t.Run("KnownField", func(t *testing.T) {
		zh, en := db.FieldLabel("VolunteerRecord", "volunteers")
		if zh != "志愿者人次" || en != "Volunteers (person-times)" {
			t.Errorf("VolunteerRecord.volunteers = %q, %q", zh, en)
		}
	})
	t.Run("UnknownFieldNamesItself", func(t *testing.T) {
		if zh, en := db.FieldLabel("Honor", "noSuchField"); zh != "noSuchField" || en != "noSuchField" {
			t.Errorf("unknown field = %q, %q", zh, en)
		}
		if _, ok := db.LookupFieldLabel("Honor", "noSuchField"); ok {
			t.Error("LookupFieldLabel found a field the table lacks")
		}
	})
	t.Run("EveryKeyIsASchemaField", func(t *testing.T) {
		schema := graphQLFields(t)
		for _, e := range db.LabelledEntities() {
			fields, ok := schema[e]
			if !ok {
				t.Errorf("%s is not a GraphQL type", e)
				continue
			}
			for _, f := range db.LabelledFields(e) {
				if !fields[f] && !derivedFields[e+"."+f] {
					t.Errorf("%s.%s is not a field of the GraphQL type (nor a listed derived field)", e, f)
				}
			}
		}
	})
}
