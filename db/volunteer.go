package db

import (
	"cmp"
	"math"
	"sort"
	"strconv"
	"strings"
)

// VolunteerRecord is one deployment of a unit's volunteers on a date, recorded as 《志愿服务记录与证明出具办法》 asks.
type VolunteerRecord struct {
	ID         int64
	UnitID     int64
	CampaignID *int64
	Date       Date
	Volunteers int
	// Minutes is the service time; minutes keep sums exact where hours would need fractions.
	Minutes  int64
	Method   RecordingMethod
	Verified bool
	Demo     bool
	Version  int
}

// Hours is the service time in hours.
func (r *VolunteerRecord) Hours() float64 { return HoursOf(r.Minutes) }

// HoursOf turns stored whole minutes into hours rounded to two decimals, so that no answer reads 1161.7166666666667.
func HoursOf(minutes int64) float64 { return math.Round(float64(minutes)/60*100) / 100 }

// RoutineCampaign is the campaign code that selects routine (non-campaign) service in filters and buckets.
const RoutineCampaign = "ROUTINE"

// VolunteerCriteria narrows volunteer records; zero fields do not filter.
type VolunteerCriteria struct {
	Years     YearRange
	Campaigns []string
	UnitID    int64
	UnitKind  string
	Methods   []RecordingMethod
	Verified  *bool
	Demo      *bool
}

// VolunteerRecordEdge is a record with its cursor.
type VolunteerRecordEdge struct {
	Cursor string
	Node   *VolunteerRecord
}

// VolunteerRecordPage is one page of the volunteer record connection.
type VolunteerRecordPage struct {
	Edges      []*VolunteerRecordEdge
	PageInfo   PageInfo
	TotalCount int
}

// VolunteerBucket is one flat row of volunteer totals; dimensions not grouped by stay nil.
type VolunteerBucket struct {
	Year              *int
	Month             *string
	Campaign          *string
	CampaignNameZh    *string
	UnitKind          *string
	UnitRef           *int64
	UnitName          *string
	Method            *RecordingMethod
	Verified          *bool
	Volunteers        int
	Minutes           int64
	VerifiedMinutes   int64
	Records           int
	CashDonations     Yuan
	MaterialDonations Yuan
}

// Hours is the bucket's service time in hours.
func (b *VolunteerBucket) Hours() float64 { return HoursOf(b.Minutes) }

// VerifiedHours is the bucket's verified service time in hours.
func (b *VolunteerBucket) VerifiedHours() float64 { return HoursOf(b.VerifiedMinutes) }

// VolunteerTotals adds up a unit's volunteer records.
type VolunteerTotals struct {
	Volunteers      int
	Minutes         int64
	VerifiedMinutes int64
	Records         int
}

// Hours is the total service time in hours.
func (t *VolunteerTotals) Hours() float64 { return HoursOf(t.Minutes) }

// VerifiedHours is the verified service time in hours.
func (t *VolunteerTotals) VerifiedHours() float64 { return HoursOf(t.VerifiedMinutes) }

// Campaign is a relief campaign (COVID-19, 7·20 flood, aid to Jilin and Shanghai) with totals from its records.
type Campaign struct {
	ID        int64
	Code      string
	NameZh    string
	NameEn    string
	Kind      CampaignKind
	StartDate Date
	EndDate   *Date
	// StartBasis and EndBasis say whether each date is published, entered by the office or our estimate.
	StartBasis        Basis
	EndBasis          Basis
	Description       string
	Volunteers        int
	Minutes           int64
	CashDonations     Yuan
	MaterialDonations Yuan
	Boxes             int
	Batches           int
	DonorUnits        int
	Version           int
}

// Hours is the campaign's service time in hours.
func (c *Campaign) Hours() float64 { return HoursOf(c.Minutes) }

// Donation is cash or materials (valued in whole yuan) given to a campaign.
type Donation struct {
	ID          int64
	CampaignID  int64
	UnitID      *int64
	Kind        DonationKind
	Amount      Yuan
	Boxes       int
	Batch       *int
	Date        Date
	Description string
	Demo        bool
	Version     int
}

// VolunteerProject is a volunteer project or brand such as 义务植树 or "i科普".
type VolunteerProject struct {
	ID     int64
	Name   string
	Brand  bool
	Field  string
	UnitID *int64
	Demo   bool
}

// FederationMember is a group or individual member of the provincial-direct volunteer federation.
type FederationMember struct {
	ID         int64
	Group      bool
	Name       string
	JoinedYear int
	Demo       bool
}

// FederationSummary counts the federation's members.
type FederationSummary struct {
	GroupMembers      int
	IndividualMembers int
	ByYear            []*FederationYear
}

// FederationYear counts members who joined in a year.
type FederationYear struct {
	Year              int
	GroupMembers      int
	IndividualMembers int
}

// SortVolunteerBuckets restores the grouped order of volunteer buckets (by the dimensions in groupBy, in order)
// after donation-only buckets were appended: every backend answers VolunteerStats in the same order.
func SortVolunteerBuckets(bs []*VolunteerBucket, groupBy []VolunteerDimension) {
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	num := func(p *int64) int64 {
		if p == nil {
			return 0
		}
		return *p
	}
	year := func(p *int) int64 {
		if p == nil {
			return 0
		}
		return int64(*p)
	}
	sort.SliceStable(bs, func(i, j int) bool {
		a, b := bs[i], bs[j]
		for _, g := range groupBy {
			c := 0
			switch g {
			case VolDimYear:
				c = cmp.Compare(year(a.Year), year(b.Year))
			case VolDimCampaign:
				c = strings.Compare(str(a.Campaign), str(b.Campaign))
			case VolDimUnitKind:
				c = strings.Compare(str(a.UnitKind), str(b.UnitKind))
			case VolDimUnit:
				c = cmp.Compare(num(a.UnitRef), num(b.UnitRef))
			}
			if c != 0 {
				return c < 0
			}
		}
		return false
	})
}

// DonationGroup is one group of donations as a backend reads it: the grouping values as text ("" where the
// dimension is not grouped), the sums in yuan, and the names to show.
type DonationGroup struct {
	Year, Campaign, UnitKind, Unit string
	Cash, Material                 int64
	CampaignNameZh, UnitName       string
}

// MergeDonations sets each donation group's sums on the volunteer bucket of the same group, and appends a bucket
// for a group with donations but no volunteer record; every backend merges alike.
func MergeDonations(buckets []*VolunteerBucket, seen map[VolunteerDimension]bool, groups []DonationGroup) []*VolunteerBucket {
	type key struct{ year, campaign, kind, unit string }
	keyOf := func(b *VolunteerBucket) key {
		var k key
		if b.Year != nil {
			k.year = strconv.Itoa(*b.Year)
		}
		if b.Campaign != nil {
			k.campaign = *b.Campaign
		}
		if b.UnitKind != nil {
			k.kind = *b.UnitKind
		}
		if b.UnitRef != nil {
			k.unit = strconv.FormatInt(*b.UnitRef, 10)
		}
		return k
	}
	index := map[key]*VolunteerBucket{}
	for _, b := range buckets {
		index[keyOf(b)] = b
	}
	for _, g := range groups {
		k := key{g.Year, g.Campaign, g.UnitKind, g.Unit}
		b, ok := index[k]
		if !ok {
			b = &VolunteerBucket{}
			if seen[VolDimYear] {
				y, _ := strconv.Atoi(g.Year)
				b.Year = &y
			}
			if seen[VolDimCampaign] {
				c, name := g.Campaign, g.CampaignNameZh
				b.Campaign, b.CampaignNameZh = &c, &name
			}
			if seen[VolDimUnitKind] && g.UnitKind != "" {
				kind := g.UnitKind
				b.UnitKind = &kind
			}
			if seen[VolDimUnit] && g.Unit != "" {
				id, _ := strconv.ParseInt(g.Unit, 10, 64)
				name := g.UnitName
				b.UnitRef, b.UnitName = &id, &name
			}
			buckets = append(buckets, b)
			index[k] = b
		}
		b.CashDonations, b.MaterialDonations = Yuan(g.Cash), Yuan(g.Material)
	}
	return buckets
}
