package dbtest

import (
	"context"
	"testing"

	"github.com/wenming/wenming/db"
)

// donationDataset is the write catalogue plus a demo donation and a demo pairing (on the demo school, with
// contents), so that the demo rule can be tried on stored records.
func donationDataset() *db.Dataset {
	ds := writeDataset()
	// An open-ended and a closed campaign: dates are checked against both ends.
	ds.Campaigns = append(ds.Campaigns, &db.Campaign{ID: 2, Code: "AID_SH", NameZh: "援助上海", NameEn: "Aid to Shanghai", Kind: db.CampaignAid,
		StartDate: "2022-03-01", EndDate: ptr(db.Date("2022-06-30"))})
	school := int64(unitSchool)
	ds.Donations = []*db.Donation{{ID: 1, CampaignID: 1, UnitID: &school, Kind: db.DonationCash, Amount: 1000, Date: "2021-07-25",
		Description: "救灾捐款（演示）", Demo: true}}
	ds.Pairings = []*db.Pairing{{ID: 1, UnitID: unitSchool, Township: "结对乡镇001（演示）", SinceYear: 2020, Demo: true}}
	ds.Article.PairingContents = map[int64][]db.PairingContent{1: {db.ContentCulture, db.ContentRural}}
	return ds
}

// floodCash is the overview's 7·20 cash KPI (cash:FLOOD720) over the reporting years.
func floodCash(tb testing.TB, d db.Backend) float64 {
	tb.Helper()
	o, err := db.BuildOverview(context.Background(), d, db.YearRange{From: db.FirstYear, To: db.LastYear})
	if err != nil {
		tb.Fatal(err)
	}
	for _, k := range o.Kpis {
		if k.Key == "flood_cash" {
			return k.Value
		}
	}
	tb.Fatal("the overview has no flood_cash KPI")
	return 0
}

func donationByID(tb testing.TB, d db.Backend, id int64) *db.Donation {
	tb.Helper()
	m, err := d.DonationsByIDs(context.Background(), []int64{id})
	if err != nil {
		tb.Fatal(err)
	}
	return m[id]
}

func pairingContents(tb testing.TB, d db.Backend, id int64) []db.PairingContent {
	tb.Helper()
	m, err := d.PairingContents(context.Background(), []int64{id})
	if err != nil {
		tb.Fatal(err)
	}
	return m[id]
}

// testDonationWrites covers a donation's life: create, versioned update, delete to the bin and restore, each
// audited and moving the data version, with the overview's cash KPI following by exactly the amount.
func testDonationWrites(t *testing.T, open Opener) {
	ctx := editorCtx()
	d := mustOpenLoaded(t, open, donationDataset())
	// 9 876 543 210 yuan is more than a float32 holds exactly: a float on the way would show as drift.
	const amount = 9_876_543_210
	in := db.DonationFields{CampaignID: 1, UnitID: ptr(int64(unitPower)), Kind: db.DonationCash, Amount: amount, Date: "2021-07-23",
		Description: "  职工捐款 "}
	base := floodCash(t, d)
	assertEqual(t, "flood cash of the dataset", base, 1000.0)

	var id int64
	t.Run("CreateMovesTheKpiByTheAmount", func(t *testing.T) {
		v0 := dataVersion(t, d)
		x, err := d.CreateDonation(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		id = x.ID
		assertEqual(t, "version", x.Version, 1)
		assertEqual(t, "demo", x.Demo, false)
		assertEqual(t, "amount", x.Amount, db.Yuan(amount))
		assertEqual(t, "description trimmed", x.Description, "职工捐款")
		assertEqual(t, "flood cash", floodCash(t, d), base+amount)
		if dataVersion(t, d) <= v0 {
			t.Fatal("a create did not move the data version")
		}
		a := auditOf(t, d, db.AuditCriteria{Entity: db.EntityDonation})
		assertEqual(t, "audit rows", len(a), 1)
		assertEqual(t, "action", a[0].Action, db.ActionCreate)
		assertEqual(t, "after amount", jsonField(t, a[0].After, "amount"), any(float64(amount)))
	})
	t.Run("CampaignTotalsFollow", func(t *testing.T) {
		cs, err := d.Campaigns(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, c := range cs {
			if c.ID == 1 {
				found = true
				assertEqual(t, "cash", c.CashDonations, db.Yuan(1000+amount))
				assertEqual(t, "donor units", c.DonorUnits, 2)
			}
		}
		if !found {
			t.Fatal("campaign 1 is not listed")
		}
	})
	t.Run("UpdateIsVersioned", func(t *testing.T) {
		up := in
		up.Amount = amount + 1
		x, err := d.UpdateDonation(ctx, id, 1, up)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "version", x.Version, 2)
		assertEqual(t, "flood cash", floodCash(t, d), base+amount+1)
		_, err = d.UpdateDonation(ctx, id, 1, in)
		assertCode(t, err, db.ECONFLICT)
		_, err = d.UpdateDonation(ctx, 987654321, 1, in)
		assertCode(t, err, db.ENOTFOUND)
		assertEqual(t, "flood cash after refused writes", floodCash(t, d), base+amount+1)
	})
	var binID int64
	t.Run("DeleteReturnsTheKpi", func(t *testing.T) {
		_, err := d.DeleteRecord(ctx, db.EntityDonation, id, 1)
		assertCode(t, err, db.ECONFLICT)
		bin, err := d.DeleteRecord(ctx, db.EntityDonation, id, 2)
		if err != nil {
			t.Fatal(err)
		}
		binID = bin.ID
		assertEqual(t, "bin entity", bin.Entity, db.EntityDonation)
		assertEqual(t, "flood cash", floodCash(t, d), base)
		if donationByID(t, d, id) != nil {
			t.Fatal("a deleted donation still reads")
		}
	})
	t.Run("RestoreMovesItAgain", func(t *testing.T) {
		if _, err := d.RestoreRecord(adminCtx(), binID); err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "flood cash", floodCash(t, d), base+amount+1)
		x := donationByID(t, d, id)
		if x == nil || x.Version != 3 || x.Amount != amount+1 || *x.UnitID != unitPower || x.Date != "2021-07-23" || x.Demo {
			t.Fatalf("restored %+v", x)
		}
		a := auditOf(t, d, db.AuditCriteria{Entity: db.EntityDonation})
		var actions []db.AuditAction
		for _, e := range a {
			actions = append(actions, e.Action)
		}
		assertEqual(t, "audit actions", actions, []db.AuditAction{db.ActionRestore, db.ActionDelete, db.ActionUpdate, db.ActionCreate})
	})
	t.Run("MaterialWithBoxesAndBatch", func(t *testing.T) {
		x, err := d.CreateDonation(ctx, db.DonationFields{CampaignID: 2, UnitID: ptr(int64(unitFinance)), Kind: db.DonationMaterial, Amount: 35000,
			Boxes: 240, Batch: ptr(2), Date: "2022-04-02"})
		if err != nil {
			t.Fatal(err)
		}
		if x.Boxes != 240 || x.Batch == nil || *x.Batch != 2 {
			t.Fatalf("material %+v", x)
		}
		ms := []db.Metric{"material:AID_SH", "boxes:AID_SH", "batches:AID_SH", "donors:AID_SH"}
		got, err := d.Measure(context.Background(), ms, db.YearRange{From: db.FirstYear, To: db.LastYear})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "material, boxes, batches, donors", []float64{got[ms[0]], got[ms[1]], got[ms[2]], got[ms[3]]}, []float64{35000, 240, 1, 1})
		if _, err := d.CreateDonation(ctx, db.DonationFields{CampaignID: 2, UnitID: ptr(int64(unitFinance)), Kind: db.DonationMaterial, Boxes: 10,
			Batch: ptr(3), Date: "2022-05-02", Description: "生活物资，价值未估"}); err != nil {
			t.Fatal(err)
		}
		got, err = d.Measure(context.Background(), ms, db.YearRange{From: db.FirstYear, To: db.LastYear})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "after a second shipment", []float64{got[ms[0]], got[ms[1]], got[ms[2]], got[ms[3]]}, []float64{35000, 250, 2, 1})
		assertEqual(t, "flood cash untouched", floodCash(t, d), base+amount+1)
	})
	t.Run("RollupsStayExact", func(t *testing.T) { mustRollups(t, d) })
}

// testDonationInvalid checks that every refused donation names its field, writes nothing and leaves the KPI.
func testDonationInvalid(t *testing.T, open Opener) {
	ctx := editorCtx()
	d := mustOpenLoaded(t, open, donationDataset())
	ok := db.DonationFields{CampaignID: 1, UnitID: ptr(int64(unitPower)), Kind: db.DonationCash, Amount: 500, Date: "2021-07-23"}
	with := func(f func(*db.DonationFields)) db.DonationFields {
		x := ok
		f(&x)
		return x
	}
	before := floodCash(t, d)
	v0 := dataVersion(t, d)
	for _, tc := range []struct {
		name, field string
		in          db.DonationFields
	}{
		{"NoCampaign", "campaignId", with(func(x *db.DonationFields) { x.CampaignID = 0 })},
		{"UnknownCampaign", "campaignId", with(func(x *db.DonationFields) { x.CampaignID = 99 })},
		{"UnknownUnit", "unitId", with(func(x *db.DonationFields) { x.UnitID = ptr(int64(999)) })},
		{"UnknownKind", "kind", with(func(x *db.DonationFields) { x.Kind = "STOCK" })},
		{"NegativeAmount", "amount", with(func(x *db.DonationFields) { x.Amount = -1 })},
		{"AmountOverMax", "amount", with(func(x *db.DonationFields) { x.Amount = db.MaxDonationAmount + 1 })},
		{"ZeroCash", "amount", with(func(x *db.DonationFields) { x.Amount = 0 })},
		{"CashWithBoxes", "boxes", with(func(x *db.DonationFields) { x.Boxes = 3 })},
		{"CashWithBatch", "batch", with(func(x *db.DonationFields) { x.Batch = ptr(1) })},
		{"MaterialWithoutValueOrBoxes", "amount", with(func(x *db.DonationFields) { x.Kind, x.Amount = db.DonationMaterial, 0 })},
		{"NegativeBoxes", "boxes", with(func(x *db.DonationFields) { x.Kind, x.Boxes = db.DonationMaterial, -1 })},
		{"TooManyBoxes", "boxes", with(func(x *db.DonationFields) { x.Kind, x.Boxes = db.DonationMaterial, db.MaxDonationBoxes+1 })},
		{"BatchZero", "batch", with(func(x *db.DonationFields) { x.Kind, x.Batch = db.DonationMaterial, ptr(0) })},
		{"BadDate", "date", with(func(x *db.DonationFields) { x.Date = "2021-02-30" })},
		{"BeforeCampaign", "date", with(func(x *db.DonationFields) { x.Date = "2021-07-19" })},
		{"AfterClosedCampaign", "date", with(func(x *db.DonationFields) { x.CampaignID, x.Date = 2, "2022-07-01" })},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := d.CreateDonation(ctx, tc.in)
			assertCode(t, err, db.EINVALID)
			assertEqual(t, "field", db.ErrorField(err), tc.field)
			_, err = d.UpdateDonation(ctx, 1, 1, tc.in)
			assertCode(t, err, db.EINVALID)
		})
	}
	assertEqual(t, "flood cash", floodCash(t, d), before)
	assertEqual(t, "data version", dataVersion(t, d), v0)
	assertEqual(t, "audit", len(auditOf(t, d, db.AuditCriteria{Entity: db.EntityDonation})), 0)
}

// testDonationDemoFlag checks that an edit of a demo donation leaves it demo, and a create is always real.
func testDonationDemoFlag(t *testing.T, open Opener) {
	ctx := editorCtx()
	d := mustOpenLoaded(t, open, donationDataset())
	x, err := d.UpdateDonation(ctx, 1, 1, db.DonationFields{CampaignID: 1, UnitID: ptr(int64(unitSchool)), Kind: db.DonationCash, Amount: 2000,
		Date: "2021-07-26", Description: "救灾捐款（演示）"})
	if err != nil {
		t.Fatal(err)
	}
	if !x.Demo || x.Version != 2 || x.Amount != 2000 {
		t.Fatalf("updated demo donation %+v", x)
	}
	bin, err := d.DeleteRecord(ctx, db.EntityDonation, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.RestoreRecord(adminCtx(), bin.ID); err != nil {
		t.Fatal(err)
	}
	if x := donationByID(t, d, 1); x == nil || !x.Demo {
		t.Fatalf("restored demo donation %+v", x)
	}
	info, err := d.DatasetInfo(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !info.HasDemo {
		t.Fatal("the dataset lost its demo flag")
	}
}

// testPairingWrites covers a pairing's life with its 「四送一助力」 contents, written in the same transaction.
func testPairingWrites(t *testing.T, open Opener) {
	ctx := editorCtx()
	d := mustOpenLoaded(t, open, donationDataset())
	in := db.PairingFields{UnitID: unitPower, Township: " 兰考县某乡 ", CenterID: ptr(int64(5)), SinceYear: 2021,
		Contents: []db.PairingContent{db.ContentRural, db.ContentPolicy, db.ContentHealth}}
	var id int64
	t.Run("CreateWithContents", func(t *testing.T) {
		p, err := d.CreatePairing(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		id = p.ID
		if p.Version != 1 || p.Demo || p.Township != "兰考县某乡" || p.CenterID == nil || *p.CenterID != 5 {
			t.Fatalf("created %+v", p)
		}
		assertEqual(t, "contents in the article's order", pairingContents(t, d, id),
			[]db.PairingContent{db.ContentPolicy, db.ContentHealth, db.ContentRural})
		a := auditOf(t, d, db.AuditCriteria{Entity: db.EntityPairing})
		assertEqual(t, "audit rows", len(a), 1)
		assertEqual(t, "after contents", jsonField(t, a[0].After, "contents"), any([]any{"POLICY", "HEALTH", "RURAL_REVITALISATION"}))
	})
	t.Run("DuplicateTownshipConflicts", func(t *testing.T) {
		_, err := d.CreatePairing(ctx, db.PairingFields{UnitID: unitPower, Township: "兰考县某乡", SinceYear: 2022})
		assertCode(t, err, db.ECONFLICT)
	})
	t.Run("UpdateKeepsOrReplacesContents", func(t *testing.T) {
		keep := in
		keep.SinceYear, keep.KeepContents, keep.Contents = 2020, true, nil
		p, err := d.UpdatePairing(ctx, id, 1, keep)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "version", p.Version, 2)
		assertEqual(t, "kept contents", len(pairingContents(t, d, id)), 3)
		replace := in
		replace.Contents = []db.PairingContent{db.ContentWarmth}
		if _, err := d.UpdatePairing(ctx, id, 2, replace); err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "replaced contents", pairingContents(t, d, id), []db.PairingContent{db.ContentWarmth})
		_, err = d.UpdatePairing(ctx, id, 2, in)
		assertCode(t, err, db.ECONFLICT)
		_, err = d.UpdatePairing(ctx, 987654321, 1, in)
		assertCode(t, err, db.ENOTFOUND)
	})
	t.Run("RefusedUpdateKeepsContents", func(t *testing.T) {
		bad := in
		bad.CenterID = ptr(int64(999))
		_, err := d.UpdatePairing(ctx, id, 3, bad)
		assertCode(t, err, db.EINVALID)
		assertEqual(t, "field", db.ErrorField(err), "centerId")
		assertEqual(t, "contents", pairingContents(t, d, id), []db.PairingContent{db.ContentWarmth})
	})
	t.Run("WishBlocksDelete", func(t *testing.T) {
		w, err := d.CreateWish(ctx, db.WishFields{Title: "为村小学添置图书", Beneficiary: "兰考县某乡某村", PairingID: &id, Stage: db.WishCollected,
			CollectedOn: "2021-08-10"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = d.DeleteRecord(ctx, db.EntityPairing, id, 3)
		assertCode(t, err, db.ECONFLICT)
		if _, err := d.DeleteRecord(ctx, db.EntityWish, w.ID, 1); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("DeleteAndRestoreBringsContentsBack", func(t *testing.T) {
		bin, err := d.DeleteRecord(ctx, db.EntityPairing, id, 3)
		if err != nil {
			t.Fatal(err)
		}
		if m, _ := d.PairingsByIDs(context.Background(), []int64{id}); m[id] != nil {
			t.Fatal("a deleted pairing still reads")
		}
		assertEqual(t, "contents while binned", len(pairingContents(t, d, id)), 0)
		if _, err := d.RestoreRecord(adminCtx(), bin.ID); err != nil {
			t.Fatal(err)
		}
		m, err := d.PairingsByIDs(context.Background(), []int64{id})
		if err != nil {
			t.Fatal(err)
		}
		if p := m[id]; p == nil || p.Version != 4 || p.Township != "兰考县某乡" || p.Demo {
			t.Fatalf("restored %+v", p)
		}
		assertEqual(t, "restored contents", pairingContents(t, d, id), []db.PairingContent{db.ContentWarmth})
		_, err = d.RestoreRecord(adminCtx(), bin.ID)
		assertCode(t, err, db.ECONFLICT)
	})
}

// testPairingInvalid checks that refused pairings name their field and write nothing.
func testPairingInvalid(t *testing.T, open Opener) {
	ctx := editorCtx()
	d := mustOpenLoaded(t, open, donationDataset())
	ok := db.PairingFields{UnitID: unitPower, Township: "某乡", SinceYear: 2021}
	with := func(f func(*db.PairingFields)) db.PairingFields {
		x := ok
		f(&x)
		return x
	}
	v0 := dataVersion(t, d)
	for _, tc := range []struct {
		name, field string
		in          db.PairingFields
	}{
		{"NoUnit", "unitId", with(func(x *db.PairingFields) { x.UnitID = 0 })},
		{"UnknownUnit", "unitId", with(func(x *db.PairingFields) { x.UnitID = 999 })},
		{"BlankTownship", "township", with(func(x *db.PairingFields) { x.Township = "  " })},
		{"UnknownCenter", "centerId", with(func(x *db.PairingFields) { x.CenterID = ptr(int64(999)) })},
		{"YearOutOfRange", "sinceYear", with(func(x *db.PairingFields) { x.SinceYear = 1900 })},
		{"UnknownContent", "contents", with(func(x *db.PairingFields) { x.Contents = []db.PairingContent{"MONEY"} })},
		{"RepeatedContent", "contents", with(func(x *db.PairingFields) { x.Contents = []db.PairingContent{db.ContentWarmth, db.ContentWarmth} })},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := d.CreatePairing(ctx, tc.in)
			assertCode(t, err, db.EINVALID)
			assertEqual(t, "field", db.ErrorField(err), tc.field)
		})
	}
	assertEqual(t, "data version", dataVersion(t, d), v0)
}

// testPairingDemoFlag checks that an edit of a demo pairing leaves it demo, and that it cannot be filed under a
// real county centre: its township is invented.
func testPairingDemoFlag(t *testing.T, open Opener) {
	ctx := editorCtx()
	d := mustOpenLoaded(t, open, donationDataset())
	in := db.PairingFields{UnitID: unitSchool, Township: "结对乡镇001（演示）", SinceYear: 2021, KeepContents: true}
	p, err := d.UpdatePairing(ctx, 1, 1, in)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Demo || p.Version != 2 || p.SinceYear != 2021 {
		t.Fatalf("updated demo pairing %+v", p)
	}
	assertEqual(t, "contents kept", pairingContents(t, d, 1), []db.PairingContent{db.ContentCulture, db.ContentRural})
	in.CenterID = ptr(int64(1))
	_, err = d.UpdatePairing(ctx, 1, 2, in)
	assertCode(t, err, db.EINVALID)
	assertEqual(t, "field", db.ErrorField(err), "centerId")
	// A real pairing may name the centre.
	if _, err := d.CreatePairing(ctx, db.PairingFields{UnitID: unitFinance, Township: "中原区某街道", CenterID: ptr(int64(1)), SinceYear: 2022}); err != nil {
		t.Fatal(err)
	}
}
