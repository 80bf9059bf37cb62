package seed

import (
	"fmt"
	"math/rand/v2"

	"github.com/wenming/wenming/db"
)

// Province-sized base counts of the scale dataset; `wenming seed --scale N` multiplies them by N.
const (
	ScaleUnits       = 5000
	ScaleHonors      = 100_000
	ScaleRecords     = 2_000_000
	ScaleActivities  = 200_000
	scaleYears       = db.LastYear - db.FirstYear + 1
	scaleFirstUnitID = 1
)

// Scale returns a deterministic, province-sized dataset for benchmarks: the real catalogue plus generated units,
// honours, volunteer records, activities and one assessment per unit per year, all flagged demo.
func Scale(n float64) (*db.BulkDataset, error) {
	if n <= 0 || n > 100 {
		return nil, db.FieldErrorf("scale", "规模倍数必须在 0 到 100 之间：%v", n)
	}
	base, err := Real()
	if err != nil {
		return nil, err
	}
	units := max(10, int(ScaleUnits*n))
	kinds := []string{"机关", "机关", "事业单位", "事业单位", "国有企业", "高校", "中小学", "医院"}
	for i := 0; i < units; i++ {
		kind := kinds[i%len(kinds)]
		base.Units = append(base.Units, &db.Unit{ID: int64(scaleFirstUnitID + i), Name: fmt.Sprintf("规模测试单位%06d（演示）", i+1), Kind: kind,
			Sector: sectors[i%len(sectors)], ServiceWindow: i%3 == 0 && (kind == "事业单位" || kind == "国有企业" || kind == "医院"),
			Campus: kind == "高校" || kind == "中小学", Demo: true})
	}
	unitCats := map[bool][]*db.HonorCategory{}
	for _, c := range base.Categories {
		switch c.RecipientKind {
		case db.RecipientUnit:
			unitCats[false] = append(unitCats[false], c)
		case db.RecipientCampus:
			unitCats[true] = append(unitCats[true], c)
		}
	}
	campus := func(id int64) bool { k := kinds[(id-1)%int64(len(kinds))]; return k == "高校" || k == "中小学" }
	campaigns := base.Campaigns
	src := int64(DemoSourceID)
	base.Sources = append(base.Sources, demoSource())
	b := &db.BulkDataset{Base: base}
	// Honours take distinct (unit, category, year) slots, so that no two are the same honour to an import: the slots
	// of all units are visited in the order of a permutation (a stride coprime to their number), skipping a campus
	// unit's slots beyond its three campus categories.
	b.Honors = func(yield func(*db.Honor) bool) {
		perUnit := len(unitCats[false]) * scaleYears
		slots := units * perUnit
		stride := coprime(slots, 7919)
		k := 0
		for i := 0; i < int(ScaleHonors*n) && k < slots; k++ {
			slot := (k*stride + 17) % slots
			uid := int64(scaleFirstUnitID + slot/perUnit)
			cats := unitCats[campus(uid)]
			ci, year := slot%perUnit/scaleYears, db.FirstYear+slot%scaleYears
			if ci >= len(cats) {
				continue
			}
			c := cats[ci]
			i++
			h := &db.Honor{ID: int64(i), CategoryID: c.ID, RecipientKind: c.RecipientKind, RecipientName: base.Units[uid-scaleFirstUnitID].Name,
				UnitID: &uid, Year: year, Status: c.DefaultStatus, SourceID: &src, Demo: true}
			if !yield(h) {
				return
			}
		}
	}
	// Records and activities take distinct (day, method or kind) slots of their unit, in the order of a permutation,
	// so that none shares a natural key; a campaign record falls inside its campaign's dates.
	days := scaleYears * 365
	first := dayNumber("2019-01-01")
	b.VolunteerRecords = func(yield func(*db.VolunteerRecord) bool) {
		r := rand.New(rand.NewPCG(2, 2))
		methods := db.AllRecordingMethods
		perUnit := days * len(methods)
		stride := coprime(perUnit, 2399)
		for i := 0; i < int(ScaleRecords*n); i++ {
			u, j := i%units, i/units
			slot := (j*stride + u*7919) % perUnit
			date := fromDayNumber(first + slot/len(methods))
			rec := &db.VolunteerRecord{ID: int64(i + 1), UnitID: int64(scaleFirstUnitID + u), Date: date,
				Volunteers: 1 + r.IntN(40), Minutes: int64(30 * (1 + r.IntN(16))), Method: methods[slot%len(methods)], Verified: r.IntN(10) < 8, Demo: true}
			if r.IntN(10) == 0 {
				var open []*db.Campaign
				for _, c := range campaigns {
					if date >= c.StartDate && (c.EndDate == nil || date <= *c.EndDate) {
						open = append(open, c)
					}
				}
				if len(open) > 0 {
					rec.CampaignID = &open[r.IntN(len(open))].ID
				}
			}
			if !yield(rec) {
				return
			}
		}
	}
	b.Activities = func(yield func(*db.PracticeActivity) bool) {
		r := rand.New(rand.NewPCG(3, 3))
		kinds := db.AllActivityKinds
		perUnit := days * len(kinds)
		stride := coprime(perUnit, 2399)
		for i := 0; i < int(ScaleActivities*n); i++ {
			u, j := i%units, i/units
			slot := (j*stride + u*7919) % perUnit
			a := &db.PracticeActivity{ID: int64(i + 1), UnitID: int64(scaleFirstUnitID + u), Date: fromDayNumber(first + slot/len(kinds)),
				Kind: kinds[slot%len(kinds)], Theme: "规模测试活动（演示）", Sessions: 1 + r.IntN(4), Participants: 10 + r.IntN(200), Demo: true}
			if !yield(a) {
				return
			}
		}
	}
	b.Assessments = func(yield func(*db.Assessment) bool) {
		r := rand.New(rand.NewPCG(4, 4))
		id := int64(0)
		for u := 0; u < units; u++ {
			for y := db.FirstYear; y <= db.LastYear; y++ {
				id++
				a := &db.Assessment{ID: id, UnitID: int64(scaleFirstUnitID + u), Year: y, BaseScore: float64(600+r.IntN(400)) / 10,
					Bonus: float64(r.IntN(11)), Veto: r.IntN(500) == 0, Stage: stages[r.IntN(len(stages))], Demo: true}
				if !yield(a) {
					return
				}
			}
		}
	}
	return b, nil
}

// coprime returns the first number from start on that shares no factor with n, the stride of a permutation of n slots.
func coprime(n, start int) int {
	gcd := func(a, b int) int {
		for b != 0 {
			a, b = b, a%b
		}
		return a
	}
	for c := start; ; c++ {
		if gcd(c, n) == 1 {
			return c
		}
	}
}
