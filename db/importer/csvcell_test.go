package importer

import "testing"

// TestCSVCellEscapesFormulas checks that every text a spreadsheet could run as a formula leaves the export with a
// leading ', hidden marks and full-width signs included, and reads back as it was.
func TestCSVCellEscapesFormulas(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		escaped  bool
	}{
		{"Equals", "=1+1", true},
		{"Plus", "+1", true},
		{"Minus", "-1", true},
		{"At", "@SUM(A1)", true},
		{"Tab", "\t=1", true},
		{"ZeroWidthSpace", "\u200b=HYPERLINK(\"x\")", true},
		{"ByteOrderMark", "\ufeff=1", true},
		{"RightToLeftOverride", "\u202e=1", true},
		{"ArabicLetterMark", "\u061c=1", true},
		{"FullWidthEquals", "＝1+1", true},
		{"FullWidthPlus", "＋1", true},
		{"SpaceThenEquals", " =1", true},
		{"IdeographicSpaceThenEquals", "\u3000=1", true},
		{"PlainText", "河南省文明单位", false},
		{"EqualsInside", "a=b", false},
		{"Empty", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := csvCell(tc.in)
			if got := len(out) > 0 && out[0] == '\'' && out[1:] == tc.in; got != tc.escaped {
				t.Fatalf("csvCell(%q) = %q", tc.in, out)
			}
			if back, _ := unescapeCSV(out); back != tc.in {
				t.Fatalf("%q reads back as %q", out, back)
			}
		})
	}
}
