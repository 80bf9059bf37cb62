package importer_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/importer"
	"github.com/xuri/excelize/v2"
)

// TestTemplateInstructionsBilingual checks that the 说明 sheet of every template says each instruction in Chinese and
// then in English, explains every column in English, and keeps the Chinese headers that imports find columns by.
func TestTemplateInstructionsBilingual(t *testing.T) {
	for _, spec := range importer.Specs {
		t.Run(spec.Slug(), func(t *testing.T) {
			if spec.NameEn == "" || spec.KeyEn == "" || db.HasHan(spec.NameEn) {
				t.Fatalf("spec has no English name or key: %q %q", spec.NameEn, spec.KeyEn)
			}
			var b bytes.Buffer
			if err := importer.WriteTemplate(&b, spec, catalog()); err != nil {
				t.Fatal(err)
			}
			x, err := excelize.OpenReader(&b)
			if err != nil {
				t.Fatal(err)
			}
			defer x.Close()
			rows, err := x.GetRows("说明")
			if err != nil {
				t.Fatal(err)
			}
			headers, _ := x.GetRows(spec.Sheet)
			if len(headers) != 1 || strings.Join(headers[0], ",") != strings.Join(spec.Headers(), ",") || !db.HasHan(headers[0][0]) {
				t.Errorf("data sheet headers %v", headers)
			}
			// Numbered instructions come in pairs: 「1. 中文」 then 「1. English」.
			pairs := 0
			for i := 0; i+1 < len(rows); i++ {
				if len(rows[i]) == 0 || len(rows[i+1]) == 0 || len(rows[i][0]) < 3 || rows[i][0][1] != '.' {
					continue
				}
				zh, en := rows[i][0], rows[i+1][0]
				if db.HasHan(zh) && strings.HasPrefix(en, zh[:2]) && strings.Count(en, " ") > 5 {
					pairs++
				}
			}
			if pairs != 7 {
				t.Errorf("%d bilingual instruction pairs, want 7:\n%v", pairs, rows)
			}
			if !strings.Contains(flat(rows), spec.KeyEn) || !strings.Contains(flat(rows), spec.KeyZh) {
				t.Error("the natural key is not explained in both languages")
			}
			for _, c := range spec.Columns {
				found := false
				for _, r := range rows {
					if len(r) >= 5 && r[0] == c.Header {
						found = r[4] != "" && strings.Contains(r[4], c.HelpEn) && c.HelpEn != ""
					}
				}
				if !found {
					t.Errorf("column %s has no English description", c.Header)
				}
			}
		})
	}
}
