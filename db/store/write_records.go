package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/wenming/wenming/db"
)

// Writes keep a record's demo flag as it is: creates are real records (demo = 0), and an edit of a demo record
// leaves it flagged, since its names stay fictional.

// CreateUnit adds a unit.
func (s *Store) CreateUnit(ctx context.Context, in db.UnitFields) (*db.Unit, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := s.create(ctx, db.EntityUnit, func(tx *Tx, id int64) error {
		_, err := tx.Exec(ctx, `INSERT INTO units (id, name, kind, sector, service_window) VALUES (?,?,?,?,?)`,
			id, in.Name, in.Kind, in.Sector, in.ServiceWindow)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.UnitsByIDs)
}

// UpdateUnit changes a unit. A unit holding campus honours must stay a campus, and one holding window honours a
// service window, so that no honour is left with a recipient of the wrong kind.
func (s *Store) UpdateUnit(ctx context.Context, id int64, expected int, in db.UnitFields) (*db.Unit, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := s.update(ctx, db.EntityUnit, id, expected, func(tx *Tx) error {
		var campusHonors, windowHonors, unitHonors int
		if err := tx.QueryRow(ctx, `SELECT count(*) FILTER (WHERE recipient_kind = 'CAMPUS'), count(*) FILTER (WHERE recipient_kind = 'WINDOW'),
			count(*) FILTER (WHERE recipient_kind = 'UNIT') FROM honors WHERE unit_id = ?`, id).Scan(&campusHonors, &windowHonors, &unitHonors); err != nil {
			return err
		}
		if err := db.CheckUnitChange(in, db.HonorsHeld{Unit: unitHonors, Campus: campusHonors, Window: windowHonors}); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE units SET name = ?, kind = ?, sector = ?, service_window = ?, version = version + 1 WHERE id = ?`,
			in.Name, in.Kind, in.Sector, in.ServiceWindow, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.UnitsByIDs)
}

// CreatePerson adds a person.
func (s *Store) CreatePerson(ctx context.Context, in db.PersonFields) (*db.Person, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := s.create(ctx, db.EntityPerson, func(tx *Tx, id int64) error { return insertPerson(ctx, tx, id, in) })
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.PeopleByIDs)
}

// insertPerson writes a new person's row.
func insertPerson(ctx context.Context, tx *Tx, id int64, in db.PersonFields) error {
	if err := existsOpt(ctx, tx, "units", "unitId", "单位", in.UnitID); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `INSERT INTO people (id, name, unit_id, citation) VALUES (?,?,?,?)`, id, in.Name, in.UnitID, in.Citation)
	return err
}

// UpdatePerson changes a person.
func (s *Store) UpdatePerson(ctx context.Context, id int64, expected int, in db.PersonFields) (*db.Person, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := s.update(ctx, db.EntityPerson, id, expected, func(tx *Tx) error {
		if err := existsOpt(ctx, tx, "units", "unitId", "单位", in.UnitID); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE people SET name = ?, unit_id = ?, citation = ?, version = version + 1 WHERE id = ?`,
			in.Name, in.UnitID, in.Citation, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.PeopleByIDs)
}

// honorRow is an honour as the table stores it, resolved from what the client sent.
type honorRow struct {
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
func resolveHonor(ctx context.Context, tx *Tx, in db.HonorFields) (*honorRow, error) {
	r := &honorRow{}
	var defStatus db.HonorStatus
	var kinds string
	err := tx.QueryRow(ctx, `SELECT id, recipient_kind, default_status, recipient_kinds FROM honor_categories WHERE code = ?`, in.CategoryCode).
		Scan(&r.categoryID, &r.kind, &defStatus, &kinds)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.FieldErrorf("categoryCode", "未知的荣誉类别代码：%q", in.CategoryCode)
	} else if err != nil {
		return nil, err
	}
	r.kind = db.ChooseRecipientKind(&db.HonorCategory{RecipientKind: r.kind, RecipientKinds: db.SplitEnums[db.RecipientKind](kinds)}, in)
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
		err := tx.QueryRow(ctx, `SELECT name, kind, service_window FROM units WHERE id = ?`, *in.UnitID).Scan(&r.name, &kind, &window)
		if errors.Is(err, sql.ErrNoRows) {
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
		err := tx.QueryRow(ctx, `SELECT name, unit_id FROM people WHERE id = ?`, *in.PersonID).Scan(&r.name, &unit)
		if errors.Is(err, sql.ErrNoRows) {
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
		err := tx.QueryRow(ctx, `SELECT `+col+`, unit_id FROM `+table+` WHERE id = ?`, *id).Scan(&r.name, &unit)
		if errors.Is(err, sql.ErrNoRows) {
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
func (s *Store) CreateHonor(ctx context.Context, in db.HonorFields) (*db.Honor, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := s.create(ctx, db.EntityHonor, func(tx *Tx, id int64) error { return insertHonor(ctx, tx, id, in) })
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.HonorsByIDs)
}

// insertHonor writes a new honour's row, once its category and recipient check out.
func insertHonor(ctx context.Context, tx *Tx, id int64, in db.HonorFields) error {
	r, err := resolveHonor(ctx, tx, in)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO honors (id, category_id, recipient_kind, recipient_name, unit_id, person_id, project_id, work_id,
		year, date, edition, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
		id, r.categoryID, r.kind, r.name, r.unitID, r.personID, r.projectID, r.work, in.Year, in.Date, in.Edition, r.status)
	return err
}

// UpdateHonor changes an honour; its source document stays as it was.
func (s *Store) UpdateHonor(ctx context.Context, id int64, expected int, in db.HonorFields) (*db.Honor, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := s.update(ctx, db.EntityHonor, id, expected, func(tx *Tx) error {
		r, err := resolveHonor(ctx, tx, in)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE honors SET category_id = ?, recipient_kind = ?, recipient_name = ?, unit_id = ?, person_id = ?,
			project_id = ?, work_id = ?, year = ?, date = ?, edition = ?, status = ?, version = version + 1 WHERE id = ?`,
			r.categoryID, r.kind, r.name, r.unitID, r.personID, r.projectID, r.work, in.Year, in.Date, in.Edition, r.status, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.HonorsByIDs)
}

// checkVolunteerRefs checks the unit and the campaign, and that a campaign record falls inside the campaign's dates,
// as imports do, so that every record a mutation makes can be exported and imported back.
func checkVolunteerRefs(ctx context.Context, tx *Tx, in db.VolunteerRecordFields) error {
	if err := exists(ctx, tx, "units", "unitId", "单位", in.UnitID); err != nil {
		return err
	}
	if in.CampaignID == nil {
		return nil
	}
	var name string
	var start db.Date
	var end *db.Date
	err := tx.QueryRow(ctx, `SELECT name_zh, CAST(start_date AS TEXT), CAST(end_date AS TEXT) FROM campaigns WHERE id = ?`, *in.CampaignID).Scan(&name, &start, &end)
	if errors.Is(err, sql.ErrNoRows) {
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
func (s *Store) CreateVolunteerRecord(ctx context.Context, in db.VolunteerRecordFields) (*db.VolunteerRecord, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := s.create(ctx, db.EntityVolunteerRecord, func(tx *Tx, id int64) error { return insertVolunteerRecord(ctx, tx, id, in) })
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.VolunteerRecordsByIDs)
}

// insertVolunteerRecord writes a new volunteer record's row, once its unit and campaign check out.
func insertVolunteerRecord(ctx context.Context, tx *Tx, id int64, in db.VolunteerRecordFields) error {
	if err := checkVolunteerRefs(ctx, tx, in); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `INSERT INTO volunteer_records (id, unit_id, campaign_id, service_date, volunteers, minutes, method, verified)
		VALUES (?,?,?,?,?,?,?,?)`, id, in.UnitID, in.CampaignID, in.Date, in.Volunteers, in.Minutes, in.Method, in.Verified)
	return err
}

// UpdateVolunteerRecord changes a volunteer record.
func (s *Store) UpdateVolunteerRecord(ctx context.Context, id int64, expected int, in db.VolunteerRecordFields) (*db.VolunteerRecord, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := s.update(ctx, db.EntityVolunteerRecord, id, expected, func(tx *Tx) error {
		if err := checkVolunteerRefs(ctx, tx, in); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE volunteer_records SET unit_id = ?, campaign_id = ?, service_date = ?, volunteers = ?, minutes = ?,
			method = ?, verified = ?, version = version + 1 WHERE id = ?`, in.UnitID, in.CampaignID, in.Date, in.Volunteers, in.Minutes, in.Method, in.Verified, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.VolunteerRecordsByIDs)
}

// CreateCampaign adds a campaign.
func (s *Store) CreateCampaign(ctx context.Context, in db.CampaignFields) (*db.Campaign, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := s.create(ctx, db.EntityCampaign, func(tx *Tx, id int64) error {
		_, err := tx.Exec(ctx, `INSERT INTO campaigns (id, code, name_zh, name_en, kind, start_date, end_date, description) VALUES (?,?,?,?,?,?,?,?)`,
			id, in.Code, in.NameZh, in.NameEn, in.Kind, in.StartDate, in.EndDate, in.Description)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.CampaignsByIDs)
}

// UpdateCampaign changes a campaign. Its code cannot change: published figures name campaigns by code.
func (s *Store) UpdateCampaign(ctx context.Context, id int64, expected int, in db.CampaignFields) (*db.Campaign, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := s.update(ctx, db.EntityCampaign, id, expected, func(tx *Tx) error {
		var code string
		if err := tx.QueryRow(ctx, `SELECT code FROM campaigns WHERE id = ?`, id).Scan(&code); err != nil {
			return err
		}
		if code != in.Code {
			return db.FieldErrorf("code", "专项行动代码不可修改（公布数字按代码核对）：%s", code)
		}
		// A date the office changes becomes the office's (OFFICE); an unchanged date keeps its basis.
		_, err := tx.Exec(ctx, `UPDATE campaigns SET name_zh = ?, name_en = ?, kind = ?,
			start_basis = CASE WHEN start_date IS NOT DISTINCT FROM ?4 THEN start_basis ELSE 'OFFICE' END,
			end_basis = CASE WHEN end_date IS NOT DISTINCT FROM ?5 THEN end_basis ELSE 'OFFICE' END,
			start_date = ?4, end_date = ?5, description = ?,
			version = version + 1 WHERE id = ?`, in.NameZh, in.NameEn, in.Kind, in.StartDate, in.EndDate, in.Description, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.CampaignsByIDs)
}

func checkLinkRefs(ctx context.Context, tx *Tx, in db.PracticeLinkFields) error {
	if err := exists(ctx, tx, "units", "unitId", "单位", in.UnitID); err != nil {
		return err
	}
	return exists(ctx, tx, "practice_centers", "centerId", "实践中心", in.CenterID)
}

// CreatePracticeLink links a unit to a practice centre.
func (s *Store) CreatePracticeLink(ctx context.Context, in db.PracticeLinkFields) (*db.PracticeLink, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := s.create(ctx, db.EntityPracticeLink, func(tx *Tx, id int64) error {
		if err := checkLinkRefs(ctx, tx, in); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO practice_links (id, unit_id, center_id, since_year) VALUES (?,?,?,?)`, id, in.UnitID, in.CenterID, in.SinceYear)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.PracticeLinksByIDs)
}

// UpdatePracticeLink changes a unit's link to a practice centre.
func (s *Store) UpdatePracticeLink(ctx context.Context, id int64, expected int, in db.PracticeLinkFields) (*db.PracticeLink, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := s.update(ctx, db.EntityPracticeLink, id, expected, func(tx *Tx) error {
		if err := checkLinkRefs(ctx, tx, in); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE practice_links SET unit_id = ?, center_id = ?, since_year = ?, version = version + 1 WHERE id = ?`,
			in.UnitID, in.CenterID, in.SinceYear, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.PracticeLinksByIDs)
}

func checkActivityRefs(ctx context.Context, tx *Tx, in db.PracticeActivityFields) error {
	if err := exists(ctx, tx, "units", "unitId", "单位", in.UnitID); err != nil {
		return err
	}
	return existsOpt(ctx, tx, "practice_centers", "centerId", "实践中心", in.CenterID)
}

// CreatePracticeActivity adds a practice activity.
func (s *Store) CreatePracticeActivity(ctx context.Context, in db.PracticeActivityFields) (*db.PracticeActivity, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := s.create(ctx, db.EntityPracticeActivity, func(tx *Tx, id int64) error { return insertPracticeActivity(ctx, tx, id, in) })
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.PracticeActivitiesByIDs)
}

// insertPracticeActivity writes a new practice activity's row, once its unit and centre check out.
func insertPracticeActivity(ctx context.Context, tx *Tx, id int64, in db.PracticeActivityFields) error {
	if err := checkActivityRefs(ctx, tx, in); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `INSERT INTO practice_activities (id, unit_id, center_id, activity_date, kind, theme, sessions, participants, action)
		VALUES (?,?,?,?,?,?,?,?,?)`, id, in.UnitID, in.CenterID, in.Date, in.Kind, in.Theme, in.Sessions, in.Participants, in.Action)
	return err
}

// UpdatePracticeActivity changes a practice activity; its action stays as stored when in.KeepAction is set.
func (s *Store) UpdatePracticeActivity(ctx context.Context, id int64, expected int, in db.PracticeActivityFields) (*db.PracticeActivity, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := s.update(ctx, db.EntityPracticeActivity, id, expected, func(tx *Tx) error {
		if err := checkActivityRefs(ctx, tx, in); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE practice_activities SET unit_id = ?, center_id = ?, activity_date = ?, kind = ?, theme = ?, sessions = ?,
			participants = ?, action = CASE WHEN ? THEN action ELSE ? END, version = version + 1 WHERE id = ?`,
			in.UnitID, in.CenterID, in.Date, in.Kind, in.Theme, in.Sessions, in.Participants, in.KeepAction, in.Action, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.PracticeActivitiesByIDs)
}

// writeScores replaces an assessment's indicator scores, checking each code against the indicator version in
// force for the year and each score against the indicator's maximum.
func writeScores(ctx context.Context, tx *Tx, assessmentID int64, in db.AssessmentFields) error {
	if _, err := tx.Exec(ctx, `DELETE FROM indicator_scores WHERE assessment_id = ?`, assessmentID); err != nil {
		return err
	}
	if len(in.Scores) == 0 {
		return nil
	}
	var version *int64
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(year), (SELECT min(year) FROM assessment_indicators)) FROM assessment_indicators WHERE year <= ?`,
		in.Year).Scan(&version); err != nil {
		return err
	}
	if version == nil {
		return db.FieldErrorf("scores", "尚未配置测评指标，不能填写指标得分")
	}
	rows, err := tx.Query(ctx, `SELECT code, max_score FROM assessment_indicators WHERE year = ?`, *version)
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
		if _, err := tx.Exec(ctx, `INSERT INTO indicator_scores (assessment_id, version_year, code, score) VALUES (?,?,?,?)`,
			assessmentID, *version, s.Code, s.Score); err != nil {
			return err
		}
	}
	return nil
}

// CreateAssessment adds a unit's assessment for a year, with its indicator scores.
func (s *Store) CreateAssessment(ctx context.Context, in db.AssessmentFields) (*db.Assessment, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := s.create(ctx, db.EntityAssessment, func(tx *Tx, id int64) error { return insertAssessment(ctx, tx, id, in) })
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.AssessmentsByIDs)
}

// insertAssessment writes a new assessment's row and its indicator scores.
func insertAssessment(ctx context.Context, tx *Tx, id int64, in db.AssessmentFields) error {
	if err := exists(ctx, tx, "units", "unitId", "单位", in.UnitID); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO assessments (id, unit_id, year, base_score, bonus, veto, stage) VALUES (?,?,?,?,?,?,?)`,
		id, in.UnitID, in.Year, in.BaseScore, in.Bonus, in.Veto, in.Stage); err != nil {
		return err
	}
	return writeScores(ctx, tx, id, in)
}

// UpdateAssessment changes an assessment and replaces its indicator scores.
func (s *Store) UpdateAssessment(ctx context.Context, id int64, expected int, in db.AssessmentFields) (*db.Assessment, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := s.update(ctx, db.EntityAssessment, id, expected, func(tx *Tx) error { return updateAssessment(ctx, tx, id, in) })
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.AssessmentsByIDs)
}

// updateAssessment rewrites an assessment's row and replaces its indicator scores.
func updateAssessment(ctx context.Context, tx *Tx, id int64, in db.AssessmentFields) error {
	if err := exists(ctx, tx, "units", "unitId", "单位", in.UnitID); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `UPDATE assessments SET unit_id = ?, year = ?, base_score = ?, bonus = ?, veto = ?, stage = ?,
		version = version + 1 WHERE id = ?`, in.UnitID, in.Year, in.BaseScore, in.Bonus, in.Veto, in.Stage, id); err != nil {
		return err
	}
	return writeScores(ctx, tx, id, in)
}

// CreateTarget adds a yearly target.
func (s *Store) CreateTarget(ctx context.Context, in db.TargetFields) (*db.Target, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := s.create(ctx, db.EntityTarget, func(tx *Tx, id int64) error {
		_, err := tx.Exec(ctx, `INSERT INTO targets (id, metric, year, value) VALUES (?,?,?,?)`, id, in.Metric, in.Year, in.Value)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.TargetsByIDs)
}

// UpdateTarget changes a yearly target.
func (s *Store) UpdateTarget(ctx context.Context, id int64, expected int, in db.TargetFields) (*db.Target, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := s.update(ctx, db.EntityTarget, id, expected, func(tx *Tx) error {
		_, err := tx.Exec(ctx, `UPDATE targets SET metric = ?, year = ?, value = ?, version = version + 1 WHERE id = ?`, in.Metric, in.Year, in.Value, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.TargetsByIDs)
}

// SetRankingWeights replaces (or creates) the weights version that starts in fromYear.
func (s *Store) SetRankingWeights(ctx context.Context, fromYear int, in []db.RankingWeightFields) ([]*db.RankingWeight, error) {
	if err := db.ValidateRankingWeights(fromYear, in); err != nil {
		return nil, err
	}
	e, key := db.EntityRankingWeights, int64(fromYear)
	err := s.eng.WriteTx(ctx, func(tx *Tx) error {
		before, err := s.snapshot(ctx, tx, e, key)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM ranking_weights WHERE from_year = ?`, fromYear); err != nil {
			return err
		}
		for _, w := range in {
			// Weights an admin sets are the office's own (OFFICE), no longer the shipped DEFAULT.
			if _, err := tx.Exec(ctx, `INSERT INTO ranking_weights (from_year, component, label_zh, weight, basis) VALUES (?,?,?,?,'OFFICE')`,
				fromYear, w.Component, db.RankingComponentLabelZh(w.Component), w.Weight); err != nil {
				return err
			}
		}
		after, err := s.snapshot(ctx, tx, e, key)
		if err != nil {
			return err
		}
		action := db.ActionUpdate
		if before == nil {
			action = db.ActionCreate
		}
		return s.writeAudit(ctx, tx, action, e, &key, before, after)
	})
	if err != nil {
		return nil, err
	}
	return s.RankingWeights(ctx, fromYear)
}

// SetHonorCategoryPoints sets a category's ranking points as the office's own (OFFICE), audited; the honour-points
// rollup follows through its trigger.
func (s *Store) SetHonorCategoryPoints(ctx context.Context, code string, points float64) (*db.HonorCategory, error) {
	if err := db.ValidateCategoryPoints(code, points); err != nil {
		return nil, err
	}
	e := db.EntityHonorCategory
	err := s.eng.WriteTx(ctx, func(tx *Tx) error {
		var id int64
		err := tx.QueryRow(ctx, `SELECT id FROM honor_categories WHERE code = ?`, code).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return db.FieldErrorf("code", "未知的荣誉类别代码：%q", code)
		} else if err != nil {
			return err
		}
		before, err := s.snapshot(ctx, tx, e, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE honor_categories SET weight = ?, weight_basis = 'OFFICE' WHERE id = ?`, points, id); err != nil {
			return err
		}
		after, err := s.snapshot(ctx, tx, e, id)
		if err != nil {
			return err
		}
		return s.writeAudit(ctx, tx, db.ActionUpdate, e, &id, before, after)
	})
	if err != nil {
		return nil, err
	}
	cats, err := s.HonorCategories(ctx)
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
