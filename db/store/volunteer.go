package store

import (
	"context"
	"strings"

	"github.com/wenming/wenming/db"
)

const recordCols = `v.id, v.unit_id, v.campaign_id, v.service_date, v.volunteers, v.minutes, v.method, v.verified, v.demo, v.version`

func scanRecord(r Rows, extra ...any) (*db.VolunteerRecord, error) {
	v := &db.VolunteerRecord{}
	return v, r.Scan(append([]any{&v.ID, &v.UnitID, &v.CampaignID, &v.Date, &v.Volunteers, &v.Minutes, &v.Method, &v.Verified, &v.Demo, &v.Version},
		extra...)...)
}

// volunteerWhere turns criteria into conditions over volunteer_records v, campaigns k and units u.
func (s *Store) volunteerWhere(f db.VolunteerCriteria) *where {
	return s.volunteerConds(f, "v.campaign_id IS NULL", "u.kind")
}

// rollupVolunteerWhere is volunteerWhere over rollup_volunteer v, where routine service has campaign 0.
func (s *Store) rollupVolunteerWhere(f db.VolunteerCriteria) *where {
	return s.volunteerConds(f, "v.campaign_id = 0", "v.unit_kind")
}

func (s *Store) volunteerConds(f db.VolunteerCriteria, routineCond, unitKindCol string) *where {
	w := s.where()
	w.years("v.year", f.Years)
	if len(f.Campaigns) > 0 {
		var named []string
		routine := false
		for _, c := range f.Campaigns {
			if c == db.RoutineCampaign {
				routine = true
			} else {
				named = append(named, c)
			}
		}
		var ors []string
		var args []any
		if routine {
			ors = append(ors, routineCond)
		}
		if len(named) > 0 {
			in, list := inList(s.list, "k.code", named)
			ors, args = append(ors, in), list
		}
		w.add("("+strings.Join(ors, " OR ")+")", args...)
	}
	if f.UnitID != 0 {
		w.add("v.unit_id = ?", f.UnitID)
	}
	if f.UnitKind != "" {
		w.add(unitKindCol+" = ?", f.UnitKind)
	}
	addIn(w, "v.method", f.Methods)
	if f.Verified != nil {
		w.add("v.verified = ?", *f.Verified)
	}
	if f.Demo != nil {
		w.add("v.demo = ?", *f.Demo)
	}
	return w
}

const recordFrom = ` FROM volunteer_records v LEFT JOIN campaigns k ON k.id = v.campaign_id JOIN units u ON u.id = v.unit_id`

const rollupVolunteerFrom = ` FROM rollup_volunteer v LEFT JOIN campaigns k ON k.id = v.campaign_id`

// yearVolunteerFrom is the yearly rollup, for every aggregate that does not group by month.
const yearVolunteerFrom = ` FROM rollup_volunteer_year v LEFT JOIN campaigns k ON k.id = v.campaign_id`

// VolunteerRecords returns one page of volunteer records, in the page's order (by ID unless it names another).
func (s *Store) VolunteerRecords(ctx context.Context, f db.VolunteerCriteria, page db.Page) (*db.VolunteerRecordPage, error) {
	return s.VolunteerRecordsInOrder(ctx, f, db.VolunteerRecordOrder{Field: db.VolunteerRecordOrderField(page.Order.Field), Direction: page.Order.Direction}, page)
}

// VolunteerRecordsByIDs loads volunteer records by ID.
func (s *Store) VolunteerRecordsByIDs(ctx context.Context, ids []int64) (map[int64]*db.VolunteerRecord, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	w := s.scopedIn(ctx, "v.id", ids, "v.unit_id")
	rows, err := s.eng.Read().Query(ctx, `SELECT `+recordCols+` FROM volunteer_records v`+w.sql(), w.args...)
	if err != nil {
		return nil, err
	}
	vs, err := collect(rows, plain(scanRecord))
	return byID(vs, func(v *db.VolunteerRecord) int64 { return v.ID }), err
}

var volunteerDims = map[db.VolunteerDimension]string{
	db.VolDimYear: "v.year", db.VolDimMonth: "v.month", db.VolDimCampaign: "coalesce(k.code, 'ROUTINE')", db.VolDimUnitKind: "u.kind",
	db.VolDimUnit: "v.unit_id", db.VolDimMethod: "v.method", db.VolDimVerified: "v.verified",
}

// VolunteerStats sums volunteer records grouped by the given dimensions. Donations join on the dimensions they
// share with records (year, campaign, unit, unit kind); grouped by month, method or verified, they are left at 0.
func (s *Store) VolunteerStats(ctx context.Context, groupBy []db.VolunteerDimension, f db.VolunteerCriteria) ([]*db.VolunteerBucket, error) {
	seen := map[db.VolunteerDimension]bool{}
	var grp []string
	for _, g := range groupBy {
		if _, ok := volunteerDims[g]; !ok {
			return nil, db.FieldErrorf("groupBy", "不支持的分组维度：%s", g)
		}
		if !seen[g] {
			seen[g] = true
			grp = append(grp, volunteerDims[g])
		}
	}
	var sel []string
	for _, g := range db.AllVolunteerDimensions {
		if seen[g] {
			sel = append(sel, volunteerDims[g])
		} else {
			sel = append(sel, "NULL")
		}
	}
	w := s.volunteerWhere(f)
	unitName, records, from := "min(u.name)", "count(v.id)", recordFrom
	if f.UnitID == 0 && !seen[db.VolDimUnit] {
		// Everything but a unit is in the rollup; read it instead of the records.
		for i, c := range sel {
			sel[i] = strings.ReplaceAll(c, "u.kind", "v.unit_kind")
		}
		for i, c := range grp {
			grp[i] = strings.ReplaceAll(c, "u.kind", "v.unit_kind")
		}
		w, unitName, records, from = s.rollupVolunteerWhere(f), "NULL", "coalesce(sum(v.records), 0)", yearVolunteerFrom
		if seen[db.VolDimMonth] {
			from = rollupVolunteerFrom
		}
	}
	q := `SELECT ` + strings.Join(sel, ", ") + `, min(k.name_zh), ` + unitName + `,
		coalesce(sum(v.volunteers), 0), coalesce(sum(v.minutes), 0), coalesce(sum(CASE WHEN v.verified THEN v.minutes ELSE 0 END), 0), ` + records +
		from + w.sql()
	if len(grp) > 0 {
		q += ` GROUP BY ` + strings.Join(grp, ", ") + ` HAVING ` + records + ` > 0 ORDER BY ` + strings.Join(grp, ", ")
	}
	rows, err := s.eng.Read().Query(ctx, q, w.args...)
	if err != nil {
		return nil, err
	}
	out, err := collect(rows, func(r Rows) (*db.VolunteerBucket, error) {
		b := &db.VolunteerBucket{}
		var kname, uname *string
		err := r.Scan(&b.Year, &b.Month, &b.Campaign, &b.UnitKind, &b.UnitRef, &b.Method, &b.Verified, &kname, &uname,
			&b.Volunteers, &b.Minutes, &b.VerifiedMinutes, &b.Records)
		if b.Campaign != nil {
			name := deref(kname)
			if *b.Campaign == db.RoutineCampaign {
				name = "常态化志愿服务"
			}
			b.CampaignNameZh = &name
		}
		if b.UnitRef != nil {
			name := deref(uname)
			b.UnitName = &name
		}
		return b, err
	})
	if err != nil {
		return nil, err
	}
	if seen[db.VolDimMonth] || seen[db.VolDimMethod] || seen[db.VolDimVerified] {
		return out, nil
	}
	if out, err = s.addDonations(ctx, out, seen, f); err != nil {
		return nil, err
	}
	db.SortVolunteerBuckets(out, groupBy)
	return out, nil
}

// deref is the value p points to, or the zero value for NULL.
func deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}

// addDonations fills the cash and material columns of buckets grouped by dimensions donations share.
func (s *Store) addDonations(ctx context.Context, buckets []*db.VolunteerBucket, seen map[db.VolunteerDimension]bool, f db.VolunteerCriteria) ([]*db.VolunteerBucket, error) {
	if len(f.Methods) > 0 || f.Verified != nil {
		return buckets, nil
	}
	cols := map[db.VolunteerDimension]string{db.VolDimYear: "x.year", db.VolDimCampaign: "k.code", db.VolDimUnitKind: "u.kind", db.VolDimUnit: "x.unit_id"}
	var sel, grp []string
	for _, g := range []db.VolunteerDimension{db.VolDimYear, db.VolDimCampaign, db.VolDimUnitKind, db.VolDimUnit} {
		if seen[g] {
			sel = append(sel, "coalesce(CAST("+cols[g]+" AS TEXT), '')")
			grp = append(grp, cols[g])
		} else {
			sel = append(sel, "''")
		}
	}
	w := s.where()
	w.years("x.year", f.Years)
	if len(f.Campaigns) > 0 {
		addIn(w, "k.code", f.Campaigns)
	}
	if f.UnitID != 0 {
		w.add("x.unit_id = ?", f.UnitID)
	}
	if f.UnitKind != "" {
		w.add("u.kind = ?", f.UnitKind)
	}
	if f.Demo != nil {
		w.add("x.demo = ?", *f.Demo)
	}
	q := `SELECT ` + strings.Join(sel, ", ") + `, sum(CASE WHEN x.kind = 'CASH' THEN x.amount ELSE 0 END), sum(CASE WHEN x.kind = 'MATERIAL' THEN x.amount ELSE 0 END),
		min(k.name_zh), min(u.name)
		FROM donations x JOIN campaigns k ON k.id = x.campaign_id LEFT JOIN units u ON u.id = x.unit_id` + w.sql()
	if len(grp) > 0 {
		q += ` GROUP BY ` + strings.Join(grp, ", ")
	}
	rows, err := s.eng.Read().Query(ctx, q, w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var groups []db.DonationGroup
	for rows.Next() {
		var g db.DonationGroup
		var cash, material *int64
		var kname, uname *string
		if err := rows.Scan(&g.Year, &g.Campaign, &g.UnitKind, &g.Unit, &cash, &material, &kname, &uname); err != nil {
			return nil, err
		}
		g.Cash, g.Material, g.CampaignNameZh, g.UnitName = deref(cash), deref(material), deref(kname), deref(uname)
		groups = append(groups, g)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return db.MergeDonations(buckets, seen, groups), nil
}

// VolunteerTotalsByUnits sums the volunteer records of several units within the years.
func (s *Store) VolunteerTotalsByUnits(ctx context.Context, ids []int64, years db.YearRange) (map[int64]*db.VolunteerTotals, error) {
	out := map[int64]*db.VolunteerTotals{}
	if len(ids) == 0 {
		return out, nil
	}
	w := s.where()
	addIn(w, "unit_id", ids)
	w.years("year", years)
	rows, err := s.eng.Read().Query(ctx, `SELECT unit_id, sum(volunteers), sum(minutes), sum(verified_minutes), sum(records)
		FROM rollup_unit_year`+w.sql()+` GROUP BY unit_id HAVING sum(records) > 0`, w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		t := &db.VolunteerTotals{}
		if err := rows.Scan(&id, &t.Volunteers, &t.Minutes, &t.VerifiedMinutes, &t.Records); err != nil {
			return nil, err
		}
		out[id] = t
	}
	return out, rows.Err()
}

// Campaigns returns the relief campaigns with their totals from records and donations.
func (s *Store) Campaigns(ctx context.Context) ([]*db.Campaign, error) {
	return s.campaigns(ctx, "", nil)
}

// CampaignsByIDs loads campaigns by ID, with their totals.
func (s *Store) CampaignsByIDs(ctx context.Context, ids []int64) (map[int64]*db.Campaign, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := s.in("k.id", ids)
	cs, err := s.campaigns(ctx, " WHERE "+in, args)
	return byID(cs, func(c *db.Campaign) int64 { return c.ID }), err
}

func (s *Store) campaigns(ctx context.Context, cond string, args []any) ([]*db.Campaign, error) {
	rows, err := s.eng.Read().Query(ctx, `SELECT k.id, k.code, k.name_zh, k.name_en, k.kind, k.start_date, k.end_date, k.description, k.start_basis, k.end_basis,
		coalesce(r.vols, 0), coalesce(r.mins, 0), coalesce(x.cash, 0), coalesce(x.material, 0), coalesce(x.boxes, 0), coalesce(x.batches, 0), coalesce(x.donors, 0), k.version
		FROM campaigns k
		LEFT JOIN (SELECT campaign_id, sum(volunteers) AS vols, sum(minutes) AS mins FROM rollup_volunteer_year WHERE campaign_id > 0 GROUP BY campaign_id) r ON r.campaign_id = k.id
		LEFT JOIN (SELECT campaign_id, sum(CASE WHEN kind = 'CASH' THEN amount ELSE 0 END) AS cash, sum(CASE WHEN kind = 'MATERIAL' THEN amount ELSE 0 END) AS material,
		           sum(boxes) AS boxes, count(DISTINCT batch) AS batches, count(DISTINCT unit_id) AS donors FROM donations GROUP BY campaign_id) x ON x.campaign_id = k.id`+
		cond+` ORDER BY k.start_date, k.id`, args...)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r Rows) (*db.Campaign, error) {
		c := &db.Campaign{}
		return c, r.Scan(&c.ID, &c.Code, &c.NameZh, &c.NameEn, &c.Kind, &c.StartDate, &c.EndDate, &c.Description, &c.StartBasis, &c.EndBasis,
			&c.Volunteers, &c.Minutes, &c.CashDonations, &c.MaterialDonations, &c.Boxes, &c.Batches, &c.DonorUnits, &c.Version)
	})
}

const donationCols = `id, campaign_id, unit_id, kind, amount, boxes, batch, donation_date, description, demo, version`

func scanDonation(r Rows) (*db.Donation, error) {
	x := &db.Donation{}
	return x, r.Scan(&x.ID, &x.CampaignID, &x.UnitID, &x.Kind, &x.Amount, &x.Boxes, &x.Batch, &x.Date, &x.Description, &x.Demo, &x.Version)
}

// DonationsByCampaigns loads the donations of several campaigns.
func (s *Store) DonationsByCampaigns(ctx context.Context, ids []int64) (map[int64][]*db.Donation, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := s.in("campaign_id", ids)
	rows, err := s.eng.Read().Query(ctx, `SELECT `+donationCols+` FROM donations WHERE `+in+` ORDER BY donation_date, id`, args...)
	if err != nil {
		return nil, err
	}
	xs, err := collect(rows, scanDonation)
	return groupBy(xs, func(x *db.Donation) int64 { return x.CampaignID }), err
}

// DonationsByIDs loads donations by ID.
func (s *Store) DonationsByIDs(ctx context.Context, ids []int64) (map[int64]*db.Donation, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := s.in("id", ids)
	rows, err := s.eng.Read().Query(ctx, `SELECT `+donationCols+` FROM donations WHERE `+in, args...)
	if err != nil {
		return nil, err
	}
	xs, err := collect(rows, scanDonation)
	return byID(xs, func(x *db.Donation) int64 { return x.ID }), err
}

func scanProject(r Rows) (*db.VolunteerProject, error) {
	p := &db.VolunteerProject{}
	return p, r.Scan(&p.ID, &p.Name, &p.Brand, &p.Field, &p.UnitID, &p.Demo)
}

// VolunteerProjects lists projects and brands, brands first.
func (s *Store) VolunteerProjects(ctx context.Context, brandOnly bool) ([]*db.VolunteerProject, error) {
	rows, err := s.eng.Read().Query(ctx, `SELECT id, name, brand, field, unit_id, demo FROM volunteer_projects
		WHERE (? = FALSE OR brand = TRUE) ORDER BY brand DESC, demo, id`, brandOnly)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanProject)
}

// VolunteerProjectsByIDs loads projects by ID.
func (s *Store) VolunteerProjectsByIDs(ctx context.Context, ids []int64) (map[int64]*db.VolunteerProject, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := s.in("id", ids)
	rows, err := s.eng.Read().Query(ctx, `SELECT id, name, brand, field, unit_id, demo FROM volunteer_projects WHERE `+in, args...)
	if err != nil {
		return nil, err
	}
	ps, err := collect(rows, scanProject)
	return byID(ps, func(p *db.VolunteerProject) int64 { return p.ID }), err
}

// Federation counts the volunteer federation's members, in all and by year joined.
func (s *Store) Federation(ctx context.Context) (*db.FederationSummary, error) {
	rows, err := s.eng.Read().Query(ctx, `SELECT joined_year, count(CASE WHEN is_group = TRUE THEN 1 END), count(CASE WHEN is_group = FALSE THEN 1 END) FROM federation_members GROUP BY joined_year ORDER BY joined_year`)
	if err != nil {
		return nil, err
	}
	years, err := collect(rows, func(r Rows) (*db.FederationYear, error) {
		y := &db.FederationYear{}
		return y, r.Scan(&y.Year, &y.GroupMembers, &y.IndividualMembers)
	})
	if err != nil {
		return nil, err
	}
	sum := &db.FederationSummary{ByYear: years}
	for _, y := range years {
		sum.GroupMembers += y.GroupMembers
		sum.IndividualMembers += y.IndividualMembers
	}
	return sum, nil
}
