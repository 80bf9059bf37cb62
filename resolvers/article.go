package resolvers

import (
	"context"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/seed"
	"github.com/wenming/wenming/graph/model"
)

// source loads a cited source document through the request's loader.
func (r *Resolver) source(ctx context.Context, id *int64) (*db.SourceDocument, error) {
	return optional(ctx, r.loaders(ctx).Sources, id)
}

func wishFields(in model.WishInput) (db.WishFields, error) {
	f := db.WishFields{Title: in.Title, Beneficiary: in.Beneficiary, Stage: in.Stage, CollectedOn: in.CollectedOn, Note: deref(in.Note)}
	var err error
	if f.PairingID, err = optionalID("pairingId", db.NodePairing, in.PairingID); err != nil {
		return f, err
	}
	f.UnitID, err = optionalID("unitId", db.NodeUnit, in.UnitID)
	return f, err
}

func excellentCaseFields(in model.ExcellentCaseInput) (db.ExcellentCaseFields, error) {
	f := db.ExcellentCaseFields{Title: in.Title, Year: in.Year, Summary: deref(in.Summary)}
	var err error
	if f.CompilationID, err = db.ParseTypedID("compilationId", db.NodeCaseCompilation, in.CompilationID); err != nil {
		return f, err
	}
	f.UnitID, err = optionalID("unitId", db.NodeUnit, in.UnitID)
	return f, err
}

func talentMemberFields(in model.TalentMemberInput) (db.TalentMemberFields, error) {
	f := db.TalentMemberFields{Name: in.Name, SinceYear: in.SinceYear, Roles: in.Roles}
	var err error
	f.UnitID, err = optionalID("unitId", db.NodeUnit, in.UnitID)
	return f, err
}

func civilisationEventFields(in model.CivilisationEventInput) db.CivilisationEventFields {
	return db.CivilisationEventFields{Kind: in.Kind, Title: in.Title, Date: in.Date, Place: deref(in.Place)}
}

// articleSource is the seed article, which the fixed catalogues of db/article.go quote; nil when it is not loaded.
func (r *Resolver) articleSource(ctx context.Context) (*db.SourceDocument, error) {
	id := int64(seed.SourceID)
	return r.source(ctx, &id)
}
