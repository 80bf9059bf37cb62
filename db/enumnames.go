package db

// enumNames names the values of the GraphQL enums a record's fields hold, by enum type, in both languages, so that
// the audit log can say 「签到签退」 or "Sign-in/out" where a snapshot stores SIGN_IN. The dashboard's own table of the
// same names is frontend/src/lib/enums.ts; a test checks that every value of these enums in the schema is here.
var enumNames = map[string]map[string]Label{
	"HonorLevel": {"NATIONAL": {"全国", "National"}, "PROVINCIAL": {"河南省", "Provincial"}, "PROVINCIAL_DIRECT": {"省直", "Provincial-direct"}},
	"RecipientKind": {"UNIT": {"单位", "Unit"}, "CAMPUS": {"校园", "Campus"}, "PERSON": {"个人", "Person"}, "PROJECT": {"项目", "Project"},
		"WORK": {"作品", "Work"}, "WINDOW": {"窗口", "Window"}, "COMMUNITY": {"社区", "Community"}},
	"HonorStatus": {"AWARDED": {"获评", "Awarded"}, "RECOMMENDED": {"推荐", "Recommended"},
		"TREATMENT_RECOGNISED": {"享受待遇认定", "Treatment recognised"}, "NOMINATED": {"提名", "Nominated"}},
	"RecordingMethod": {"SIGN_IN": {"签到签退", "Sign-in/out"}, "SHIFT": {"按班次", "By shift"}, "SELF_REPORT": {"本人申报", "Self-reported"},
		"BACKFILL": {"补录", "Back-filled"}},
	"AssessmentStage": {"APPLIED": {"申报", "Applied"}, "ONLINE_REVIEW": {"网络评审", "Online review"}, "SITE_VISIT": {"实地考察", "Site visit"},
		"PUBLIC_NOTICE": {"公示", "Public notice"}, "NAMED": {"命名", "Named"}, "REVIEWED": {"复查", "Re-examined"}, "REVOKED": {"撤销", "Revoked"}},
	"ActivityKind": {"PROMOTION_WEEK": {"推动周专题活动", "Promotion week"}, "HERITAGE_TALK": {"文物保护宣讲", "Heritage talks"},
		"PAIRING": {"结对帮创", "Pairing"}, "ROUTINE": {"常态化活动", "Routine activity"}},
	"PracticeAction": {"THEORY": {"党的创新理论传播", "Spreading the Party's new theories"}, "VALUES": {"主流价值践行", "Practising mainstream values"},
		"CULTURE": {"优质文化供给", "Supplying good culture"}, "SERVICE": {"服务惠民暖心", "Services that warm people's hearts"},
		"UNNAMED_5": {"未具名（第五项）", "Unnamed (fifth)"}, "UNNAMED_6": {"未具名（第六项）", "Unnamed (sixth)"}},
	"CampaignKind": {"EPIDEMIC": {"疫情防控", "Epidemic"}, "FLOOD": {"抗洪救灾", "Flood"}, "AID": {"对外援助", "Aid"}},
	"DonationKind": {"CASH": {"现金", "Cash"}, "MATERIAL": {"物资", "Materials"}},
	"Basis": {"PUBLISHED": {"公布", "Published"}, "OFFICE": {"本办录入", "Entered by the office"}, "DEFAULT": {"默认配置", "Default configuration"},
		"ESTIMATE": {"估计", "Estimate"}},
	"ProgressMetric": {"HONORS_NATIONAL": {"全国级获评荣誉", "National honours awarded"}, "HONORS_PROVINCIAL": {"省级获评荣誉", "Provincial honours awarded"},
		"HONORS_PROVINCIAL_DIRECT": {"省直级获评荣誉", "Provincial-direct honours awarded"}, "HONORS_TOTAL": {"获评荣誉总数", "All honours awarded"},
		"HONORS_TREATMENT_RECOGNISED": {"享受文明单位待遇认定", "Treatment recognitions"}, "HONORS_RECOMMENDED": {"推荐（候选、推荐窗口和标兵）", "Recommendations"},
		"VOLUNTEER_HOURS": {"志愿服务时长", "Volunteer hours"}, "VOLUNTEERS": {"志愿者人次", "Volunteers (person-times)"},
		"PRACTICE_ACTIVITIES": {"文明实践活动场次", "Practice sessions"}, "AVERAGE_ASSESSMENT_SCORE": {"平均测评得分", "Average assessment score"},
		"GOOD_PEOPLE": {"好人", "Good people"}, "MORAL_MODELS": {"道德模范（含提名奖）", "Moral models (incl. nominees)"}},
	"WishStage": {"COLLECTED": {"征集", "Collected"}, "PUBLISHED": {"发布", "Published"}, "CLAIMED": {"认领", "Claimed"}, "FULFILLED": {"实施", "Carried out"}},
	"TalentRole": {"ONLINE_REVIEW": {"网络评审", "Online review"}, "SITE_VISIT": {"实地考察", "Site visits"},
		"ADVANCED_SELECTION": {"先进评选", "Selection of exemplars"}},
	"EventKind": {"TRAINING": {"培训班", "Training course"}, "PROGRESS_MEETING": {"推进会", "Progress meeting"},
		"OBSERVATION_EXCHANGE": {"观摩交流", "Observation and exchange"}, "BUSINESS_ENVIRONMENT_MEETING": {"服务优化营商环境推进会", "Business-environment meeting"},
		"LAUNCH_CEREMONY": {"启动仪式", "Launch ceremony"}},
	"PairingContent": {"POLICY": {"送政策", "Bringing policies"}, "CULTURE": {"送文化", "Bringing culture"}, "HEALTH": {"送健康", "Bringing health"},
		"WARMTH": {"送温暖", "Bringing warmth"}, "RURAL_REVITALISATION": {"助力乡村振兴", "Helping rural revitalisation"}},
	"Role":       {"VIEWER": {"查看者", "Viewer"}, "EDITOR": {"编辑", "Editor"}, "ADMIN": {"管理员", "Admin"}, "REPORTER": {"单位填报员", "Unit reporter"}},
	"TokenScope": {"READ": {"只读", "Read"}, "WRITE": {"读写", "Read & write"}},
}

// EnumName names a value of a GraphQL enum (HonorStatus, AWARDED); a value it does not know is named by its code.
func EnumName(enum, value string) Label {
	if l, ok := enumNames[enum][value]; ok {
		return l
	}
	return Label{Zh: value, En: value}
}

// NamedEnums lists the enums EnumName knows, for the test that checks them against the schema.
func NamedEnums() map[string][]string {
	out := map[string][]string{}
	for e, vs := range enumNames {
		for v := range vs {
			out[e] = append(out[e], v)
		}
	}
	return out
}
