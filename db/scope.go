package db

import (
	"context"
	"strconv"
)

// Scope is which units' rows a caller may read: every unit's, one unit's (a reporter's), or none. It is decided from
// the session or token alone — never from an argument — and fails closed: a caller the rules do not name reads
// nothing. The shared store turns it into SQL in one place (db/store/scope.go).
type Scope struct {
	// All reads every unit's rows.
	All bool
	// UnitID is the one unit read when All is false; 0 with All false reads nothing.
	UnitID int64
}

// RowKind says which rows a scope is asked for: the published records the dashboard shows, or a unit's reporting
// (tasks, assignments, their history), which anonymous readers never see.
type RowKind int

// Row kinds.
const (
	// PublishedRows are the records: units, honours, volunteer records, practice activities, assessments and the rest.
	PublishedRows RowKind = iota
	// ReportingRows are a unit's reporting: its assignments, their history and comments.
	ReportingRows
)

// None reports whether the scope reads nothing.
func (s Scope) None() bool { return !s.All && s.UnitID == 0 }

// Reads reports whether the scope reads a row of the unit; a row of no unit (unitID 0) is read only by a scope of
// every unit.
func (s Scope) Reads(unitID int64) bool { return s.All || (unitID != 0 && unitID == s.UnitID) }

// Key names the scope for the keys of cached answers: two callers whose keys differ must never share an answer.
func (s Scope) Key() string {
	switch {
	case s.All:
		return "all"
	case s.UnitID != 0:
		return "unit:" + strconv.FormatInt(s.UnitID, 10)
	}
	return "none"
}

// ScopeOf is the caller's scope over rows of the kind:
//   - office viewers, editors and admins (sessions and tokens) read every unit's rows of either kind;
//   - a reporter reads its own unit's rows — and, of the published records, every unit's where anonymous reading is
//     on (PublicReading), since it may always read what anyone may;
//   - an anonymous reader (only where anonymous reading is on) reads every published record and no reporting;
//   - a context without a caller is the process itself (the command line, background jobs, the store's own checks
//     and tests): it reads every published record and no reporting. No request from the network reaches the store
//     without a caller: the HTTP layer refuses it first (Auth.RequireSignIn) or names it anonymous;
//   - anyone else, and any role not named here, reads nothing.
func ScopeOf(ctx context.Context, kind RowKind) Scope {
	p := PrincipalFrom(ctx)
	if p == nil {
		return Scope{All: kind == PublishedRows}
	}
	if p.Via == "anonymous" {
		return Scope{All: kind == PublishedRows && p.Effective() == RoleViewer}
	}
	switch r := p.Effective(); {
	case r == RoleReporter:
		if p.UnitID == 0 {
			return Scope{}
		}
		if kind == PublishedRows && PublicReading(ctx) {
			return Scope{All: true}
		}
		return Scope{UnitID: p.UnitID}
	case r.AtLeast(RoleViewer):
		return Scope{All: true}
	}
	return Scope{}
}

// unitNodeTypes are the node types whose rows belong to one unit, so that a unit's scope decides whether a caller
// reads them; every other type is the province's (catalogues, people, article records, accounts).
var unitNodeTypes = map[NodeType]bool{
	NodeUnit: true, NodeHonor: true, NodeVolunteerRecord: true, NodePracticeActivity: true, NodeAssessment: true,
	NodePracticeLink: true, NodePairing: true,
}

// ReadsNodeType reports whether the scope may look up a node of the type at all: a scope of every unit reads every
// type (each type's own checks still apply), and a unit's scope only the types whose rows belong to a unit, each
// row then checked against the unit. A type refused here answers exactly as a missing ID does.
func (s Scope) ReadsNodeType(t NodeType) bool { return s.All || (!s.None() && unitNodeTypes[t]) }

type publicReadingKey struct{}

// WithPublicReading marks a request to a server where anyone may read the published records without signing in
// (--anonymous-read): a reporter there reads at least what an anonymous caller reads.
func WithPublicReading(ctx context.Context) context.Context {
	return context.WithValue(ctx, publicReadingKey{}, true)
}

// PublicReading reports whether the request reached a server where anyone may read the published records.
func PublicReading(ctx context.Context) bool { v, _ := ctx.Value(publicReadingKey{}).(bool); return v }

// AsPublicReader is the context a unit reporter's request for something that is not its unit's own (a template, a
// view of no unit's rows) runs in where anyone may read the published records: an anonymous reader's, so that a
// reporter reads at least what anyone may, and nothing of its session reaches what anyone may read. Any other
// caller's context is returned as it is.
func AsPublicReader(ctx context.Context) context.Context {
	if p := PrincipalFrom(ctx); p != nil && p.Via != "anonymous" && p.Effective() == RoleReporter && PublicReading(ctx) {
		return WithPrincipal(ctx, &Principal{Role: RoleViewer, Via: "anonymous"})
	}
	return ctx
}

// ReadsReportContents reports whether the caller may read what units entered: a unit's own reporter (the scope
// narrows it to its unit) and the office's editors and admins; leaders (VIEWER) see the progress only.
func ReadsReportContents(ctx context.Context) bool {
	p := PrincipalFrom(ctx)
	if p == nil || p.Via == "anonymous" {
		return false
	}
	r := p.Effective()
	return r == RoleReporter && p.UnitID > 0 || r.AtLeast(RoleEditor)
}
