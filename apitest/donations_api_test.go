package apitest

import (
	"net/http"
	"strings"
	"testing"
)

// TestDonationAndPairingWrites drives the donation and pairing mutations through the real handler: roles, field
// errors, stale versions, the recycle bin, and the overview's cash KPI moving by exactly the amount written.
func TestDonationAndPairingWrites(t *testing.T) {
	base, admin, editor, viewer := writers(t)
	ids := data[struct {
		Campaigns []struct{ ID, Code string }
		Units     struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}](t, base, editor, `{ campaigns { id code } units(filter: {kind: "机关"}, first: 1) { edges { node { id } } } }`, nil)
	var flood string
	for _, c := range ids.Campaigns {
		if c.Code == "FLOOD720" {
			flood = c.ID
		}
	}
	if flood == "" || len(ids.Units.Edges) == 0 {
		t.Fatalf("no FLOOD720 campaign or unit: %+v", ids)
	}
	unit := ids.Units.Edges[0].Node.ID
	floodCash := func(h http.Header) float64 {
		t.Helper()
		o := data[struct {
			Overview struct {
				Kpis []struct {
					Key   string
					Value float64
				}
			}
		}](t, base, h, `{ overview { kpis { key value } } }`, nil).Overview
		for _, k := range o.Kpis {
			if k.Key == "flood_cash" {
				return k.Value
			}
		}
		t.Fatal("no flood_cash KPI")
		return 0
	}
	const createDonation = `mutation($i: DonationInput!) { createDonation(input: $i) { id version demo amount kind campaign { code } unit { id } } }`
	const updateDonation = `mutation($id: ID!, $v: Int!, $i: DonationInput!) { updateDonation(id: $id, expectedVersion: $v, input: $i) { version amount } }`
	donation := func(amount any) map[string]any {
		return map[string]any{"campaignId": flood, "unitId": unit, "kind": "CASH", "amount": amount, "date": "2021-07-24", "description": "职工捐款"}
	}
	const amount = "9876543210"

	t.Run("ViewerForbidden", func(t *testing.T) {
		WantCode(t, As(t, base, viewer, createDonation, map[string]any{"i": donation(amount)}).Errors, "FORBIDDEN")
		WantCode(t, As(t, base, nil, createDonation, map[string]any{"i": donation(amount)}).Errors, "UNAUTHENTICATED")
		WantCode(t, As(t, base, viewer, `mutation($u: ID!) { createPairing(input: {unitId: $u, township: "某乡", sinceYear: 2021}) { id } }`,
			map[string]any{"u": unit}).Errors, "FORBIDDEN")
	})

	before := floodCash(editor)
	var donationID string
	t.Run("CreateMovesFloodCashExactly", func(t *testing.T) {
		x := data[struct {
			CreateDonation struct {
				ID, Amount, Kind string
				Version          int
				Demo             bool
			}
		}](t, base, editor, createDonation, map[string]any{"i": donation(amount)}).CreateDonation
		if x.Version != 1 || x.Demo || x.Amount != amount || x.Kind != "CASH" {
			t.Fatalf("created %+v", x)
		}
		donationID = x.ID
		if got := floodCash(editor) - before; got != 9876543210 {
			t.Fatalf("flood_cash moved by %v, want 9876543210", got)
		}
	})

	for _, tc := range []struct {
		name, field string
		in          map[string]any
	}{
		{"NegativeAmount", "amount", donation("-5")},
		{"FractionalYuan", "amount", donation("12.5")},
		{"AmountOverMax", "amount", donation("10000000001")},
		{"CashWithBoxes", "boxes", func() map[string]any { m := donation("100"); m["boxes"] = 3; return m }()},
		{"BeforeCampaign", "date", func() map[string]any { m := donation("100"); m["date"] = "2021-07-01"; return m }()},
		{"CampaignIDOfWrongType", "campaignId", func() map[string]any { m := donation("100"); m["campaignId"] = unit; return m }()},
	} {
		t.Run("ErrInput/"+tc.name, func(t *testing.T) {
			e := WantCode(t, As(t, base, editor, createDonation, map[string]any{"i": tc.in}).Errors, "BAD_USER_INPUT")
			if e.Extensions["field"] != tc.field {
				t.Errorf("field = %v, want %s (message %q)", e.Extensions["field"], tc.field, e.Message)
			}
		})
	}

	t.Run("StaleVersionConflicts", func(t *testing.T) {
		u := data[struct{ UpdateDonation struct{ Version int } }](t, base, editor, updateDonation,
			map[string]any{"id": donationID, "v": 1, "i": donation("9876543211")}).UpdateDonation
		if u.Version != 2 {
			t.Fatalf("version = %d", u.Version)
		}
		e := WantCode(t, As(t, base, editor, updateDonation, map[string]any{"id": donationID, "v": 1, "i": donation("1")}).Errors, "CONFLICT")
		if !HasCJK(e.Message) {
			t.Errorf("conflict message %q has no Chinese", e.Message)
		}
		if got := floodCash(editor) - before; got != 9876543211 {
			t.Fatalf("flood_cash moved by %v after the update, want 9876543211", got)
		}
	})

	t.Run("DeleteAndRestore", func(t *testing.T) {
		bin := data[struct{ DeleteDonation struct{ ID, Entity string } }](t, base, editor,
			`mutation($id: ID!) { deleteDonation(id: $id, expectedVersion: 2) { id entity } }`, map[string]any{"id": donationID}).DeleteDonation
		if bin.Entity != "DONATION" {
			t.Fatalf("bin entry %+v", bin)
		}
		if got := floodCash(editor); got != before {
			t.Fatalf("flood_cash after delete = %v, want %v", got, before)
		}
		r := data[struct {
			RestoreRecord struct {
				Record struct {
					ID, Amount string
					Version    int
				}
			}
		}](t, base, admin, `mutation($id: ID!) { restoreRecord(id: $id) { record { ... on Donation { id amount version } } } }`,
			map[string]any{"id": bin.ID}).RestoreRecord
		if r.Record.ID != donationID || r.Record.Version != 3 || r.Record.Amount != "9876543211" {
			t.Fatalf("restored %+v", r.Record)
		}
		if got := floodCash(editor) - before; got != 9876543211 {
			t.Fatalf("flood_cash moved by %v after restore, want 9876543211", got)
		}
		n := data[struct{ AuditLog struct{ TotalCount int } }](t, base, admin, `{ auditLog(filter: {entity: DONATION}) { totalCount } }`, nil).AuditLog
		if n.TotalCount != 4 {
			t.Errorf("donation audit entries = %d, want 4 (create, update, delete, restore)", n.TotalCount)
		}
	})

	t.Run("PairingWithContents", func(t *testing.T) {
		const create = `mutation($u: ID!) { createPairing(input: {unitId: $u, township: "兰考县某乡", sinceYear: 2021,
			contents: [RURAL_REVITALISATION, POLICY]}) { id version demo township contents } }`
		p := data[struct {
			CreatePairing struct {
				ID, Township string
				Version      int
				Demo         bool
				Contents     []string
			}
		}](t, base, editor, create, map[string]any{"u": unit}).CreatePairing
		if p.Version != 1 || p.Demo || strings.Join(p.Contents, ",") != "POLICY,RURAL_REVITALISATION" {
			t.Fatalf("created %+v", p)
		}
		WantCode(t, As(t, base, editor, create, map[string]any{"u": unit}).Errors, "CONFLICT")
		const update = `mutation($id: ID!, $v: Int!, $u: ID!) { updatePairing(id: $id, expectedVersion: $v,
			input: {unitId: $u, township: "兰考县某乡", sinceYear: 2020}) { version contents } }`
		u := data[struct {
			UpdatePairing struct {
				Version  int
				Contents []string
			}
		}](t, base, editor, update, map[string]any{"id": p.ID, "v": 1, "u": unit}).UpdatePairing
		if u.Version != 2 || len(u.Contents) != 2 {
			t.Fatalf("an update without contents = %+v, want version 2 and the contents kept", u)
		}
		WantCode(t, As(t, base, editor, update, map[string]any{"id": p.ID, "v": 1, "u": unit}).Errors, "CONFLICT")
		e := WantCode(t, As(t, base, editor, `mutation($id: ID!, $u: ID!) { updatePairing(id: $id, expectedVersion: 2,
			input: {unitId: $u, township: "  ", sinceYear: 2020}) { id } }`, map[string]any{"id": p.ID, "u": unit}).Errors, "BAD_USER_INPUT")
		if e.Extensions["field"] != "township" {
			t.Errorf("field = %v, want township", e.Extensions["field"])
		}
		data[struct{ DeletePairing struct{ ID string } }](t, base, editor, `mutation($id: ID!) { deletePairing(id: $id, expectedVersion: 2) { id } }`,
			map[string]any{"id": p.ID})
	})
}
