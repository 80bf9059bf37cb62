package db

// HonorCategory is an entry of the honour catalogue, e.g. 全国文明单位 or 河南省文明单位标兵 (not "model unit").
type HonorCategory struct {
	ID     int64
	Code   string
	NameZh string
	NameEn string
	Level  HonorLevel
	// RecipientKind is the category's default recipient kind, the first of RecipientKinds.
	RecipientKind RecipientKind
	// RecipientKinds lists every recipient kind the category accepts; 「四个优秀」 accepts persons, organisations
	// (units) and projects.
	RecipientKinds []RecipientKind
	// Weight is the points an honour of this category earns in rankings.
	Weight        float64
	DefaultStatus HonorStatus
	// WeightBasis is DEFAULT for shipped points and OFFICE once an admin sets them.
	WeightBasis Basis
	// NoteZh says where the category's scope comes from when it is not the article.
	NoteZh string
}

// Accepts reports whether the category may be given to a recipient of the kind.
func (c *HonorCategory) Accepts(k RecipientKind) bool {
	if len(c.RecipientKinds) == 0 {
		return k == c.RecipientKind
	}
	for _, x := range c.RecipientKinds {
		if x == k {
			return true
		}
	}
	return false
}

// Honor is one honour given in a year to a unit, campus, window, person, project or work.
type Honor struct {
	ID            int64
	CategoryID    int64
	RecipientKind RecipientKind
	RecipientName string
	UnitID        *int64
	PersonID      *int64
	ProjectID     *int64
	WorkID        *int64
	Year          int
	Date          *Date
	Edition       *string
	Status        HonorStatus
	SourceID      *int64
	Demo          bool
	Version       int
}

// HonorCriteria narrows honours; zero fields do not filter.
type HonorCriteria struct {
	Years          YearRange
	Levels         []HonorLevel
	Categories     []string
	RecipientKinds []RecipientKind
	Statuses       []HonorStatus
	UnitID         int64
	UnitKind       string
	Edition        string
	Demo           *bool
}

// HonorOrder sorts honours; ties always break on ID so that pages are stable.
type HonorOrder struct {
	Field     HonorOrderField
	Direction OrderDirection
}

// HonorEdge is an honour with its cursor.
type HonorEdge struct {
	Cursor string
	Node   *Honor
}

// HonorPage is one page of the honour connection.
type HonorPage struct {
	Edges      []*HonorEdge
	PageInfo   PageInfo
	TotalCount int
}

// HonorBucket is one flat row of honour counts; dimensions not grouped by stay nil.
type HonorBucket struct {
	Year           *int
	Level          *HonorLevel
	Category       *string
	CategoryNameZh *string
	CategoryNameEn *string
	RecipientKind  *RecipientKind
	Status         *HonorStatus
	UnitKind       *string
	Edition        *string
	Count          int
	Points         float64
}

// Person is someone honoured as a moral model (道德模范) or good person (好人).
type Person struct {
	ID       int64
	Name     string
	UnitID   *int64
	Citation string
	Demo     bool
	Version  int
}

// PersonCriteria narrows people.
type PersonCriteria struct {
	Categories   []string
	NameContains string
}

// PersonEdge is a person with its cursor.
type PersonEdge struct {
	Cursor string
	Node   *Person
}

// PersonPage is one page of the people connection.
type PersonPage struct {
	Edges      []*PersonEdge
	PageInfo   PageInfo
	TotalCount int
}

// Work is an entry of the 赶考路上有我 series (书法、绘画、摄影、演讲), with the highest level it was selected at.
type Work struct {
	ID        int64
	Title     string
	Kind      string
	UnitID    *int64
	Year      int
	Selection WorkSelection
	Demo      bool
}

// WorkCriteria narrows works; zero fields do not filter.
type WorkCriteria struct {
	TitleContains string
	Year          int
}

// WorkEdge is a work with its cursor.
type WorkEdge struct {
	Cursor string
	Node   *Work
}

// WorkConnection is one page of works.
type WorkConnection struct {
	Edges      []*WorkEdge
	PageInfo   PageInfo
	TotalCount int
}
