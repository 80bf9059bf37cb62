package db

// Unit is a provincial-direct unit (省直单位): an organ, institution, state enterprise, university or school.
type Unit struct {
	ID            int64
	Name          string
	Kind          string
	Sector        string
	ServiceWindow bool
	// Campus marks universities and schools, whose honours count apart from units'.
	Campus bool
	Demo   bool
	// Contact is the unit's 联系人, read only by those CanReadUnitContact lets through.
	Contact UnitContact
	// Version counts the writes to the record; an update must name the version it read.
	Version int
}

// UnitKinds lists the kinds of unit the office distinguishes, in display order.
var UnitKinds = []string{"机关", "事业单位", "国有企业", "高校", "中小学", "医院"}

// UnitCriteria narrows units.
type UnitCriteria struct {
	Kind             string
	NameContains     string
	ServiceWindow    *bool
	LinkedToPractice *bool
}

// UnitEdge is a unit with its cursor.
type UnitEdge struct {
	Cursor string
	Node   *Unit
}

// UnitPage is one page of the unit connection.
type UnitPage struct {
	Edges      []*UnitEdge
	PageInfo   PageInfo
	TotalCount int
}

// UnitKindCount is a unit kind with how many units have it.
type UnitKindCount struct {
	Kind  string
	Count int
}

// Assessment is a unit's yearly 测评: a 100-point base, up to 10 bonus points, a veto, and the stage reached.
type Assessment struct {
	ID        int64
	UnitID    int64
	Year      int
	BaseScore float64
	Bonus     float64
	Veto      bool
	Stage     AssessmentStage
	Demo      bool
	Version   int
}

// Total is base plus bonus, or 0 when a veto item (一票否决) applies.
func (a *Assessment) Total() float64 {
	if a.Veto {
		return 0
	}
	return a.BaseScore + a.Bonus
}

// MaxBonus bounds the bonus points of an assessment.
const MaxBonus = 10

// AssessmentIndicator is an indicator of the assessment with its maximum points for a year.
type AssessmentIndicator struct {
	Year     int
	Code     string
	NameZh   string
	NameEn   string
	MaxScore float64
	// Basis is DEFAULT: the shipped indicators are configuration, not the province's published scheme.
	Basis Basis
}

// IndicatorScore is an assessment's score on one indicator.
type IndicatorScore struct {
	AssessmentID int64
	Code         string
	NameZh       string
	Score        float64
	MaxScore     float64
}

// AssessmentStageBucket counts the assessments of a year that reached a stage.
type AssessmentStageBucket struct {
	Year  int
	Stage AssessmentStage
	Count int
}
