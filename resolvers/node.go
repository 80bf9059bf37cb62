package resolvers

import (
	"context"

	"github.com/wenming/wenming/db"
)

// node loads any record by type name and row ID; an unknown type or a missing row answers null, as Relay expects.
func (r *Resolver) node(ctx context.Context, typ db.NodeType, id int64) (db.Node, error) {
	if !db.ScopeOf(ctx, db.PublishedRows).ReadsNodeType(typ) {
		return nil, nil
	}
	l := r.loaders(ctx)
	ids := []int64{id}
	var (
		v   db.Node
		err error
	)
	pick := func(found bool, x db.Node) {
		if found {
			v = x
		}
	}
	switch typ {
	case db.NodeUnit:
		var u *db.Unit
		if u, err = one(ctx, l.Units, id); u != nil {
			v = u
		}
	case db.NodePerson:
		var p *db.Person
		if p, err = one(ctx, l.People, id); p != nil {
			v = p
		}
	case db.NodeHonorCategory:
		var c *db.HonorCategory
		if c, err = one(ctx, l.Categories, id); c != nil {
			v = c
		}
	case db.NodeSourceDocument:
		var s *db.SourceDocument
		if s, err = one(ctx, l.Sources, id); s != nil {
			v = s
		}
	case db.NodeCampaign:
		var c *db.Campaign
		if c, err = one(ctx, l.Campaigns, id); c != nil {
			v = c
		}
	case db.NodePracticeCenter:
		var c *db.PracticeCenter
		if c, err = one(ctx, l.Centers, id); c != nil {
			v = c
		}
	case db.NodeHonor:
		var m map[int64]*db.Honor
		m, err = r.Store.HonorsByIDs(ctx, ids)
		pick(m[id] != nil, m[id])
	case db.NodePublishedFigure:
		var m map[int64]*db.PublishedFigure
		m, err = r.Store.PublishedFiguresByIDs(ctx, ids)
		pick(m[id] != nil, m[id])
	case db.NodePracticeLink:
		var m map[int64]*db.PracticeLink
		m, err = r.Store.PracticeLinksByIDs(ctx, ids)
		pick(m[id] != nil, m[id])
	case db.NodePairing:
		var m map[int64]*db.Pairing
		m, err = r.Store.PairingsByIDs(ctx, ids)
		pick(m[id] != nil, m[id])
	case db.NodeAssessment:
		var m map[int64]*db.Assessment
		m, err = r.Store.AssessmentsByIDs(ctx, ids)
		pick(m[id] != nil, m[id])
	case db.NodeVolunteerRecord:
		var m map[int64]*db.VolunteerRecord
		m, err = r.Store.VolunteerRecordsByIDs(ctx, ids)
		pick(m[id] != nil, m[id])
	case db.NodeDonation:
		var m map[int64]*db.Donation
		m, err = r.Store.DonationsByIDs(ctx, ids)
		pick(m[id] != nil, m[id])
	case db.NodeWork:
		var w *db.Work
		if w, err = one(ctx, l.Works, id); w != nil {
			v = w
		}
	case db.NodeVolunteerProject:
		var m map[int64]*db.VolunteerProject
		m, err = r.Store.VolunteerProjectsByIDs(ctx, ids)
		pick(m[id] != nil, m[id])
	case db.NodeMilestone:
		var m map[int64]*db.Milestone
		m, err = r.Store.MilestonesByIDs(ctx, ids)
		pick(m[id] != nil, m[id])
	case db.NodePracticeActivity:
		var m map[int64]*db.PracticeActivity
		m, err = r.Store.PracticeActivitiesByIDs(ctx, ids)
		pick(m[id] != nil, m[id])
	case db.NodeTarget:
		var m map[int64]*db.Target
		m, err = r.Store.TargetsByIDs(ctx, ids)
		pick(m[id] != nil, m[id])
	case db.NodeWish:
		var m map[int64]*db.Wish
		m, err = r.Store.WishesByIDs(ctx, ids)
		pick(m[id] != nil, m[id])
	case db.NodeExcellentCase:
		var m map[int64]*db.ExcellentCase
		m, err = r.Store.ExcellentCasesByIDs(ctx, ids)
		pick(m[id] != nil, m[id])
	case db.NodeTalentMember:
		var m map[int64]*db.TalentMember
		m, err = r.Store.TalentMembersByIDs(ctx, ids)
		pick(m[id] != nil, m[id])
	case db.NodeCivilisationEvent:
		var m map[int64]*db.CivilisationEvent
		m, err = r.Store.CivilisationEventsByIDs(ctx, ids)
		pick(m[id] != nil, m[id])
	case db.NodeCaseCompilation:
		// Compilations are a handful of catalogue rows, read whole.
		var cs []*db.CaseCompilation
		cs, err = r.Store.CaseCompilations(ctx)
		for _, c := range cs {
			pick(c.ID == id, c)
		}
	}
	return v, err
}
