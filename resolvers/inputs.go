package resolvers

import (
	"context"

	"strings"
	"time"

	"github.com/wenming/wenming/db/cache"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/graph/model"
)

// recordGlobalID is the global ID of an entity's record, or nil when the entity has no node type.
func recordGlobalID(e db.Entity, id *int64) *string {
	typ, ok := e.NodeType()
	if !ok || id == nil {
		return nil
	}
	s := db.GlobalID(typ, *id)
	return &s
}

// labelIn is one language of an optional label.
func labelIn(l *db.Label, en bool) *string {
	if l == nil {
		return nil
	}
	if en {
		return &l.En
	}
	return &l.Zh
}

// optionalID decodes an optional global ID of the given type.
func optionalID(field string, typ db.NodeType, gid *string) (*int64, error) {
	if gid == nil || *gid == "" {
		return nil, nil
	}
	id, err := db.ParseTypedID(field, typ, *gid)
	if err != nil {
		return nil, err
	}
	return &id, nil
}

// chinaTime is the time zone in which the office's dates are days (China has no daylight saving).
var chinaTime = time.FixedZone("CST", 8*3600)

// auditBound reads a filter bound: a date means the start of that day in China (the day after it, for an
// inclusive "to"), and an RFC 3339 time means itself.
func auditBound(field, s string, end bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	if d, err := time.ParseInLocation(time.DateOnly, s, chinaTime); err == nil {
		if end {
			d = d.AddDate(0, 0, 1)
		}
		return d, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, db.FieldErrorf(field, "时间格式应为 YYYY-MM-DD 或 RFC 3339：%q", s)
	}
	return t, nil
}

// changed tells live subscribers at once that this process wrote.
func (r *Resolver) changed(ctx context.Context) {
	// Later fields of the same operation must see the new data, not answers cached for the old version.
	cache.ForgetVersion(ctx)
	if l, ok := ctx.Value(loadersKey{}).(*Loaders); ok {
		*l = *NewLoaders(r.Store)
	}
	if r.Live != nil {
		r.Live.Poll(context.WithoutCancel(ctx))
	}
}

func unitFields(in model.UnitInput) db.UnitFields {
	return db.UnitFields{Name: in.Name, Kind: in.Kind, Sector: deref(in.Sector), ServiceWindow: deref(in.ServiceWindow)}
}

func personFields(in model.PersonInput) (db.PersonFields, error) {
	unit, err := optionalID("unitId", db.NodeUnit, in.UnitID)
	return db.PersonFields{Name: in.Name, UnitID: unit, Citation: deref(in.Citation)}, err
}

func honorFields(in model.HonorInput) (db.HonorFields, error) {
	f := db.HonorFields{CategoryCode: in.CategoryCode, RecipientName: deref(in.RecipientName), Year: in.Year, Date: in.Date,
		Edition: in.Edition, Status: in.Status}
	var err error
	if f.UnitID, err = optionalID("unitId", db.NodeUnit, in.UnitID); err != nil {
		return f, err
	}
	if f.PersonID, err = optionalID("personId", db.NodePerson, in.PersonID); err != nil {
		return f, err
	}
	if f.ProjectID, err = optionalID("projectId", db.NodeVolunteerProject, in.ProjectID); err != nil {
		return f, err
	}
	f.WorkID, err = optionalID("workId", db.NodeWork, in.WorkID)
	return f, err
}

func volunteerRecordFields(in model.VolunteerRecordInput) (db.VolunteerRecordFields, error) {
	f := db.VolunteerRecordFields{Date: in.Date, Volunteers: in.Volunteers, Method: in.Method, Verified: deref(in.Verified)}
	var err error
	if f.UnitID, err = db.ParseTypedID("unitId", db.NodeUnit, in.UnitID); err != nil {
		return f, err
	}
	if f.CampaignID, err = optionalID("campaignId", db.NodeCampaign, in.CampaignID); err != nil {
		return f, err
	}
	f.Minutes, err = db.MinutesFromHours("hours", in.Hours)
	return f, err
}

func campaignFields(in model.CampaignInput) db.CampaignFields {
	return db.CampaignFields{Code: in.Code, NameZh: in.NameZh, NameEn: in.NameEn, Kind: in.Kind, StartDate: in.StartDate, EndDate: in.EndDate,
		Description: deref(in.Description)}
}

func practiceLinkFields(in model.PracticeLinkInput) (db.PracticeLinkFields, error) {
	f := db.PracticeLinkFields{SinceYear: in.SinceYear}
	var err error
	if f.UnitID, err = db.ParseTypedID("unitId", db.NodeUnit, in.UnitID); err != nil {
		return f, err
	}
	f.CenterID, err = db.ParseTypedID("centerId", db.NodePracticeCenter, in.CenterID)
	return f, err
}

func practiceActivityFields(in model.PracticeActivityInput) (db.PracticeActivityFields, error) {
	// action is omittable: omitted keeps the stored action on an update (and files nothing on a create), while an
	// explicit null clears it.
	action, set := in.Action.ValueOK()
	f := db.PracticeActivityFields{Date: in.Date, Kind: in.Kind, Theme: in.Theme, Sessions: in.Sessions, Participants: in.Participants,
		Action: action, KeepAction: !set}
	var err error
	if f.UnitID, err = db.ParseTypedID("unitId", db.NodeUnit, in.UnitID); err != nil {
		return f, err
	}
	f.CenterID, err = optionalID("centerId", db.NodePracticeCenter, in.CenterID)
	return f, err
}

func assessmentFields(in model.AssessmentInput) (db.AssessmentFields, error) {
	f := db.AssessmentFields{Year: in.Year, BaseScore: in.BaseScore, Bonus: deref(in.Bonus), Veto: deref(in.Veto), Stage: in.Stage}
	for _, s := range in.Scores {
		f.Scores = append(f.Scores, db.IndicatorScoreFields{Code: s.Code, Score: s.Score})
	}
	var err error
	f.UnitID, err = db.ParseTypedID("unitId", db.NodeUnit, in.UnitID)
	return f, err
}

func targetFields(in model.TargetInput) db.TargetFields {
	return db.TargetFields{Metric: in.Metric, Year: in.Year, Value: in.Value}
}

// write checks the role, runs a store write, and tells live subscribers.
func write[T any](ctx context.Context, r *Resolver, role db.Role, fn func() (T, error)) (T, error) {
	if err := db.Require(ctx, role); err != nil {
		var zero T
		return zero, err
	}
	v, err := fn()
	if err == nil {
		r.changed(ctx)
	}
	return v, err
}

// writeRole is the role that writes records of an entity.
func writeRole(e db.Entity) db.Role {
	if e.AdminOnly() {
		return db.RoleAdmin
	}
	return db.RoleEditor
}

// update decodes the record's global ID and runs a versioned update.
func update[T any](ctx context.Context, r *Resolver, e db.Entity, gid string, fn func(id int64) (T, error)) (T, error) {
	return write(ctx, r, writeRole(e), func() (T, error) {
		typ, _ := e.NodeType()
		id, err := db.ParseTypedID("id", typ, gid)
		if err != nil {
			var zero T
			return zero, err
		}
		return fn(id)
	})
}

// remove moves the record named by a global ID to the recycle bin.
func (r *Resolver) remove(ctx context.Context, e db.Entity, gid string, expectedVersion *int) (*db.DeletedRecord, error) {
	return update(ctx, r, e, gid, func(id int64) (*db.DeletedRecord, error) {
		return r.Store.DeleteRecord(ctx, e, id, deref(expectedVersion))
	})
}
