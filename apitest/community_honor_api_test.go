package apitest

import (
	"context"
	"testing"

	"github.com/wenming/wenming/db"
)

// TestCommunityHonorRoundTrip checks that community honours of 「四个优秀」, which name no record, export and import
// back unchanged with everything else, in both formats.
func TestCommunityHonorRoundTrip(t *testing.T) {
	m := MustRunMain(t)
	ctx := db.WithPrincipal(context.Background(), &db.Principal{Username: "test", Role: db.RoleEditor, Via: "cli"})
	for _, in := range []db.HonorFields{
		{CategoryCode: "DIRECT_FOUR_EXCELLENT", RecipientName: "幸福里社区", Year: 2023},
		{CategoryCode: "HENAN_FOUR_EXCELLENT", RecipientName: "幸福里社区", Year: 2023},
	} {
		h, err := m.Backend.CreateHonor(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if h.RecipientKind != db.RecipientCommunity {
			t.Fatalf("honour %+v", h)
		}
	}
	assertRoundTrip(t, m, "csv", "xlsx")
}
