package seed

import (
	"fmt"

	"github.com/wenming/wenming/db"
)

// Quotes of the article that the records below cite; a test checks that each is a passage of Article.
const (
	quoteSixActions    = "围绕实施党的创新理论传播、主流价值践行、优质文化供给、服务惠民暖心等六大行动"
	quoteCompilation   = "组织开展省直精神文明建设工作优秀案例征集活动,总结梳理近年来省直各级文明单位创建工作的成功经验和创新做法,编印《省直精神文明建设工作优秀案例汇编》"
	quoteTraining      = "举办省直精神文明建设培训班,引导精神文明专兼职干部坚定信仰信念、汲取奋进力量"
	quoteMeeting       = "2023年8月3日,省委直属机关工委在郑州召开省直精神文明创建观摩交流暨工作推进会"
	quoteObservation   = "组织开展省直精神文明创建观摩交流活动"
	quoteBusinessEnv   = "组织召开省直机关文明单位服务优化营商环境工作推进会"
	quoteLaunch        = "2024年3月5日,省直学雷锋志愿服务日志愿服务项目展示交流活动启动仪式在郑州举行"
	unnamedActionNote  = "原文称“六大行动”，只列出四项；此项未具名（原文未列出），不作推测，活动不能归入。"
	compilationTitle   = "省直精神文明建设工作优秀案例汇编"
	compilationID      = 1
	milestoneMeeting   = 4
	milestoneLaunch    = 5
	demoEventIDsOffset = 100
)

// ArticleQuotes lists every quote the article records cite, so that a test can find each in Article.
func ArticleQuotes() []string {
	return []string{quoteSixActions, quoteCompilation, quoteTraining, quoteMeeting, quoteObservation, quoteBusinessEnv, quoteLaunch,
		db.PairingContentQuote, db.WishQuote, db.TalentPoolQuote}
}

// realArticle is what the article itself says: the 六大行动 (four named, two kept unnamed), the compilation of
// excellent cases, and the meetings and trainings it mentions (dated only where it dates them).
func realArticle() db.ArticleData {
	src := int64(SourceID)
	s := &src
	ms := func(id int64) *int64 { return &id }
	return db.ArticleData{
		Actions: []*db.PracticeActionInfo{
			{Code: db.ActionTheory, Position: 1, NameZh: "党的创新理论传播", NameEn: "Spreading the Party's new theories", Identified: true, Quote: quoteSixActions, SourceID: s},
			{Code: db.ActionValues, Position: 2, NameZh: "主流价值践行", NameEn: "Practising mainstream values", Identified: true, Quote: quoteSixActions, SourceID: s},
			{Code: db.ActionCulture, Position: 3, NameZh: "优质文化供给", NameEn: "Supplying quality culture", Identified: true, Quote: quoteSixActions, SourceID: s},
			{Code: db.ActionService, Position: 4, NameZh: "服务惠民暖心", NameEn: "Services that benefit and warm the people", Identified: true, Quote: quoteSixActions, SourceID: s},
			{Code: db.ActionUnnamed5, Position: 5, Identified: false, Quote: quoteSixActions, SourceID: s, Note: unnamedActionNote},
			{Code: db.ActionUnnamed6, Position: 6, Identified: false, Quote: quoteSixActions, SourceID: s, Note: unnamedActionNote},
		},
		Compilations: []*db.CaseCompilation{{ID: compilationID, Title: compilationTitle, Quote: quoteCompilation, SourceID: s}},
		Events: []*db.CivilisationEvent{
			{ID: 1, Kind: db.EventTraining, Title: "省直精神文明建设培训班", Quote: quoteTraining, SourceID: s},
			{ID: 2, Kind: db.EventProgressMeeting, Title: "省直精神文明创建观摩交流暨工作推进会", Date: datep("2023-08-03"), Place: "郑州",
				MilestoneID: ms(milestoneMeeting), Quote: quoteMeeting, SourceID: s},
			{ID: 3, Kind: db.EventObservation, Title: "省直精神文明创建观摩交流活动", Quote: quoteObservation, SourceID: s},
			{ID: 4, Kind: db.EventBusinessEnvironment, Title: "省直机关文明单位服务优化营商环境工作推进会", Quote: quoteBusinessEnv, SourceID: s},
			{ID: 5, Kind: db.EventLaunchCeremony, Title: "省直学雷锋志愿服务日志愿服务项目展示交流活动启动仪式", Date: datep("2024-03-05"), Place: "郑州",
				MilestoneID: ms(milestoneLaunch), Quote: quoteLaunch, SourceID: s},
		},
	}
}

// Fictional wish texts and case titles for the demo dataset; none describes a real village or unit.
var (
	wishTexts = []string{"为村小学添置图书", "为留守老人更换取暖器", "为社区活动室添置桌椅", "修缮村文化广场照明", "为困难家庭孩子购置书包文具",
		"为卫生室添置血压计", "为村史馆整理老照片", "为社区志愿服务站添置雨具"}
	caseTopics = []string{"“我们的节日”进社区", "窗口服务“五优”实践", "结对帮创送健康", "志愿服务积分激励", "家风家教主题活动", "文明实践阵地共建"}
)

// article adds the demo records of db/article.go: 六大行动 on demo activities, 「四送一助力」 items on demo pairings,
// wishes, cases, talent-pool members with fictional names, and demo occurrences of events with demo dates. It
// draws no random numbers, so the records before it stay as they were.
func (g *demo) article() {
	a := &g.ds.Article
	// Activities by kind; routine ones take the four named actions in turn. The unnamed two are never used.
	named := []db.PracticeAction{db.ActionTheory, db.ActionValues, db.ActionCulture, db.ActionService}
	routine := 0
	for _, x := range g.ds.Activities {
		var act db.PracticeAction
		switch x.Kind {
		case db.ActivityPromotionWeek:
			act = db.ActionTheory
		case db.ActivityHeritageTalk:
			act = db.ActionCulture
		case db.ActivityPairing:
			act = db.ActionService
		default:
			act = named[routine%len(named)]
			routine++
		}
		x.Action = &act
	}
	// Every demo pairing helps rural revitalisation; the 四送 items rotate, two or three per pairing.
	a.PairingContents = map[int64][]db.PairingContent{}
	for i, p := range g.ds.Pairings {
		items := []db.PairingContent{db.AllPairingContents[i%4], db.AllPairingContents[(i+1)%4]}
		if i%3 == 0 {
			items = append(items, db.AllPairingContents[(i+2)%4])
		}
		a.PairingContents[p.ID] = append(items, db.ContentRural)
	}
	// Wishes after the 7·20 flood, from paired townships: most carried out, fewer at each earlier stage.
	stages := []struct {
		stage db.WishStage
		n     int
	}{{db.WishFulfilled, 24}, {db.WishClaimed, 9}, {db.WishPublished, 6}, {db.WishCollected, 5}}
	n := 0
	for _, s := range stages {
		for j := 0; j < s.n; j++ {
			p := g.ds.Pairings[(n*7)%len(g.ds.Pairings)]
			pid := p.ID
			w := &db.Wish{ID: int64(n + 1), Title: wishTexts[n%len(wishTexts)] + "（演示）", Beneficiary: p.Township, PairingID: &pid, Stage: s.stage,
				CollectedOn: db.Date(fmt.Sprintf("2021-%02d-%02d", 8+n%5, 1+n%28)), Demo: true}
			if s.stage.Claimed() {
				uid := p.UnitID
				w.UnitID = &uid
			}
			a.Wishes = append(a.Wishes, w)
			n++
		}
	}
	// Cases in the real compilation, written by demo units.
	units := g.unitsWhere(func(u *db.Unit) bool { return true })
	for i := 0; i < 12; i++ {
		u := units[(i*17)%len(units)]
		uid, year := u.ID, 2022+i%2
		a.Cases = append(a.Cases, &db.ExcellentCase{ID: int64(i + 1), CompilationID: compilationID, UnitID: &uid, Year: &year,
			Title: fmt.Sprintf("%s：%s（演示）", u.Name, caseTopics[i%len(caseTopics)]), Summary: "演示案例，内容为虚构。", Demo: true})
	}
	// Talent-pool members: fictional names marked （演示）, each serving in one or more kinds of work.
	for i := 0; i < 30; i++ {
		u := units[(i*11)%len(units)]
		uid := u.ID
		roles := []db.TalentRole{db.AllTalentRoles[i%3]}
		if i%2 == 0 {
			roles = append(roles, db.AllTalentRoles[(i+1)%3])
		}
		m := &db.TalentMember{ID: int64(i + 1), Name: surnames[i%len(surnames)] + nameWords[(i*3)%len(nameWords)] + "（演示）", UnitID: &uid,
			SinceYear: 2020 + i%4, Demo: true}
		for _, r := range db.AllTalentRoles {
			for _, x := range roles {
				if x == r {
					m.Roles = append(m.Roles, r)
				}
			}
		}
		a.TalentMembers = append(a.TalentMembers, m)
	}
	// Demo occurrences of the undated meetings and trainings, with demo dates.
	for i, e := range []struct {
		kind  db.EventKind
		title string
		date  string
	}{
		{db.EventTraining, "省直精神文明建设培训班（演示场次）", "2021-06-16"},
		{db.EventTraining, "省直精神文明建设培训班（演示场次）", "2023-05-24"},
		{db.EventObservation, "省直精神文明创建观摩交流活动（演示场次）", "2022-09-14"},
		{db.EventBusinessEnvironment, "文明单位服务优化营商环境工作推进会（演示场次）", "2022-04-20"},
	} {
		a.Events = append(a.Events, &db.CivilisationEvent{ID: int64(demoEventIDsOffset + i + 1), Kind: e.kind, Title: e.title, Date: datep(e.date),
			Place: "郑州（演示）", Demo: true})
	}
}
