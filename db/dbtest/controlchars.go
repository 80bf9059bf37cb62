package dbtest

import (
	"strings"
	"testing"

	"github.com/wenming/wenming/db"
)

// testControlCharacters checks the decision on raw NUL bytes: text with a NUL or another control character is
// refused with a Chinese EINVALID by mutations and imports alike (PostgreSQL could not store a NUL at all, and
// SQLite would hand it to every CSV export), while free text keeps its tabs and line breaks.
func testControlCharacters(t *testing.T, open Opener) {
	ctx := editorCtx()
	d := mustOpenLoaded(t, open, writeDataset())
	for _, tc := range []struct {
		name, field string
		write       func() error
	}{
		{"UnitNameWithNUL", "name", func() error {
			_, err := d.CreateUnit(ctx, db.UnitFields{Name: "省某\x00厅（演示）", Kind: "机关"})
			return err
		}},
		{"UnitSectorWithBell", "sector", func() error {
			_, err := d.CreateUnit(ctx, db.UnitFields{Name: "省某厅（演示）", Kind: "机关", Sector: "文旅\a"})
			return err
		}},
		{"PersonNameWithNewline", "name", func() error {
			_, err := d.CreatePerson(ctx, db.PersonFields{Name: "张\n三"})
			return err
		}},
		{"CitationWithNUL", "citation", func() error {
			_, err := d.CreatePerson(ctx, db.PersonFields{Name: "张三（演示）", Citation: "见义勇为\x00"})
			return err
		}},
		{"ActivityThemeWithC1", "theme", func() error {
			_, err := d.CreatePracticeActivity(ctx, db.PracticeActivityFields{UnitID: unitTransport, Date: "2024-05-01",
				Kind: db.ActivityRoutine, Theme: "宣\u0085讲", Sessions: 1})
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.write()
			assertCode(t, err, db.EINVALID)
			if f := db.ErrorField(err); f != tc.field {
				t.Errorf("field = %q, want %q", f, tc.field)
			}
			if msg := db.ErrorMessage(err); !strings.Contains(msg, "控制字符") {
				t.Errorf("message %q does not name the control character in Chinese", msg)
			}
		})
	}
	t.Run("FreeTextKeepsLineBreaks", func(t *testing.T) {
		p, err := d.CreatePerson(ctx, db.PersonFields{Name: "李四（演示）", Citation: "第一行\n第二行\t完"})
		if err != nil {
			t.Fatal(err)
		}
		if p.Citation != "第一行\n第二行\t完" {
			t.Errorf("citation = %q", p.Citation)
		}
	})
	t.Run("Import", func(t *testing.T) {
		csv := "单位名称,单位类型,所属系统,服务窗口单位\n" +
			"省某\x00厅（演示）,机关,,否\n" +
			"省某某厅（演示）,机关,\"经济\x01系统\",否\n" +
			"省某某局（演示）,机关,经济系统,否\n"
		rep := mustImport(t, d, db.ImportUnits, writeFile(t, "nul.csv", csv), true)
		if rep.ErrorCount != 2 || rep.Valid != 1 {
			t.Fatalf("report %+v %+v, want the two rows with control characters refused", rep, rep.Errors)
		}
		for _, e := range rep.Errors {
			if !strings.Contains(e.Message, "控制字符") || e.Column == "" {
				t.Errorf("row %d: %+v", e.Row, e)
			}
		}
	})
}
