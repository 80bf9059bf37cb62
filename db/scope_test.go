package db

import (
	"context"
	"testing"
)

// TestScopeOf walks every kind of caller through both kinds of rows: the office reads every unit, a reporter its
// own, anonymous readers the published records only, and whoever the rules do not name reads nothing.
func TestScopeOf(t *testing.T) {
	reporter := &Principal{UserID: 7, Role: RoleReporter, Via: "session", UnitID: 12}
	cases := []struct {
		name                 string
		p                    *Principal
		public               bool
		published, reporting Scope
	}{
		{"Process", nil, false, Scope{All: true}, Scope{}},
		{"Viewer", &Principal{Role: RoleViewer, Via: "session"}, false, Scope{All: true}, Scope{All: true}},
		{"EditorReadToken", &Principal{Role: RoleEditor, Via: "token", Scope: ScopeRead}, false, Scope{All: true}, Scope{All: true}},
		{"Admin", &Principal{Role: RoleAdmin, Via: "session"}, false, Scope{All: true}, Scope{All: true}},
		{"Reporter", reporter, false, Scope{UnitID: 12}, Scope{UnitID: 12}},
		{"ReporterReadToken", &Principal{Role: RoleReporter, Via: "token", Scope: ScopeRead, UnitID: 12}, false, Scope{UnitID: 12}, Scope{UnitID: 12}},
		{"ReporterWhereAnyoneReads", reporter, true, Scope{All: true}, Scope{UnitID: 12}},
		{"ReporterWithoutUnit", &Principal{Role: RoleReporter, Via: "session"}, true, Scope{}, Scope{}},
		{"Anonymous", &Principal{Role: RoleViewer, Via: "anonymous"}, true, Scope{All: true}, Scope{}},
		{"UnknownRole", &Principal{Role: "AUDITOR", Via: "session"}, true, Scope{}, Scope{}},
		{"NoRole", &Principal{Via: "session"}, false, Scope{}, Scope{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			if c.p != nil {
				ctx = WithPrincipal(ctx, c.p)
			}
			if c.public {
				ctx = WithPublicReading(ctx)
			}
			if got := ScopeOf(ctx, PublishedRows); got != c.published {
				t.Errorf("published rows: %+v, want %+v", got, c.published)
			}
			if got := ScopeOf(ctx, ReportingRows); got != c.reporting {
				t.Errorf("reporting rows: %+v, want %+v", got, c.reporting)
			}
		})
	}
}

// TestScopeReads checks which rows and node types a scope reads, and that its cache keys never collide.
func TestScopeReads(t *testing.T) {
	all, unit, none := Scope{All: true}, Scope{UnitID: 12}, Scope{}
	for _, c := range []struct {
		name string
		got  bool
		want bool
	}{
		{"AllReadsAnyUnit", all.Reads(13), true},
		{"AllReadsRowsOfNoUnit", all.Reads(0), true},
		{"UnitReadsItself", unit.Reads(12), true},
		{"UnitReadsNoOther", unit.Reads(13), false},
		{"UnitReadsNoRowOfNoUnit", unit.Reads(0), false},
		{"NoneReadsNothing", none.Reads(0) || none.Reads(12), false},
		{"UnitLooksUpRecords", unit.ReadsNodeType(NodePracticeActivity) && unit.ReadsNodeType(NodeUnit), true},
		{"UnitLooksUpNoPeople", unit.ReadsNodeType(NodePerson), false},
		{"UnitLooksUpNoAccounts", unit.ReadsNodeType(NodeUser) || unit.ReadsNodeType(NodeAuditEntry), false},
		{"NoneLooksUpNothing", none.ReadsNodeType(NodeUnit), false},
		{"AllLooksUpPeople", all.ReadsNodeType(NodePerson), true},
	} {
		if c.got != c.want {
			t.Errorf("%s: %v, want %v", c.name, c.got, c.want)
		}
	}
	keys := map[string]Scope{}
	for _, s := range []Scope{all, unit, none, {UnitID: 120}, {UnitID: 1}} {
		if o, dup := keys[s.Key()]; dup {
			t.Errorf("%+v and %+v share the key %q", s, o, s.Key())
		}
		keys[s.Key()] = s
	}
}

// TestAsPublicReader checks that only a reporter, and only where anyone may read, is turned into an anonymous reader.
func TestAsPublicReader(t *testing.T) {
	reporter := &Principal{UserID: 7, Role: RoleReporter, Via: "session", UnitID: 12}
	leader := &Principal{UserID: 8, Role: RoleViewer, Via: "session"}
	for _, c := range []struct {
		name   string
		p      *Principal
		public bool
		want   string
	}{
		{"ReporterWhereAnyoneReads", reporter, true, "anonymous"},
		{"ReporterElsewhere", reporter, false, "session"},
		{"LeaderWhereAnyoneReads", leader, true, "session"},
	} {
		ctx := WithPrincipal(context.Background(), c.p)
		if c.public {
			ctx = WithPublicReading(ctx)
		}
		if got := PrincipalFrom(AsPublicReader(ctx)); got.Via != c.want || (c.want == "anonymous" && (got.UserID != 0 || got.UnitID != 0)) {
			t.Errorf("%s: %+v", c.name, got)
		}
	}
}

// TestWithCaller: the one-step context answers the caller and public reading exactly as WithPrincipal and
// WithPublicReading one after the other do, and passes every other key to its parent.
func TestWithCaller(t *testing.T) {
	type otherKey struct{}
	parent := context.WithValue(context.Background(), otherKey{}, "kept")
	reporter := &Principal{UserID: 7, Role: RoleReporter, Via: "session", UnitID: 12}
	for _, c := range []struct {
		name   string
		p      *Principal
		public bool
	}{{"Reporter", reporter, false}, {"ReporterPublicReading", reporter, true}, {"Nobody", nil, false}, {"NobodyPublicReading", nil, true}} {
		t.Run(c.name, func(t *testing.T) {
			two := WithPrincipal(parent, c.p)
			if c.public {
				two = WithPrincipal(WithPublicReading(parent), c.p)
			}
			one := WithCaller(parent, c.p, c.public)
			if PrincipalFrom(one) != PrincipalFrom(two) || PublicReading(one) != PublicReading(two) {
				t.Errorf("one step: %v, %v; two steps: %v, %v", PrincipalFrom(one), PublicReading(one), PrincipalFrom(two), PublicReading(two))
			}
			for _, kind := range []RowKind{PublishedRows, ReportingRows} {
				if ScopeOf(one, kind) != ScopeOf(two, kind) {
					t.Errorf("scope of %v: %v against %v", kind, ScopeOf(one, kind), ScopeOf(two, kind))
				}
			}
			if one.Value(otherKey{}) != "kept" {
				t.Error("the parent's value was lost")
			}
		})
	}
}
