package httpapi

import (
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/wenming/wenming/db"
)

// Short names for the domains, so that the table below reads as one line per type.
var (
	dU   = db.Domains(db.DomainUnits)
	dH   = db.Domains(db.DomainHonors)
	dV   = db.Domains(db.DomainVolunteer)
	dP   = db.Domains(db.DomainPractice)
	dA   = db.Domains(db.DomainAssessments)
	dT   = db.Domains(db.DomainPlans)
	dR   = db.Domains(db.DomainArticle)
	dC   = db.Domains(db.DomainCatalogue)
	dAll = db.AllDomains
)

// typeDomains is what the fields of each object type read, filters and counts included, reviewed against the
// resolvers and both backends' SQL. A selection depends on the union over every type it reaches (as the parent of
// a selected field, or as a field's type), so a nested field (Unit.honors → Honor) adds its own domains. A type not
// listed here (a new one) depends on everything, so a forgotten entry costs hits, never exactness; a test fails on
// it. Aggregates that mix domains (the overview's KPIs, progress, reconciliation, rankings, the dataset facts) read
// everything.
var typeDomains = map[string]db.DomainSet{
	// Across everything.
	"Overview": dAll, "Kpi": dAll, "YearValue": dAll, "ReconciliationRow": dAll, "RankingEntry": dAll, "ScoreComponent": dAll,
	"DatasetInfo": dAll, "Node": dAll, "UnitRankingPoint": dAll, "Headline": dAll, "HeadlineNumber": dAll,
	// The report's summary is written from the overview's KPIs (and their demo parts).
	"Summary": dAll, "SummaryParagraph": dAll, "SummarySegment": dAll, "SummaryFilter": dAll,
	// Only what whole-dataset writes change: sources, figures, milestones, works, centres, indicators, federation.
	"SourceDocument": dC, "PublishedFigure": dC, "Milestone": dC, "WorkBucket": dC, "AssessmentIndicator": dC | dA,
	"FederationSummary": dC | dV, "FederationYear": dC | dV, "PageInfo": 0,
	// Units and people (a unit filter can ask for links to practice centres; people are filtered by honours).
	"Unit": dU | dP | dC, "UnitEdge": dU | dP | dC, "UnitConnection": dU | dP | dC, "UnitKindCount": dU,
	"Person": dU | dH | dC, "PersonEdge": dU | dH | dC, "PersonConnection": dU | dH | dC,
	// Honours (grouped by unit kind; categories carry points; projects and works are recipients).
	"Honor": dH | dU | dC, "HonorEdge": dH | dU | dC, "HonorConnection": dH | dU | dC, "HonorBucket": dH | dU | dC,
	"HonorCategory": dH | dC,
	// Volunteer service (grouped by unit and campaign; donations are loaded with the dataset).
	"VolunteerRecord": dV | dU | dC, "VolunteerRecordEdge": dV | dU | dC, "VolunteerRecordConnection": dV | dU | dC,
	"VolunteerBucket": dV | dU | dC, "VolunteerTotals": dV | dU, "Campaign": dV | dU | dC, "Donation": dV | dU | dC,
	"VolunteerProject": dC | dU,
	// Works of 赶考路上有我 (loaded with the dataset), with the unit each came from.
	"Work": dC | dU, "WorkEdge": dC | dU, "WorkConnection": dC | dU,
	// Civilisation practice.
	"PracticeCenter": dP | dC, "PracticeLink": dP | dU | dC, "Pairing": dP | dU | dC, "PracticeSummary": dP | dU | dC,
	"PrefectureBucket": dP | dU | dC, "PracticeActivityBucket": dP | dU | dC, "PracticeActivity": dP | dU | dC,
	"PracticeActivityEdge": dP | dU | dC, "PracticeActivityConnection": dP | dU | dC,
	"PracticeActionInfo": dP | dR | dC, "PairingContentCount": dP | dR | dC,
	// Assessments.
	"Assessment": dA | dU | dC, "AssessmentEdge": dA | dU | dC, "AssessmentConnection": dA | dU | dC, "IndicatorScore": dA | dC,
	"AssessmentStageBucket": dA | dU | dC,
	// Plans.
	"Target": dT, "RankingWeight": dT,
	// The article's other records.
	"Wish": dR | dU | dP | dC, "WishEdge": dR | dU | dP | dC, "WishConnection": dR | dU | dP | dC, "WishStageCount": dR | dC,
	"CaseCompilation": dR | dC, "ExcellentCase": dR | dU | dC, "ExcellentCaseEdge": dR | dU | dC, "ExcellentCaseConnection": dR | dU | dC,
	"TalentMember": dR | dU | dC, "TalentMemberEdge": dR | dU | dC, "TalentMemberConnection": dR | dU | dC,
	"TalentRoleCount": dR | dC, "TalentPool": dR | dC,
	"CivilisationEvent": dR | dC, "CivilisationEventEdge": dR | dC, "CivilisationEventConnection": dR | dC,
	// Returned only by mutations, the subscription or @private fields, whose answers are never cached.
	"AuditEntryConnection": dAll, "AuditEntryEdge": dAll, "DeletedRecordConnection": dAll, "DeletedRecordEdge": dAll,
	"DataChange": dAll, "DemoBlocker": dAll, "DemoPurgeReport": dAll, "DemoTableCount": dAll, "ImportError": dAll,
	"ImportReport": dAll, "NewApiToken": dAll, "ImportJob": dAll, "ReportTask": dAll, "ReportAssignment": dAll, "ReportEvent": dAll, "TaskProgress": dAll,
}

// rootTypes are the operation types: their own fields are judged by the types they return.
var rootTypes = map[string]bool{"Query": true, "Mutation": true, "Subscription": true}

// selectionDomains is the set of domains an operation's answer reads: the union of typeDomains over every type its
// selection reaches, through fragments, at any depth. Anything it cannot classify reads everything.
func selectionDomains(schema *ast.Schema, set ast.SelectionSet, depth int) db.DomainSet {
	if depth > 32 {
		return dAll
	}
	var out db.DomainSet
	add := func(def *ast.Definition) {
		if def == nil || rootTypes[def.Name] {
			return
		}
		switch def.Kind {
		case ast.Object, ast.Interface, ast.Union:
			if s, ok := typeDomains[def.Name]; ok {
				out |= s
			} else {
				out |= dAll
			}
		}
	}
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Definition == nil {
				if len(s.Name) > 1 && s.Name[:2] == "__" {
					continue // introspection: the schema, not the data
				}
				return dAll
			}
			add(s.ObjectDefinition)
			add(schema.Types[s.Definition.Type.Name()])
			out |= selectionDomains(schema, s.SelectionSet, depth+1)
		case *ast.InlineFragment:
			add(s.ObjectDefinition)
			out |= selectionDomains(schema, s.SelectionSet, depth+1)
		case *ast.FragmentSpread:
			if s.Definition == nil {
				return dAll
			}
			out |= selectionDomains(schema, s.Definition.SelectionSet, depth+1)
		}
		if out == dAll {
			return out
		}
	}
	return out
}

// TypeDomains reports what the fields of a schema type read, and whether the table lists it, so that a test can
// require every type of the schema to be reviewed.
func TypeDomains(name string) (db.DomainSet, bool) {
	s, ok := typeDomains[name]
	return s, ok
}
