package postgres

// Record writes, ported query by query from db/sqlite/write_records.go; the rules stay in db. Each create or update
// is one writeTx: the record locked (checkVersion … FOR UPDATE), written, snapshotted and audited, the data version
// bumped last.

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/wenming/wenming/db"
)

// Writes keep a record's demo flag as it is: creates are real records (demo = 0), and an edit of a demo record
// leaves it flagged, since its names stay fictional.

// CreateUnit adds a unit.
func (d *DB) CreateUnit(ctx context.Context, in db.UnitFields) (*db.Unit, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := d.create(ctx, db.EntityUnit, func(tx pgx.Tx, id int64) error {
		_, err := tx.Exec(ctx, `INSERT INTO units (id, name, kind, sector, service_window) VALUES ($1,$2,$3,$4,$5)`,
			id, in.Name, in.Kind, in.Sector, in.ServiceWindow)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, d.UnitsByIDs)
}

// UpdateUnit changes a unit. A unit holding campus honours must stay a campus, and one holding window honours a
// service window, so that no honour is left with a recipient of the wrong kind.
func (d *DB) UpdateUnit(ctx context.Context, id int64, expected int, in db.UnitFields) (*db.Unit, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := d.update(ctx, db.EntityUnit, id, expected, func(tx pgx.Tx) error {
		var campusHonors, windowHonors, unitHonors int
		if err := tx.QueryRow(ctx, `SELECT count(*) FILTER (WHERE recipient_kind = 'CAMPUS'), count(*) FILTER (WHERE recipient_kind = 'WINDOW'),
			count(*) FILTER (WHERE recipient_kind = 'UNIT') FROM honors WHERE unit_id = $1`, id).Scan(&campusHonors, &windowHonors, &unitHonors); err != nil {
			return err
		}
		if err := db.CheckUnitChange(in, db.HonorsHeld{Unit: unitHonors, Campus: campusHonors, Window: windowHonors}); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE units SET name = $1, kind = $2, sector = $3, service_window = $4, version = version + 1 WHERE id = $5`,
			in.Name, in.Kind, in.Sector, in.ServiceWindow, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, d.UnitsByIDs)
}

// CreatePerson adds a person.
func (d *DB) CreatePerson(ctx context.Context, in db.PersonFields) (*db.Person, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := d.create(ctx, db.EntityPerson, func(tx pgx.Tx, id int64) error {
		if err := existsOpt(ctx, tx, "units", "unitId", "单位", in.UnitID); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO people (id, name, unit_id, citation) VALUES ($1,$2,$3,$4)`, id, in.Name, in.UnitID, in.Citation)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, d.PeopleByIDs)
}

// UpdatePerson changes a person.
func (d *DB) UpdatePerson(ctx context.Context, id int64, expected int, in db.PersonFields) (*db.Person, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := d.update(ctx, db.EntityPerson, id, expected, func(tx pgx.Tx) error {
		if err := existsOpt(ctx, tx, "units", "unitId", "单位", in.UnitID); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE people SET name = $1, unit_id = $2, citation = $3, version = version + 1 WHERE id = $4`,
			in.Name, in.UnitID, in.Citation, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, d.PeopleByIDs)
}

// resolvedHonor is an honour as the table stores it, resolved from what the client sent.
type resolvedHonor struct {
	categoryID                        int64
	kind                              db.RecipientKind
	name                              string
	unitID, personID, projectID, work *int64
	status                            db.HonorStatus
}

// resolveHonor checks the category and that the recipient matches its recipient kind: UNIT needs a unit that is
// no campus, CAMPUS a 高校 or 中小学, WINDOW a service window, PERSON a person (whose unit it counts for unless
// another is given), PROJECT a volunteer project, WORK a work, and COMMUNITY (no record table) a recipient name and
// no record. The recipient's name is the default name.
func resolveHonor(ctx context.Context, tx pgx.Tx, in db.HonorFields) (*resolvedHonor, error) {
	r := &resolvedHonor{}
	var defStatus db.HonorStatus
	var kinds string
	err := tx.QueryRow(ctx, `SELECT id, recipient_kind, default_status, recipient_kinds FROM honor_categories WHERE code = $1`, in.CategoryCode).
		Scan(&r.categoryID, &r.kind, &defStatus, &kinds)
	if isNoRows(err) {
		return nil, db.FieldErrorf("categoryCode", "未知的荣誉类别代码：%q", in.CategoryCode)
	} else if err != nil {
		return nil, err
	}
	r.kind = db.ChooseRecipientKind(&db.HonorCategory{RecipientKind: r.kind, RecipientKinds: splitEnums[db.RecipientKind](kinds)}, in)
	r.status = defStatus
	if in.Status != nil {
		r.status = *in.Status
	}
	forbid := func(field string, v *int64, what string) error {
		if v != nil {
			return db.FieldErrorf(field, "类别的获得者类型为%s，不应填写%s", db.RecipientKindZh[r.kind], what)
		}
		return nil
	}
	switch r.kind {
	case db.RecipientUnit, db.RecipientCampus, db.RecipientWindow:
		if in.UnitID == nil {
			return nil, db.FieldErrorf("unitId", "%s类荣誉须指定获得单位", db.RecipientKindZh[r.kind])
		}
		for _, f := range []error{forbid("personId", in.PersonID, "人物"), forbid("projectId", in.ProjectID, "项目"), forbid("workId", in.WorkID, "作品")} {
			if f != nil {
				return nil, f
			}
		}
		var kind string
		var window bool
		err := tx.QueryRow(ctx, `SELECT name, kind, service_window FROM units WHERE id = $1`, *in.UnitID).Scan(&r.name, &kind, &window)
		if isNoRows(err) {
			return nil, db.FieldErrorf("unitId", "单位不存在：%d", *in.UnitID)
		} else if err != nil {
			return nil, err
		}
		if err := db.CheckUnitRecipient(r.kind, &db.Unit{Name: r.name, Kind: kind, ServiceWindow: window}); err != nil {
			return nil, err
		}
		r.unitID = in.UnitID
	case db.RecipientPerson:
		if in.PersonID == nil {
			return nil, db.FieldErrorf("personId", "个人类荣誉须指定获得者")
		}
		if err := forbid("projectId", in.ProjectID, "项目"); err != nil {
			return nil, err
		}
		if err := forbid("workId", in.WorkID, "作品"); err != nil {
			return nil, err
		}
		var unit *int64
		err := tx.QueryRow(ctx, `SELECT name, unit_id FROM people WHERE id = $1`, *in.PersonID).Scan(&r.name, &unit)
		if isNoRows(err) {
			return nil, db.FieldErrorf("personId", "人物不存在：%d", *in.PersonID)
		} else if err != nil {
			return nil, err
		}
		r.personID, r.unitID = in.PersonID, unit
		if in.UnitID != nil {
			if err := exists(ctx, tx, "units", "unitId", "单位", *in.UnitID); err != nil {
				return nil, err
			}
			r.unitID = in.UnitID
		}
	case db.RecipientProject, db.RecipientWork:
		table, field, col, id := "volunteer_projects", "projectId", "name", in.ProjectID
		other, otherField := in.WorkID, "workId"
		if r.kind == db.RecipientWork {
			table, field, col, id, other, otherField = "works", "workId", "title", in.WorkID, in.ProjectID, "projectId"
		}
		if id == nil {
			return nil, db.FieldErrorf(field, "%s类荣誉须指定%s", db.RecipientKindZh[r.kind], db.RecipientKindZh[r.kind])
		}
		if err := forbid("personId", in.PersonID, "人物"); err != nil {
			return nil, err
		}
		if err := forbid(otherField, other, "其他获得者"); err != nil {
			return nil, err
		}
		var unit *int64
		err := tx.QueryRow(ctx, `SELECT `+col+`, unit_id FROM `+table+` WHERE id = $1`, *id).Scan(&r.name, &unit)
		if isNoRows(err) {
			return nil, db.FieldErrorf(field, "%s不存在：%d", db.RecipientKindZh[r.kind], *id)
		} else if err != nil {
			return nil, err
		}
		r.unitID = unit
		if in.UnitID != nil {
			if err := exists(ctx, tx, "units", "unitId", "单位", *in.UnitID); err != nil {
				return nil, err
			}
			r.unitID = in.UnitID
		}
		if r.kind == db.RecipientProject {
			r.projectID = id
		} else {
			r.work = id
		}
	case db.RecipientCommunity:
		if in.RecipientName == "" {
			return nil, db.FieldErrorf("recipientName", "社区类荣誉须填写获得者名称（社区名称）")
		}
		for _, f := range []error{forbid("unitId", in.UnitID, "单位"), forbid("personId", in.PersonID, "人物"),
			forbid("projectId", in.ProjectID, "项目"), forbid("workId", in.WorkID, "作品")} {
			if f != nil {
				return nil, f
			}
		}
	}
	if in.RecipientName != "" {
		r.name = in.RecipientName
	}
	return r, nil
}

// CreateHonor adds an honour.
func (d *DB) CreateHonor(ctx context.Context, in db.HonorFields) (*db.Honor, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := d.create(ctx, db.EntityHonor, func(tx pgx.Tx, id int64) error {
		r, err := resolveHonor(ctx, tx, in)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO honors (id, category_id, recipient_kind, recipient_name, unit_id, person_id, project_id, work_id,
			year, date, edition, status) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
			id, r.categoryID, r.kind, r.name, r.unitID, r.personID, r.projectID, r.work, in.Year, in.Date, in.Edition, r.status)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, d.HonorsByIDs)
}

// UpdateHonor changes an honour; its source document stays as it was.
func (d *DB) UpdateHonor(ctx context.Context, id int64, expected int, in db.HonorFields) (*db.Honor, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := d.update(ctx, db.EntityHonor, id, expected, func(tx pgx.Tx) error {
		r, err := resolveHonor(ctx, tx, in)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE honors SET category_id = $1, recipient_kind = $2, recipient_name = $3, unit_id = $4, person_id = $5,
			project_id = $6, work_id = $7, year = $8, date = $9, edition = $10, status = $11, version = version + 1 WHERE id = $12`,
			r.categoryID, r.kind, r.name, r.unitID, r.personID, r.projectID, r.work, in.Year, in.Date, in.Edition, r.status, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, d.HonorsByIDs)
}

// checkVolunteerRefs checks the unit and the campaign, and that a campaign record falls inside the campaign's dates,
// as imports do, so that every record a mutation makes can be exported and imported back.
func checkVolunteerRefs(ctx context.Context, tx pgx.Tx, in db.VolunteerRecordFields) error {
	if err := exists(ctx, tx, "units", "unitId", "单位", in.UnitID); err != nil {
		return err
	}
	if in.CampaignID == nil {
		return nil
	}
	var name string
	var start db.Date
	var end *db.Date
	err := tx.QueryRow(ctx, `SELECT name_zh, start_date::text, end_date::text FROM campaigns WHERE id = $1`, *in.CampaignID).Scan(&name, &start, &end)
	if isNoRows(err) {
		return db.FieldErrorf("campaignId", "专项行动不存在：%d", *in.CampaignID)
	} else if err != nil {
		return err
	}
	if in.Date < start || end != nil && in.Date > *end {
		until := "至今"
		if end != nil {
			until = string(*end)
		}
		return db.FieldErrorf("date", "服务日期 %s 不在专项行动“%s”的起止日期（%s 至 %s）内", in.Date, name, start, until)
	}
	return nil
}

// CreateVolunteerRecord adds a volunteer record.
func (d *DB) CreateVolunteerRecord(ctx context.Context, in db.VolunteerRecordFields) (*db.VolunteerRecord, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := d.create(ctx, db.EntityVolunteerRecord, func(tx pgx.Tx, id int64) error {
		if err := checkVolunteerRefs(ctx, tx, in); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO volunteer_records (id, unit_id, campaign_id, service_date, volunteers, minutes, method, verified)
			VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`, id, in.UnitID, in.CampaignID, in.Date, in.Volunteers, in.Minutes, in.Method, in.Verified)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, d.VolunteerRecordsByIDs)
}

// UpdateVolunteerRecord changes a volunteer record.
func (d *DB) UpdateVolunteerRecord(ctx context.Context, id int64, expected int, in db.VolunteerRecordFields) (*db.VolunteerRecord, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := d.update(ctx, db.EntityVolunteerRecord, id, expected, func(tx pgx.Tx) error {
		if err := checkVolunteerRefs(ctx, tx, in); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE volunteer_records SET unit_id = $1, campaign_id = $2, service_date = $3, volunteers = $4, minutes = $5,
			method = $6, verified = $7, version = version + 1 WHERE id = $8`, in.UnitID, in.CampaignID, in.Date, in.Volunteers, in.Minutes, in.Method, in.Verified, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, d.VolunteerRecordsByIDs)
}

// CreateCampaign adds a campaign.
func (d *DB) CreateCampaign(ctx context.Context, in db.CampaignFields) (*db.Campaign, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := d.create(ctx, db.EntityCampaign, func(tx pgx.Tx, id int64) error {
		_, err := tx.Exec(ctx, `INSERT INTO campaigns (id, code, name_zh, name_en, kind, start_date, end_date, description) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
			id, in.Code, in.NameZh, in.NameEn, in.Kind, in.StartDate, in.EndDate, in.Description)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, d.CampaignsByIDs)
}

// UpdateCampaign changes a campaign. Its code cannot change: published figures name campaigns by code.
func (d *DB) UpdateCampaign(ctx context.Context, id int64, expected int, in db.CampaignFields) (*db.Campaign, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := d.update(ctx, db.EntityCampaign, id, expected, func(tx pgx.Tx) error {
		var code string
		if err := tx.QueryRow(ctx, `SELECT code FROM campaigns WHERE id = $1`, id).Scan(&code); err != nil {
			return err
		}
		if code != in.Code {
			return db.FieldErrorf("code", "专项行动代码不可修改（公布数字按代码核对）：%s", code)
		}
		// A date the office changes becomes the office's (OFFICE); an unchanged date keeps its basis.
		_, err := tx.Exec(ctx, `UPDATE campaigns SET name_zh = $1, name_en = $2, kind = $3,
			start_basis = CASE WHEN start_date IS NOT DISTINCT FROM $4::date THEN start_basis ELSE 'OFFICE' END,
			end_basis = CASE WHEN end_date IS NOT DISTINCT FROM $5::date THEN end_basis ELSE 'OFFICE' END,
			start_date = $4, end_date = $5, description = $6,
			version = version + 1 WHERE id = $7`, in.NameZh, in.NameEn, in.Kind, in.StartDate, in.EndDate, in.Description, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, d.CampaignsByIDs)
}

func checkLinkRefs(ctx context.Context, tx pgx.Tx, in db.PracticeLinkFields) error {
	if err := exists(ctx, tx, "units", "unitId", "单位", in.UnitID); err != nil {
		return err
	}
	return exists(ctx, tx, "practice_centers", "centerId", "实践中心", in.CenterID)
}

// CreatePracticeLink links a unit to a practice centre.
func (d *DB) CreatePracticeLink(ctx context.Context, in db.PracticeLinkFields) (*db.PracticeLink, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := d.create(ctx, db.EntityPracticeLink, func(tx pgx.Tx, id int64) error {
		if err := checkLinkRefs(ctx, tx, in); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO practice_links (id, unit_id, center_id, since_year) VALUES ($1,$2,$3,$4)`, id, in.UnitID, in.CenterID, in.SinceYear)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, d.PracticeLinksByIDs)
}

// UpdatePracticeLink changes a unit's link to a practice centre.
func (d *DB) UpdatePracticeLink(ctx context.Context, id int64, expected int, in db.PracticeLinkFields) (*db.PracticeLink, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := d.update(ctx, db.EntityPracticeLink, id, expected, func(tx pgx.Tx) error {
		if err := checkLinkRefs(ctx, tx, in); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE practice_links SET unit_id = $1, center_id = $2, since_year = $3, version = version + 1 WHERE id = $4`,
			in.UnitID, in.CenterID, in.SinceYear, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, d.PracticeLinksByIDs)
}

func checkActivityRefs(ctx context.Context, tx pgx.Tx, in db.PracticeActivityFields) error {
	if err := exists(ctx, tx, "units", "unitId", "单位", in.UnitID); err != nil {
		return err
	}
	return existsOpt(ctx, tx, "practice_centers", "centerId", "实践中心", in.CenterID)
}

// CreatePracticeActivity adds a practice activity.
func (d *DB) CreatePracticeActivity(ctx context.Context, in db.PracticeActivityFields) (*db.PracticeActivity, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := d.create(ctx, db.EntityPracticeActivity, func(tx pgx.Tx, id int64) error {
		if err := checkActivityRefs(ctx, tx, in); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO practice_activities (id, unit_id, center_id, activity_date, kind, theme, sessions, participants, action)
			VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`, id, in.UnitID, in.CenterID, in.Date, in.Kind, in.Theme, in.Sessions, in.Participants, in.Action)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, d.PracticeActivitiesByIDs)
}

// UpdatePracticeActivity changes a practice activity; its action stays as stored when in.KeepAction is set.
func (d *DB) UpdatePracticeActivity(ctx context.Context, id int64, expected int, in db.PracticeActivityFields) (*db.PracticeActivity, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := d.update(ctx, db.EntityPracticeActivity, id, expected, func(tx pgx.Tx) error {
		if err := checkActivityRefs(ctx, tx, in); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE practice_activities SET unit_id = $1, center_id = $2, activity_date = $3, kind = $4, theme = $5, sessions = $6,
			participants = $7, action = CASE WHEN $8 THEN action ELSE $9 END, version = version + 1 WHERE id = $10`,
			in.UnitID, in.CenterID, in.Date, in.Kind, in.Theme, in.Sessions, in.Participants, in.KeepAction, in.Action, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, d.PracticeActivitiesByIDs)
}

// writeScores replaces an assessment's indicator scores, checking each code against the indicator version in
// force for the year and each score against the indicator's maximum.
func writeScores(ctx context.Context, tx pgx.Tx, assessmentID int64, in db.AssessmentFields) error {
	if _, err := tx.Exec(ctx, `DELETE FROM indicator_scores WHERE assessment_id = $1`, assessmentID); err != nil {
		return err
	}
	if len(in.Scores) == 0 {
		return nil
	}
	var version *int64
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(year), (SELECT min(year) FROM assessment_indicators)) FROM assessment_indicators WHERE year <= $1`,
		in.Year).Scan(&version); err != nil {
		return err
	}
	if version == nil {
		return db.FieldErrorf("scores", "尚未配置测评指标，不能填写指标得分")
	}
	rows, err := tx.Query(ctx, `SELECT code, max_score FROM assessment_indicators WHERE year = $1`, *version)
	if err != nil {
		return err
	}
	maxima := map[string]float64{}
	for rows.Next() {
		var code string
		var m float64
		if err := rows.Scan(&code, &m); err != nil {
			rows.Close()
			return err
		}
		maxima[code] = m
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, s := range in.Scores {
		m, ok := maxima[s.Code]
		if !ok {
			return db.FieldErrorf("scores", "指标代码 %s 不属于 %d 年起施行的指标版本", s.Code, *version)
		}
		if s.Score > m {
			return db.FieldErrorf("scores", "指标 %s 的得分 %v 超过满分 %v", s.Code, s.Score, m)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO indicator_scores (assessment_id, version_year, code, score) VALUES ($1,$2,$3,$4)`,
			assessmentID, *version, s.Code, s.Score); err != nil {
			return err
		}
	}
	return nil
}

// CreateAssessment adds a unit's assessment for a year, with its indicator scores.
func (d *DB) CreateAssessment(ctx context.Context, in db.AssessmentFields) (*db.Assessment, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := d.create(ctx, db.EntityAssessment, func(tx pgx.Tx, id int64) error {
		if err := exists(ctx, tx, "units", "unitId", "单位", in.UnitID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO assessments (id, unit_id, year, base_score, bonus, veto, stage) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
			id, in.UnitID, in.Year, in.BaseScore, in.Bonus, in.Veto, in.Stage); err != nil {
			return err
		}
		return writeScores(ctx, tx, id, in)
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, d.AssessmentsByIDs)
}

// UpdateAssessment changes an assessment and replaces its indicator scores.
func (d *DB) UpdateAssessment(ctx context.Context, id int64, expected int, in db.AssessmentFields) (*db.Assessment, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := d.update(ctx, db.EntityAssessment, id, expected, func(tx pgx.Tx) error {
		if err := exists(ctx, tx, "units", "unitId", "单位", in.UnitID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE assessments SET unit_id = $1, year = $2, base_score = $3, bonus = $4, veto = $5, stage = $6,
			version = version + 1 WHERE id = $7`, in.UnitID, in.Year, in.BaseScore, in.Bonus, in.Veto, in.Stage, id); err != nil {
			return err
		}
		return writeScores(ctx, tx, id, in)
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, d.AssessmentsByIDs)
}

// CreateTarget adds a yearly target.
func (d *DB) CreateTarget(ctx context.Context, in db.TargetFields) (*db.Target, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := d.create(ctx, db.EntityTarget, func(tx pgx.Tx, id int64) error {
		_, err := tx.Exec(ctx, `INSERT INTO targets (id, metric, year, value) VALUES ($1,$2,$3,$4)`, id, in.Metric, in.Year, in.Value)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, d.TargetsByIDs)
}

// UpdateTarget changes a yearly target.
func (d *DB) UpdateTarget(ctx context.Context, id int64, expected int, in db.TargetFields) (*db.Target, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := d.update(ctx, db.EntityTarget, id, expected, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `UPDATE targets SET metric = $1, year = $2, value = $3, version = version + 1 WHERE id = $4`, in.Metric, in.Year, in.Value, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, d.TargetsByIDs)
}

// SetRankingWeights replaces (or creates) the weights version that starts in fromYear.
func (d *DB) SetRankingWeights(ctx context.Context, fromYear int, in []db.RankingWeightFields) ([]*db.RankingWeight, error) {
	if err := db.ValidateRankingWeights(fromYear, in); err != nil {
		return nil, err
	}
	e, key := db.EntityRankingWeights, int64(fromYear)
	err := d.writeTx(ctx, func(tx pgx.Tx) error {
		before, err := snapshot(ctx, tx, e, key)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM ranking_weights WHERE from_year = $1`, fromYear); err != nil {
			return err
		}
		for _, w := range in {
			// Weights an admin sets are the office's own (OFFICE), no longer the shipped DEFAULT.
			if _, err := tx.Exec(ctx, `INSERT INTO ranking_weights (from_year, component, label_zh, weight, basis) VALUES ($1,$2,$3,$4,'OFFICE')`,
				fromYear, w.Component, db.RankingComponentLabelZh(w.Component), w.Weight); err != nil {
				return err
			}
		}
		after, err := snapshot(ctx, tx, e, key)
		if err != nil {
			return err
		}
		action := db.ActionUpdate
		if before == nil {
			action = db.ActionCreate
		}
		return writeAudit(ctx, tx, action, e, &key, before, after)
	})
	if err != nil {
		return nil, err
	}
	return d.RankingWeights(ctx, fromYear)
}

// SetHonorCategoryPoints sets a category's ranking points as the office's own (OFFICE), audited; the honour-points
// rollup follows through its trigger.
func (d *DB) SetHonorCategoryPoints(ctx context.Context, code string, points float64) (*db.HonorCategory, error) {
	if err := db.ValidateCategoryPoints(code, points); err != nil {
		return nil, err
	}
	e := db.EntityHonorCategory
	err := d.writeTx(ctx, func(tx pgx.Tx) error {
		var id int64
		err := tx.QueryRow(ctx, `SELECT id FROM honor_categories WHERE code = $1`, code).Scan(&id)
		if isNoRows(err) {
			return db.FieldErrorf("code", "未知的荣誉类别代码：%q", code)
		} else if err != nil {
			return err
		}
		before, err := snapshot(ctx, tx, e, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE honor_categories SET weight = $1, weight_basis = 'OFFICE' WHERE id = $2`, points, id); err != nil {
			return err
		}
		after, err := snapshot(ctx, tx, e, id)
		if err != nil {
			return err
		}
		return writeAudit(ctx, tx, db.ActionUpdate, e, &id, before, after)
	})
	if err != nil {
		return nil, err
	}
	cats, err := d.HonorCategories(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range cats {
		if c.Code == code {
			return c, nil
		}
	}
	return nil, db.Errorf(db.ENOTFOUND, "荣誉类别不存在：%s", code)
}
