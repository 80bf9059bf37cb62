package dbtest

import (
	"context"
	"fmt"
	"math"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/seed"
)

// allYears spans every year a test writes, so that no statistic leaves a record out.
var allYears = db.YearRange{From: 2000, To: 2040}

// rollupChecker is what a backend may offer beyond the interface: a check of its own rollups against its records.
type rollupChecker interface {
	CheckRollups(ctx context.Context) error
}

// mustRollups fails the test unless every rollup-backed statistic equals a recount of the records read one by one.
func mustRollups(tb testing.TB, d db.Backend) {
	tb.Helper()
	if err := checkRollups(context.Background(), d); err != nil {
		tb.Fatalf("rollups: %v", err)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

// checkRollups recounts honours, volunteer records, activities and assessments through Each* and compares the
// counts with HonorStats, VolunteerStats, VolunteerTotalsByUnits, PracticeActivityStats, RankingInputs and Progress,
// which a backend may answer from rollups; a backend that can check its rollups itself does so too.
func checkRollups(ctx context.Context, d db.Backend) error {
	if c, ok := d.(rollupChecker); ok {
		if err := c.CheckRollups(ctx); err != nil {
			return err
		}
	}
	units := map[int64]*db.Unit{}
	if err := d.EachUnit(ctx, db.UnitCriteria{}, func(u *db.Unit) error { units[u.ID] = u; return nil }); err != nil {
		return err
	}
	cats, err := d.HonorCategories(ctx)
	if err != nil {
		return err
	}
	catByID := map[int64]*db.HonorCategory{}
	for _, c := range cats {
		catByID[c.ID] = c
	}
	campaigns, err := d.Campaigns(ctx)
	if err != nil {
		return err
	}
	campaignCode := map[int64]string{}
	for _, c := range campaigns {
		campaignCode[c.ID] = c.Code
	}
	type unitYear struct {
		unit int64
		year int
	}
	type unitYearSums struct {
		points   float64
		minutes  int64
		sessions int
	}
	perUnitYear := map[unitYear]*unitYearSums{}
	sums := func(k unitYear) *unitYearSums {
		if perUnitYear[k] == nil {
			perUnitYear[k] = &unitYearSums{}
		}
		return perUnitYear[k]
	}

	// Honours by year, category, status, recipient kind, unit kind and edition.
	type honorKey struct {
		year                       int
		category, status, kind, uk string
		edition                    string
	}
	type honorSums struct {
		n      int
		points float64
	}
	honors := map[honorKey]*honorSums{}
	if err := d.EachHonor(ctx, db.HonorCriteria{}, func(h *db.Honor) error {
		c := catByID[h.CategoryID]
		if c == nil {
			return fmt.Errorf("honour %d has unknown category %d", h.ID, h.CategoryID)
		}
		k := honorKey{year: h.Year, category: c.Code, status: string(h.Status), kind: string(h.RecipientKind)}
		if h.UnitID != nil {
			k.uk = units[*h.UnitID].Kind
			sums(unitYear{*h.UnitID, h.Year}).points += c.Weight
		}
		if h.Edition != nil {
			k.edition = *h.Edition
		}
		if honors[k] == nil {
			honors[k] = &honorSums{}
		}
		honors[k].n++
		honors[k].points += c.Weight
		return nil
	}); err != nil {
		return err
	}
	hb, err := d.HonorStats(ctx, []db.HonorDimension{db.HonorDimYear, db.HonorDimCategory, db.HonorDimStatus, db.HonorDimRecipientKind, db.HonorDimUnitKind, db.HonorDimEdition}, db.HonorCriteria{})
	if err != nil {
		return err
	}
	seen := 0
	for _, b := range hb {
		if b.Count == 0 {
			continue
		}
		k := honorKey{year: deref(b.Year), category: deref(b.Category), status: string(deref(b.Status)), kind: string(deref(b.RecipientKind)), uk: deref(b.UnitKind), edition: deref(b.Edition)}
		w := honors[k]
		if w == nil || w.n != b.Count || !near(w.points, b.Points) {
			return fmt.Errorf("HonorStats %+v: count %d, points %v; the records give %+v", k, b.Count, b.Points, w)
		}
		seen++
	}
	if seen != len(honors) {
		return fmt.Errorf("HonorStats has %d buckets, the records give %d", seen, len(honors))
	}

	// Volunteer records by month, campaign, unit kind, method and verification, and by unit.
	type volKey struct {
		month, campaign, uk, method string
		verified                    bool
	}
	type volSums struct {
		volunteers, records int
		minutes, verified   int64
	}
	vols := map[volKey]*volSums{}
	byUnit := map[int64]*volSums{}
	if err := d.EachVolunteerRecord(ctx, db.VolunteerCriteria{}, func(r *db.VolunteerRecord) error {
		k := volKey{month: string(r.Date)[:7], campaign: db.RoutineCampaign, uk: units[r.UnitID].Kind, method: string(r.Method), verified: r.Verified}
		if r.CampaignID != nil {
			k.campaign = campaignCode[*r.CampaignID]
		}
		if vols[k] == nil {
			vols[k] = &volSums{}
		}
		if byUnit[r.UnitID] == nil {
			byUnit[r.UnitID] = &volSums{}
		}
		for _, s := range []*volSums{vols[k], byUnit[r.UnitID]} {
			s.volunteers += r.Volunteers
			s.records++
			s.minutes += r.Minutes
			if r.Verified {
				s.verified += r.Minutes
			}
		}
		year := r.Date.Year()
		sums(unitYear{r.UnitID, year}).minutes += r.Minutes
		return nil
	}); err != nil {
		return err
	}
	vb, err := d.VolunteerStats(ctx, []db.VolunteerDimension{db.VolDimMonth, db.VolDimCampaign, db.VolDimUnitKind, db.VolDimMethod, db.VolDimVerified}, db.VolunteerCriteria{})
	if err != nil {
		return err
	}
	seen = 0
	for _, b := range vb {
		if b.Records == 0 {
			continue
		}
		k := volKey{month: deref(b.Month), campaign: deref(b.Campaign), uk: deref(b.UnitKind), method: string(deref(b.Method)), verified: deref(b.Verified)}
		w := vols[k]
		if w == nil || w.records != b.Records || w.volunteers != b.Volunteers || w.minutes != b.Minutes {
			return fmt.Errorf("VolunteerStats %+v: %d records, %d volunteers, %d minutes; the records give %+v", k, b.Records, b.Volunteers, b.Minutes, w)
		}
		seen++
	}
	if seen != len(vols) {
		return fmt.Errorf("VolunteerStats has %d buckets, the records give %d", seen, len(vols))
	}
	ids := make([]int64, 0, len(units))
	for id := range units {
		ids = append(ids, id)
	}
	totals, err := d.VolunteerTotalsByUnits(ctx, ids, allYears)
	if err != nil {
		return err
	}
	for _, id := range ids {
		got, w := totals[id], byUnit[id]
		if w == nil {
			w = &volSums{}
		}
		if got == nil {
			got = &db.VolunteerTotals{}
		}
		if got.Records != w.records || got.Volunteers != w.volunteers || got.Minutes != w.minutes || got.VerifiedMinutes != w.verified {
			return fmt.Errorf("VolunteerTotalsByUnits[%d] = %+v; the records give %+v", id, got, w)
		}
	}

	// Practice activities by year and kind.
	type actKey struct {
		year int
		kind db.ActivityKind
	}
	acts := map[actKey]*db.PracticeActivityBucket{}
	if err := d.EachPracticeActivity(ctx, db.PracticeActivityCriteria{}, func(a *db.PracticeActivity) error {
		year := a.Date.Year()
		k := actKey{year, a.Kind}
		if acts[k] == nil {
			acts[k] = &db.PracticeActivityBucket{Year: year, Kind: a.Kind}
		}
		acts[k].Activities++
		acts[k].Sessions += a.Sessions
		acts[k].Participants += a.Participants
		sums(unitYear{a.UnitID, year}).sessions += a.Sessions
		return nil
	}); err != nil {
		return err
	}
	ab, err := d.PracticeActivityStats(ctx, allYears)
	if err != nil {
		return err
	}
	seen = 0
	for _, b := range ab {
		if b.Activities == 0 {
			continue
		}
		if w := acts[actKey{b.Year, b.Kind}]; w == nil || *w != *b {
			return fmt.Errorf("PracticeActivityStats %+v; the records give %+v", b, w)
		}
		seen++
	}
	if seen != len(acts) {
		return fmt.Errorf("PracticeActivityStats has %d buckets, the records give %d", seen, len(acts))
	}

	// Assessments: the yearly average of the totals that no veto zeroed.
	type avg struct {
		sum float64
		n   int
	}
	avgs := map[int]*avg{}
	if err := d.EachAssessment(ctx, db.AssessmentCriteria{}, func(a *db.Assessment) error {
		if avgs[a.Year] == nil {
			avgs[a.Year] = &avg{}
		}
		if !a.Veto {
			avgs[a.Year].sum += a.Total()
			avgs[a.Year].n++
		}
		return nil
	}); err != nil {
		return err
	}
	progress, err := d.Progress(ctx, db.ProgressAverageAssessmentScore, allYears)
	if err != nil {
		return err
	}
	for _, p := range progress {
		want := 0.0
		if a := avgs[p.Year]; a != nil && a.n > 0 {
			want = math.Round(a.sum/float64(a.n)*100) / 100
		}
		if !near(p.Value, want) {
			return fmt.Errorf("average assessment score of %d = %v; the records give %v", p.Year, p.Value, want)
		}
	}

	// Each unit's ranking inputs of each year with records.
	years := map[int]bool{}
	for k := range perUnitYear {
		years[k.year] = true
	}
	for year := range years {
		ins, err := d.RankingInputs(ctx, year, "")
		if err != nil {
			return err
		}
		for _, in := range ins {
			w := perUnitYear[unitYear{in.UnitID, year}]
			if w == nil {
				w = &unitYearSums{}
			}
			if !near(in.HonorPoints, w.points) || in.VolunteerMinutes != w.minutes || in.PracticeSessions != w.sessions {
				return fmt.Errorf("RankingInputs(%d) of unit %d = %+v; the records give %+v", year, in.UnitID, in, *w)
			}
		}
	}
	return nil
}

// yearBefore is the same day a year earlier (28 February for a leap day).
func yearBefore(d db.Date) db.Date {
	s := fmt.Sprintf("%d%s", d.Year()-1, string(d)[4:])
	if s[5:] == "02-29" {
		s = s[:8] + "28"
	}
	return db.Date(s)
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// testRollups proves that every statistic stays equal to the records through inserts, updates, deletes, restores,
// unit-kind changes and category weight changes, all made through the Store.
func testRollups(t *testing.T, open Opener) {
	ctx := editorCtx()
	ds, err := seed.Demo()
	if err != nil {
		t.Fatal(err)
	}
	d := mustOpenLoaded(t, open, ds)
	cats, err := d.HonorCategories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	catCode := map[int64]string{}
	for _, c := range cats {
		catCode[c.ID] = c.Code
	}
	// every returns the records of one kind whose ID is a multiple of n, read before any write.
	volunteers := func(n int64) (out []*db.VolunteerRecord) {
		if err := d.EachVolunteerRecord(ctx, db.VolunteerCriteria{}, func(r *db.VolunteerRecord) error {
			if r.ID%n == 0 {
				out = append(out, r)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	honors := func(n int64) (out []*db.Honor) {
		if err := d.EachHonor(ctx, db.HonorCriteria{}, func(h *db.Honor) error {
			if h.ID%n == 0 {
				out = append(out, h)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	activities := func(n int64) (out []*db.PracticeActivity) {
		if err := d.EachPracticeActivity(ctx, db.PracticeActivityCriteria{}, func(a *db.PracticeActivity) error {
			if a.ID%n == 0 {
				out = append(out, a)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	assessments := func(n int64) (out []*db.Assessment) {
		if err := d.EachAssessment(ctx, db.AssessmentCriteria{}, func(a *db.Assessment) error {
			if a.ID%n == 0 {
				out = append(out, a)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	volFields := func(r *db.VolunteerRecord) db.VolunteerRecordFields {
		return db.VolunteerRecordFields{UnitID: r.UnitID, CampaignID: r.CampaignID, Date: r.Date, Volunteers: r.Volunteers, Minutes: r.Minutes, Method: r.Method, Verified: r.Verified}
	}
	honorFields := func(h *db.Honor) db.HonorFields {
		return db.HonorFields{CategoryCode: catCode[h.CategoryID], UnitID: h.UnitID, PersonID: h.PersonID, ProjectID: h.ProjectID, WorkID: h.WorkID,
			RecipientName: h.RecipientName, Year: h.Year, Date: h.Date, Edition: h.Edition, Status: &h.Status}
	}
	actFields := func(a *db.PracticeActivity) db.PracticeActivityFields {
		return db.PracticeActivityFields{UnitID: a.UnitID, CenterID: a.CenterID, Date: a.Date, Kind: a.Kind, Theme: a.Theme, Sessions: a.Sessions, Participants: a.Participants, Action: a.Action}
	}
	assessFields := func(a *db.Assessment) db.AssessmentFields {
		scores, err := d.IndicatorScoresByAssessments(ctx, []int64{a.ID})
		if err != nil {
			t.Fatal(err)
		}
		f := db.AssessmentFields{UnitID: a.UnitID, Year: a.Year, BaseScore: a.BaseScore, Bonus: a.Bonus, Veto: a.Veto, Stage: a.Stage}
		for _, s := range scores[a.ID] {
			f.Scores = append(f.Scores, db.IndicatorScoreFields{Code: s.Code, Score: s.Score})
		}
		return f
	}
	must := func(t *testing.T, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	bin := map[db.Entity][]int64{}
	del := func(t *testing.T, e db.Entity, id int64, version int) {
		t.Helper()
		r, err := d.DeleteRecord(ctx, e, id, version)
		must(t, err)
		bin[e] = append(bin[e], r.ID)
	}

	t.Run("AfterLoad", func(t *testing.T) { mustRollups(t, d) })
	t.Run("InsertRecords", func(t *testing.T) {
		u, err := d.CreateUnit(ctx, db.UnitFields{Name: "汇总测试厅（演示）", Kind: "机关"})
		must(t, err)
		for i := range 3 {
			_, err := d.CreateVolunteerRecord(ctx, db.VolunteerRecordFields{UnitID: u.ID, Date: db.Date(fmt.Sprintf("2023-0%d-15", i+1)), Volunteers: 4 + i, Minutes: int64(90 * (i + 1)), Method: db.MethodSignIn, Verified: i%2 == 0})
			must(t, err)
		}
		_, err = d.CreateHonor(ctx, db.HonorFields{CategoryCode: "PROVINCIAL_UNIT", UnitID: &u.ID, Year: 2023})
		must(t, err)
		_, err = d.CreatePracticeActivity(ctx, db.PracticeActivityFields{UnitID: u.ID, Date: "2023-05-18", Kind: db.ActivityRoutine, Theme: "文明交通劝导", Sessions: 3, Participants: 40})
		must(t, err)
		_, err = d.CreateAssessment(ctx, db.AssessmentFields{UnitID: u.ID, Year: 2023, BaseScore: 88.5, Bonus: 2, Stage: db.AllAssessmentStages[0]})
		must(t, err)
		mustRollups(t, d)
	})
	t.Run("UpdateRecords", func(t *testing.T) {
		moved := 0
		for _, r := range volunteers(41) {
			f := volFields(r)
			f.Minutes += 7
			f.Verified = !f.Verified
			if r.CampaignID == nil {
				// Routine service may move a year back, unless a record of the same key is there already.
				f.Date = yearBefore(r.Date)
				if _, err := d.UpdateVolunteerRecord(ctx, r.ID, r.Version, f); err == nil {
					moved++
					continue
				} else if db.ErrorCode(err) != db.ECONFLICT {
					t.Fatal(err)
				}
				f.Date = r.Date
			}
			_, err := d.UpdateVolunteerRecord(ctx, r.ID, r.Version, f)
			must(t, err)
		}
		if moved == 0 {
			t.Fatal("no record moved to another year")
		}
		mustRollups(t, d)
	})
	t.Run("MoveCampaign", func(t *testing.T) {
		for _, r := range volunteers(43) {
			if r.CampaignID == nil {
				continue
			}
			f := volFields(r)
			f.CampaignID = nil
			_, err := d.UpdateVolunteerRecord(ctx, r.ID, r.Version, f)
			must(t, err)
		}
		mustRollups(t, d)
	})
	t.Run("DeleteRecords", func(t *testing.T) {
		for _, r := range volunteers(37) {
			del(t, db.EntityVolunteerRecord, r.ID, r.Version)
		}
		mustRollups(t, d)
	})
	t.Run("UpdateHonors", func(t *testing.T) {
		recommended := db.StatusRecommended
		for _, h := range honors(29) {
			f := honorFields(h)
			f.Year, f.Date, f.Status = 2022, nil, &recommended
			_, err := d.UpdateHonor(ctx, h.ID, h.Version, f)
			must(t, err)
		}
		mustRollups(t, d)
	})
	t.Run("DeleteHonors", func(t *testing.T) {
		for _, h := range honors(31) {
			del(t, db.EntityHonor, h.ID, h.Version)
		}
		mustRollups(t, d)
	})
	t.Run("UpdateActivities", func(t *testing.T) {
		moved := 0
		for _, a := range activities(23) {
			f := actFields(a)
			f.Sessions++
			f.Date = yearBefore(a.Date)
			if _, err := d.UpdatePracticeActivity(ctx, a.ID, a.Version, f); err == nil {
				moved++
				continue
			} else if db.ErrorCode(err) != db.ECONFLICT {
				t.Fatal(err)
			}
			f.Date = a.Date
			_, err := d.UpdatePracticeActivity(ctx, a.ID, a.Version, f)
			must(t, err)
		}
		if moved == 0 {
			t.Fatal("no activity moved to another year")
		}
		mustRollups(t, d)
	})
	t.Run("DeleteActivities", func(t *testing.T) {
		for _, a := range activities(47) {
			del(t, db.EntityPracticeActivity, a.ID, a.Version)
		}
		mustRollups(t, d)
	})
	t.Run("UpdateAssessments", func(t *testing.T) {
		for _, a := range assessments(17) {
			f := assessFields(a)
			f.Veto, f.Bonus = !f.Veto, 5
			_, err := d.UpdateAssessment(ctx, a.ID, a.Version, f)
			must(t, err)
		}
		mustRollups(t, d)
	})
	t.Run("DeleteAssessments", func(t *testing.T) {
		for _, a := range assessments(19) {
			del(t, db.EntityAssessment, a.ID, a.Version)
		}
		mustRollups(t, d)
	})
	t.Run("RestoreRecords", func(t *testing.T) {
		for _, e := range []db.Entity{db.EntityVolunteerRecord, db.EntityHonor, db.EntityPracticeActivity, db.EntityAssessment} {
			if len(bin[e]) == 0 {
				t.Fatalf("nothing deleted of %s", e)
			}
			_, err := d.RestoreRecord(ctx, bin[e][0])
			must(t, err)
		}
		mustRollups(t, d)
	})
	t.Run("ChangeUnitKind", func(t *testing.T) {
		// A unit with records but no campus honour may change kind; its records move to the new kind's buckets.
		var target *db.Unit
		must(t, d.EachUnit(ctx, db.UnitCriteria{}, func(u *db.Unit) error {
			if target == nil && u.Kind == "机关" {
				target = u
			}
			return nil
		}))
		if target == nil {
			t.Fatal("no 机关 unit in the demo dataset")
		}
		_, err := d.UpdateUnit(ctx, target.ID, target.Version, db.UnitFields{Name: target.Name, Kind: "医院", Sector: target.Sector, ServiceWindow: target.ServiceWindow})
		must(t, err)
		mustRollups(t, d)
	})
	t.Run("ChangeCategoryWeight", func(t *testing.T) {
		var w float64
		for _, c := range cats {
			if c.Code == "PROVINCIAL_UNIT" {
				w = c.Weight
			}
		}
		_, err := d.SetHonorCategoryPoints(adminCtx(), "PROVINCIAL_UNIT", w+1)
		must(t, err)
		mustRollups(t, d)
	})
}
