package seed

import (
	"fmt"
	"math/rand/v2"

	"github.com/wenming/wenming/db"
)

// demo builds the deterministic demo dataset on top of the real one. Every row it adds is flagged Demo, every
// unit and person name is fictional and marked （演示）, and every total that a published figure tracks is made
// equal to that figure (EXACT) or at least it (AT_LEAST, and within 5% for APPROXIMATE).
type demo struct {
	ds  *db.Dataset
	rnd *rand.Rand
	cat map[string]int64
	ids map[string]int64
	// keys holds the natural keys of the records and activities made so far, so that no two are the same record.
	keys map[string]bool
}

// DemoSourceID is the ID of the invented source document that demo records cite, so that none cites the article.
const DemoSourceID = 2

// demoSource is the flagged, invented source of the demo and scale datasets.
func demoSource() *db.SourceDocument {
	return &db.SourceDocument{ID: DemoSourceID, Title: "演示数据（虚构记录，非真实来源）", Publisher: "文明看板演示数据生成器",
		PublishedOn: ArticlePublished, Demo: true}
}

// Demo returns the real dataset plus the demo records for 2019–2024.
func Demo() (*db.Dataset, error) {
	ds, err := Real()
	if err != nil {
		return nil, err
	}
	ds.Sources = append(ds.Sources, demoSource())
	g := &demo{ds: ds, rnd: rand.New(rand.NewPCG(2019, 20241015)), cat: map[string]int64{}, ids: map[string]int64{}, keys: map[string]bool{}}
	for _, c := range ds.Categories {
		g.cat[c.Code] = c.ID
	}
	g.ids["project"] = int64(len(ds.Projects))
	g.units()
	g.creationHonors()
	g.people()
	g.projects()
	g.works()
	g.volunteering()
	g.federation()
	g.practice()
	g.assessments()
	g.targets()
	g.article()
	return ds, nil
}

func (g *demo) next(table string) int64 { g.ids[table]++; return g.ids[table] }

// Fictional name parts; none is the name of a real organisation.
var (
	nameWords = []string{"青禾", "明远", "星河", "松涛", "云帆", "金穗", "晨曦", "清泉", "长风", "安澜", "鸿雁", "丹霞", "翠屏", "远航", "嘉禾", "春晖",
		"若水", "朝阳", "锦程", "启明", "山海", "知行", "致远", "和畅", "立新", "博雅", "弘毅", "怀瑾", "拓远", "润泽", "同舟", "映雪", "临川", "澄澈", "思源", "汇川", "鼎新", "观澜", "蔚然", "昭华"}
	kindSuffix = map[string][]string{
		"机关": {"事务局", "工作委员会", "服务中心办公室", "管理局"}, "事业单位": {"研究院", "发展中心", "信息中心", "检测所"},
		"国有企业": {"集团有限公司", "发展有限公司", "实业公司"}, "高校": {"学院", "职业学院"}, "中小学": {"实验学校", "中学"}, "医院": {"医院", "康复医院"},
	}
	sectors  = []string{"党群系统", "政法系统", "经济系统", "教育系统", "卫生健康系统", "文化旅游系统", "交通系统", "农业农村系统"}
	surnames = []string{"赵", "钱", "孙", "李", "周", "吴", "郑", "王", "冯", "陈", "褚", "卫", "蒋", "沈", "韩", "杨"}
)

var unitPlan = []struct {
	kind   string
	n      int
	window bool
}{{"机关", 90, false}, {"事业单位", 60, true}, {"国有企业", 40, true}, {"高校", 20, false}, {"中小学", 15, false}, {"医院", 15, true}}

// units creates 240 fictional units; campuses are 高校 and 中小学.
func (g *demo) units() {
	n := 0
	for _, p := range unitPlan {
		for i := 0; i < p.n; i++ {
			sfx := kindSuffix[p.kind]
			name := fmt.Sprintf("%s%s（演示%03d）", nameWords[n%len(nameWords)], sfx[(n/len(nameWords)+i)%len(sfx)], n+1)
			g.ds.Units = append(g.ds.Units, &db.Unit{ID: g.next("unit"), Name: name, Kind: p.kind, Sector: sectors[n%len(sectors)],
				ServiceWindow: p.window && i%2 == 0, Campus: p.kind == "高校" || p.kind == "中小学", Demo: true})
			n++
		}
	}
}

func (g *demo) unitsWhere(pred func(*db.Unit) bool) []*db.Unit {
	var out []*db.Unit
	for _, u := range g.ds.Units {
		if pred(u) {
			out = append(out, u)
		}
	}
	return out
}

func (g *demo) honor(code string, year int, kind db.RecipientKind, name string, set func(*db.Honor)) *db.Honor {
	var status db.HonorStatus
	for _, c := range g.ds.Categories {
		if c.Code == code {
			status = c.DefaultStatus
		}
	}
	src := int64(DemoSourceID)
	month, day := 3+g.rnd.IntN(9), 1+g.rnd.IntN(28)
	date := db.Date(fmt.Sprintf("%d-%02d-%02d", year, month, day))
	if date > ArticlePublished {
		// Honours counted toward the article are dated no later than its publication.
		date = db.Date(fmt.Sprintf("%d-%02d-%02d", year, month-3, day))
	}
	h := &db.Honor{ID: g.next("honor"), CategoryID: g.cat[code], RecipientKind: kind, RecipientName: name, Year: year, Date: &date,
		Status: status, SourceID: &src, Demo: true}
	set(h)
	g.ds.Honors = append(g.ds.Honors, h)
	return h
}

// spread returns the year of the i-th of n items spread evenly over years.
func spread(i, n int, years []int) int { return years[i*len(years)/n] }

// creationHonors gives the unit, campus, treatment and window honours of section 四, in the counts the article states.
func (g *demo) creationHonors() {
	plain := g.unitsWhere(func(u *db.Unit) bool { return !u.Campus })
	campus := g.unitsWhere(func(u *db.Unit) bool { return u.Campus })
	institutions := g.unitsWhere(func(u *db.Unit) bool { return u.Kind == "事业单位" })
	windows := g.unitsWhere(func(u *db.Unit) bool { return u.ServiceWindow })
	plans := []struct {
		code  string
		n     int
		pool  []*db.Unit
		kind  db.RecipientKind
		years []int
		off   int
	}{
		{"NATIONAL_CIVILISED_UNIT", 43, plain, db.RecipientUnit, []int{2020, 2023}, 0},
		{"NATIONAL_CIVILISED_CAMPUS", 1, campus, db.RecipientCampus, []int{2023}, 0},
		{"PROVINCIAL_MODEL_UNIT", 36, plain, db.RecipientUnit, []int{2019, 2021, 2024}, 43},
		{"PROVINCIAL_MODEL_CAMPUS", 6, campus, db.RecipientCampus, []int{2019, 2021, 2024}, 1},
		{"PROVINCIAL_UNIT", 83, plain, db.RecipientUnit, []int{2019, 2021, 2024}, 79},
		{"PROVINCIAL_CAMPUS", 7, campus, db.RecipientCampus, []int{2019, 2021, 2024}, 7},
		{"TREAT_NATIONAL_UNIT", 33, institutions, db.RecipientUnit, []int{2021, 2022}, 0},
		{"TREAT_PROVINCIAL_MODEL_UNIT", 10, institutions, db.RecipientUnit, []int{2021, 2022}, 33},
		{"TREAT_PROVINCIAL_UNIT", 22, institutions, db.RecipientUnit, []int{2021, 2022}, 43},
		{"DIRECT_DEMO_WINDOW", 31, windows, db.RecipientWindow, []int{2021, 2023}, 0},
		{"PROVINCIAL_DEMO_WINDOW", 13, windows, db.RecipientWindow, []int{2022, 2024}, 5},
	}
	for _, p := range plans {
		for i := 0; i < p.n; i++ {
			u := p.pool[(p.off+i*7)%len(p.pool)]
			id := u.ID
			g.honor(p.code, spread(i, p.n, p.years), p.kind, u.Name, func(h *db.Honor) { h.UnitID = &id })
		}
	}
}

func (g *demo) person(unit *db.Unit, citation string) *db.Person {
	id := g.next("person")
	uid := unit.ID
	p := &db.Person{ID: id, Name: fmt.Sprintf("%s某%03d（演示）", surnames[int(id)%len(surnames)], id), UnitID: &uid, Citation: citation, Demo: true}
	g.ds.People = append(g.ds.People, p)
	return p
}

func (g *demo) personHonor(code string, year int, p *db.Person, edition string) {
	pid := p.ID
	g.honor(code, year, db.RecipientPerson, p.Name, func(h *db.Honor) {
		h.PersonID, h.UnitID = &pid, p.UnitID
		if edition != "" {
			e := edition
			h.Edition = &e
		}
	})
}

// people creates the moral models (6th–8th editions), candidates, good people and service stars of section 二 and 四.
func (g *demo) people() {
	editions := []struct {
		name            string
		year            int
		models, nominee int
	}{{"第六届", 2019, 10, 14}, {"第七届", 2021, 10, 13}, {"第八届", 2023, 10, 13}} // 70 in all
	var models []*db.Person
	var modelYears []int
	k := 0
	for _, e := range editions {
		for i := 0; i < e.models+e.nominee; i++ {
			u := g.ds.Units[(k*11)%len(g.ds.Units)]
			k++
			code, cit := "DIRECT_MORAL_MODEL", "演示事迹：爱岗敬业、助人为乐的先进事迹（虚构）。"
			if i >= e.models {
				code, cit = "DIRECT_MORAL_MODEL_NOMINEE", "演示事迹：见义勇为、诚实守信的先进事迹（虚构）。"
			}
			p := g.person(u, cit)
			g.personHonor(code, e.year, p, e.name)
			if i < e.models {
				models = append(models, p)
				modelYears = append(modelYears, e.year)
			}
		}
	}
	// 18 candidates recommended upward, chosen from the models: 6 national, 12 provincial.
	for i := 0; i < 18; i++ {
		code := "PROVINCIAL_MORAL_MODEL_CANDIDATE"
		if i < 6 {
			code = "NATIONAL_MORAL_MODEL_CANDIDATE"
		}
		j := i * len(models) / 18
		g.personHonor(code, min(modelYears[j]+1, db.LastYear), models[j], "")
	}
	all := []int{2019, 2020, 2021, 2022, 2023, 2024}
	for _, gp := range []struct {
		code string
		n    int
	}{{"CHINA_GOOD_PERSON", 7}, {"HENAN_GOOD_PERSON", 46}, {"DIRECT_GOOD_PERSON", 273}} {
		for i := 0; i < gp.n; i++ {
			p := g.person(g.ds.Units[(k*13)%len(g.ds.Units)], "演示事迹：身边好人好事（虚构）。")
			k++
			g.personHonor(gp.code, spread(i, gp.n, all), p, "")
		}
	}
	windows := g.unitsWhere(func(u *db.Unit) bool { return u.ServiceWindow })
	var stars []*db.Person
	for i := 0; i < 31; i++ {
		p := g.person(windows[(i*5)%len(windows)], "演示事迹：窗口岗位文明优质服务（虚构）。")
		stars = append(stars, p)
		g.personHonor("DIRECT_SERVICE_STAR", spread(i, 31, []int{2021, 2023}), p, "")
	}
	for i := 0; i < 13; i++ {
		g.personHonor("PROVINCIAL_SERVICE_STAR", spread(i, 13, []int{2022, 2024}), stars[i*2], "")
	}
}

var projectFields = []string{"理论宣讲", "文艺文化", "生态环保", "法律援助", "邻里守望", "医疗卫生", "教育帮扶", "文明交通"}

// projects creates fictional volunteer projects and gives the 四个优秀, excellent-project and typical-case honours.
func (g *demo) projects() {
	var pool []*db.VolunteerProject
	for i := 0; i < 340; i++ {
		u := g.ds.Units[(i*3)%len(g.ds.Units)]
		uid := u.ID
		p := &db.VolunteerProject{ID: g.next("project"), Name: fmt.Sprintf("%s志愿服务项目（演示%03d）", projectFields[i%len(projectFields)], i+1),
			Field: projectFields[i%len(projectFields)], UnitID: &uid, Demo: true}
		g.ds.Projects = append(g.ds.Projects, p)
		pool = append(pool, p)
	}
	all := []int{2019, 2020, 2021, 2022, 2023, 2024}
	for _, pl := range []struct {
		code  string
		n     int
		years []int
	}{{"HENAN_FOUR_EXCELLENT", 334, all}, {"DIRECT_FOUR_EXCELLENT", 160, all}, {"PRACTICE_EXCELLENT_PROJECT", 13, []int{2022, 2023, 2024}}, {"VOLUNTEER_TYPICAL_CASE", 7, []int{2023, 2024}}} {
		for i := 0; i < pl.n; i++ {
			p := pool[(i*7)%len(pool)]
			pid := p.ID
			g.honor(pl.code, spread(i, pl.n, pl.years), db.RecipientProject, p.Name, func(h *db.Honor) { h.ProjectID, h.UnitID = &pid, p.UnitID })
		}
	}
}

// works creates 3,520 fictional works of 赶考路上有我 (2021–2023): 86 selected at provincial level, 450 at provincial-direct.
func (g *demo) works() {
	kinds := []string{"书法", "绘画", "摄影", "演讲"}
	years := []int{2021, 2022, 2023}
	const n = 3520
	direct := 0
	for i := 0; i < n; i++ {
		u := g.ds.Units[(i*17)%len(g.ds.Units)]
		uid := u.ID
		sel := db.WorkCollected
		switch {
		case i%40 == 0 && i/40 < 86:
			sel = db.WorkProvincial
		case i%7 == 3 && direct < 450:
			sel = db.WorkProvincialDirect
			direct++
		}
		w := &db.Work{ID: g.next("work"), Title: fmt.Sprintf("%s作品《赶考路上》之%04d（演示）", kinds[i%4], i+1), Kind: kinds[i%4], UnitID: &uid,
			Year: spread(i, n, years), Selection: sel, Demo: true}
		g.ds.Works = append(g.ds.Works, w)
		wid := w.ID
		switch sel {
		case db.WorkProvincial:
			g.honor("PROVINCIAL_EXCELLENT_WORK", w.Year, db.RecipientWork, w.Title, func(h *db.Honor) { h.WorkID, h.UnitID = &wid, &uid })
		case db.WorkProvincialDirect:
			g.honor("DIRECT_EXCELLENT_WORK", w.Year, db.RecipientWork, w.Title, func(h *db.Honor) { h.WorkID, h.UnitID = &wid, &uid })
		}
	}
}

// split divides total into n parts with a deterministic jitter of about ±30%; the parts add up to total exactly.
func (g *demo) split(total int64, n int) []int64 {
	w := make([]float64, n)
	var sum float64
	for i := range w {
		w[i] = 0.7 + 0.6*g.rnd.Float64()
		sum += w[i]
	}
	parts := make([]int64, n)
	var given int64
	for i := range parts {
		parts[i] = int64(float64(total) * w[i] / sum)
		given += parts[i]
	}
	for i := 0; given < total; i = (i + 1) % n {
		parts[i]++
		given++
	}
	return parts
}

func (g *demo) day(from, to string) db.Date {
	a, b := dayNumber(from), dayNumber(to)
	return fromDayNumber(a + g.rnd.IntN(b-a+1))
}

// free returns the first day from d on (wrapping within from–to) whose natural key, as key gives it, no record has
// yet, and takes it; the generator never makes two records that an import would call the same one.
func (g *demo) free(d db.Date, from, to string, key func(db.Date) string) db.Date {
	a, b := dayNumber(from), dayNumber(to)
	n := dayNumber(string(d))
	for range b - a + 1 {
		if k := key(fromDayNumber(n)); !g.keys[k] {
			g.keys[k] = true
			return fromDayNumber(n)
		}
		if n++; n > b {
			n = a
		}
	}
	panic("seed: no free day for a demo record between " + from + " and " + to)
}

func ptr(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

func (g *demo) method(d db.Date) (db.RecordingMethod, bool) {
	r := g.rnd.IntN(100)
	switch {
	case d < "2021-02-01" && r < 25:
		return db.MethodBackfill, r < 10
	case r < 55:
		return db.MethodSignIn, true
	case r < 80:
		return db.MethodShift, r < 77
	case r < 92:
		return db.MethodSelfReport, r < 86
	default:
		return db.MethodBackfill, false
	}
}

// record adds volunteer records for a campaign (nil for routine) whose volunteers and minutes add up exactly.
func (g *demo) records(campaign *int64, n int, volunteers, hours int64, from, to string, units []*db.Unit) {
	vs, ms := g.split(volunteers, n), g.split(hours*60, n)
	for i := 0; i < n; i++ {
		d := g.day(from, to)
		m, ok := g.method(d)
		unit := units[(i*7+g.rnd.IntN(3))%len(units)].ID
		d = g.free(d, from, to, func(d db.Date) string { return fmt.Sprintf("record|%d|%s|%d|%s", unit, d, ptr(campaign), m) })
		g.ds.VolunteerRecords = append(g.ds.VolunteerRecords, &db.VolunteerRecord{ID: g.next("record"), UnitID: unit,
			CampaignID: campaign, Date: d, Volunteers: int(vs[i]), Minutes: ms[i], Method: m, Verified: ok, Demo: true})
	}
}

func (g *demo) donations(campaign int64, kind db.DonationKind, n int, total int64, from, to string, units []*db.Unit, desc string) []*db.Donation {
	var out []*db.Donation
	for i, a := range g.split(total, n) {
		uid := units[i%len(units)].ID
		x := &db.Donation{ID: g.next("donation"), CampaignID: campaign, UnitID: &uid, Kind: kind, Amount: db.Yuan(a), Date: g.day(from, to), Description: desc, Demo: true}
		g.ds.Donations = append(g.ds.Donations, x)
		out = append(out, x)
	}
	return out
}

// volunteering creates routine and campaign records and donations that reconcile with section 三's figures.
func (g *demo) volunteering() {
	covid, flood, aid := int64(1), int64(2), int64(3)
	units := g.ds.Units
	// Routine service grows year on year.
	for i, y := range []int{2019, 2020, 2021, 2022, 2023, 2024} {
		n := 300 + 60*i
		g.records(nil, n, int64(n*24), int64(n*24*3), fmt.Sprintf("%d-01-01", y), fmt.Sprintf("%d-12-31", y), units)
	}
	g.records(&covid, 600, 29160, 800400, "2020-01-25", "2022-12-31", units)
	g.records(&flood, 240, 22080, 70200, "2021-07-20", "2021-09-30", units)
	g.records(&aid, 31, 310, 1240, "2022-03-01", "2022-06-30", units)
	g.donations(covid, db.DonationMaterial, 60, 1642000, "2020-01-25", "2022-12-31", units, "口罩、酒精、防护服等防疫物资（演示）")
	g.donations(flood, db.DonationCash, 120, 50126000, "2021-07-21", "2021-08-31", units, "救灾捐款（演示）")
	g.donations(flood, db.DonationMaterial, 80, 6038000, "2021-07-21", "2021-08-31", units, "救灾物资（演示）")
	aidUnits := units[:31]
	boxes := g.split(7620, 31)
	for i, x := range g.donations(aid, db.DonationMaterial, 31, 1041500, "2022-03-01", "2022-06-30", aidUnits, "防疫和生活物资（演示）") {
		batch := i%3 + 1
		x.Batch, x.Boxes = &batch, int(boxes[i])
	}
}

// federation creates 159 group and 131 individual members of the volunteer federation.
func (g *demo) federation() {
	for i := 0; i < 159; i++ {
		g.ds.Federation = append(g.ds.Federation, &db.FederationMember{ID: g.next("member"), Group: true,
			Name: g.ds.Units[i].Name + "志愿服务队", JoinedYear: spread(i, 159, []int{2021, 2022, 2023, 2024}), Demo: true})
	}
	for i := 0; i < 131; i++ {
		g.ds.Federation = append(g.ds.Federation, &db.FederationMember{ID: g.next("member"),
			Name: fmt.Sprintf("个人会员%03d（演示）", i+1), JoinedYear: spread(i, 131, []int{2021, 2022, 2023, 2024}), Demo: true})
	}
}

// practice links 191 units to the identified centres (each at least one), pairs them with fictional townships,
// and records activities. Demo activities and pairings name no real centre, so that no invented fact sits beside
// a real place.
func (g *demo) practice() {
	var centers []*db.PracticeCenter
	for _, c := range g.ds.Centers {
		if c.Identified {
			centers = append(centers, c)
		}
	}
	linked := g.unitsWhere(func(u *db.Unit) bool { return true })[:191]
	for i, u := range linked {
		g.ds.Links = append(g.ds.Links, &db.PracticeLink{ID: g.next("link"), UnitID: u.ID, CenterID: centers[i%len(centers)].ID,
			SinceYear: spread(i, 191, []int{2019, 2020, 2021}), Demo: true})
		g.ds.Pairings = append(g.ds.Pairings, &db.Pairing{ID: g.next("pairing"), UnitID: u.ID, Township: fmt.Sprintf("结对乡镇%03d（演示）", i+1),
			SinceYear: spread(i, 191, []int{2019, 2020, 2021}), Demo: true})
	}
	add := func(kind db.ActivityKind, theme string, n int, sessions, participants int64, from, to string) {
		ss, ps := g.split(sessions, n), g.split(participants, n)
		for i := 0; i < n; i++ {
			unit := linked[(i*5)%len(linked)].ID
			d := g.free(g.day(from, to), from, to, func(d db.Date) string { return fmt.Sprintf("activity|%d|%s|%s|%s", unit, d, kind, theme) })
			g.ds.Activities = append(g.ds.Activities, &db.PracticeActivity{ID: g.next("activity"), UnitID: unit,
				Date: d, Kind: kind, Theme: theme, Sessions: int(ss[i]), Participants: int(ps[i]), Demo: true})
		}
	}
	for i, y := range []int{2021, 2022, 2023, 2024} {
		add(db.ActivityPromotionWeek, "“学报告 强引领”“学《条例》 树新风”专题活动（演示）", 60, int64(230+20*i), int64(9000+1000*i), fmt.Sprintf("%d-05-01", y), fmt.Sprintf("%d-05-31", y))
	}
	add(db.ActivityHeritageTalk, "“文明探源我来说”文物保护宣讲（演示）", 26, 52, 10240, "2022-06-01", "2024-09-30")
	for i, y := range []int{2019, 2020, 2021, 2022, 2023, 2024} {
		add(db.ActivityPairing, "“四送一助力”结对帮创（演示）", 80+10*i, int64(160+30*i), int64(6000+900*i), fmt.Sprintf("%d-01-01", y), fmt.Sprintf("%d-12-31", y))
		add(db.ActivityRoutine, "常态化文明实践活动（演示）", 120+20*i, int64(300+60*i), int64(12000+2500*i), fmt.Sprintf("%d-01-01", y), fmt.Sprintf("%d-12-31", y))
	}
}

var stages = []db.AssessmentStage{db.StageApplied, db.StageOnlineReview, db.StageSiteVisit, db.StagePublicNotice, db.StageNamed, db.StageReviewed}

// assessments scores every unit every year, improving over the years, with two vetoes and one revocation.
func (g *demo) assessments() {
	byYear := map[int][]*db.AssessmentIndicator{}
	for _, ind := range g.ds.Indicators {
		byYear[ind.Year] = append(byYear[ind.Year], ind)
	}
	for _, u := range g.ds.Units {
		talent := 0.72 + 0.2*g.rnd.Float64()
		for y := db.FirstYear; y <= db.LastYear; y++ {
			inds := byYear[2019]
			if y >= 2023 {
				inds = byYear[2023]
			}
			a := &db.Assessment{ID: g.next("assessment"), UnitID: u.ID, Year: y, Stage: stages[min(len(stages)-1, 2+g.rnd.IntN(5))], Demo: true}
			level := min(0.99, talent+0.012*float64(y-db.FirstYear))
			for _, ind := range inds {
				s := round1(ind.MaxScore * min(1, level+0.06*(g.rnd.Float64()-0.5)))
				a.BaseScore += s
				g.ds.Scores = append(g.ds.Scores, &db.IndicatorScore{AssessmentID: a.ID, Code: ind.Code, Score: s})
			}
			a.BaseScore = round1(a.BaseScore)
			a.Bonus = float64(g.rnd.IntN(11))
			if u.ID == 37 && y == 2021 || u.ID == 150 && y == 2023 {
				a.Veto, a.Stage = true, db.StageRevoked
			}
			g.ds.Assessments = append(g.ds.Assessments, a)
		}
	}
}

func round1(v float64) float64 { return float64(int64(v*10+0.5)) / 10 }

// targets sets demo yearly targets for three metrics, so that the dashboard can show progress against plan.
func (g *demo) targets() {
	for i, y := range []int{2019, 2020, 2021, 2022, 2023, 2024} {
		for _, t := range []struct {
			m db.ProgressMetric
			v float64
		}{{db.ProgressVolunteerHours, float64(24000 + 4000*i)}, {db.ProgressPracticeActivities, float64(450 + 120*i)}, {db.ProgressHonorsTotal, float64(300 + 20*i)}} {
			g.ds.Targets = append(g.ds.Targets, &db.Target{ID: g.next("target"), Metric: t.m, Year: y, Value: t.v, Demo: true})
		}
	}
}
