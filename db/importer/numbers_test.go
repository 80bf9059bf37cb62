package importer_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/importer"
)

// TestNumbersAreDecimal checks that count and hour cells are read as decimal numbers only: Go's float parser alone
// took 0x10 as 16 volunteers and 0x1p-2 as a quarter of an hour.
func TestNumbersAreDecimal(t *testing.T) {
	spec, _ := importer.SpecFor(db.ImportVolunteerRecords)
	for _, tc := range []struct {
		volunteers, hours string
		ok                bool
	}{
		{"25", "75.5", true},
		{"1,000", "1.5E1", true},
		{"+3", ".5", true},
		{"0x10", "1", false},
		{"1", "0x1p-2", false},
		{"1_0", "1", false},
		{"1", "Infinity", false},
		{"1", "nan", false},
		{"", "1", false},
	} {
		t.Run(tc.volunteers+"/"+tc.hours, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "r.csv")
			csv := "单位名称,服务日期,志愿者人数,服务总时长（小时）,记录方式\n甲厅,2024-03-05,\"" + tc.volunteers + "\",\"" + tc.hours + "\",补录\n"
			if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
				t.Fatal(err)
			}
			f, err := importer.Open(path, spec)
			if err != nil {
				t.Fatal(err)
			}
			res, err := importer.Scan(f, importer.NewParser(f, fuzzCatalog(), true), nil)
			if err != nil {
				t.Fatal(err)
			}
			if ok := res.ErrorCount == 0; ok != tc.ok {
				t.Fatalf("accepted = %v, want %v (%+v)", ok, tc.ok, res.Errors)
			}
		})
	}
}
