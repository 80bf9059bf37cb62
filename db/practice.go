package db

// PracticeCenter is a county-level 新时代文明实践中心, named after its GB/T 2260 division.
type PracticeCenter struct {
	ID             int64
	Code           string
	Name           string
	County         string
	Prefecture     string
	PrefectureCode string
	// Identified is false for a centre the article counts but no source names; it is never invented.
	Identified bool
	Note       string
}

// PracticeLink records that a unit links to and guides (联系指导) a practice centre.
type PracticeLink struct {
	ID        int64
	UnitID    int64
	CenterID  int64
	SinceYear int
	Demo      bool
	Version   int
}

// Pairing records a unit's one-to-one pairing with a township (结对帮创).
type Pairing struct {
	ID        int64
	UnitID    int64
	Township  string
	CenterID  *int64
	SinceYear int
	Demo      bool
	Version   int
}

// PracticeActivity is a civilisation-practice activity a unit held, with its sessions and participants.
type PracticeActivity struct {
	ID           int64
	UnitID       int64
	CenterID     *int64
	Date         Date
	Kind         ActivityKind
	Theme        string
	Sessions     int
	Participants int
	Demo         bool
	Version      int
	// Action is the one of the 六大行动 the activity serves, when known (db/article.go).
	Action *PracticeAction
}

// PracticeSummary sums up civilisation practice for a range of years.
type PracticeSummary struct {
	Centers           int
	IdentifiedCenters int
	LinkedUnits       int
	CoveredCenters    int
	ActivitySessions  int
	Participants      int
	Pairings          int
	ByPrefecture      []*PrefectureBucket
}

// PrefectureBucket sums up the centres of one prefecture.
type PrefectureBucket struct {
	Prefecture       string
	PrefectureCode   string
	Centers          int
	LinkedUnits      int
	ActivitySessions int
}

// PracticeActivityBucket sums up the activities of one kind in one year.
type PracticeActivityBucket struct {
	Year         int
	Kind         ActivityKind
	Activities   int
	Sessions     int
	Participants int
}

// WorkBucket counts the works of one year at one selection level.
type WorkBucket struct {
	Year      int
	Selection WorkSelection
	Count     int
}
