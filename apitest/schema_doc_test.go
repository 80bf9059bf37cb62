package apitest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

var (
	hanRe   = regexp.MustCompile(`\p{Han}`)
	latinRe = regexp.MustCompile(`[A-Za-z]{2,}`)
)

// TestSchemaIsDescribed checks the promise that every type, field, argument and enum value of the API carries
// a description in Chinese and in English, so that GraphiQL and reporting tools document themselves.
func TestSchemaIsDescribed(t *testing.T) {
	files, err := filepath.Glob("../graph/*.graphqls")
	if err != nil || len(files) == 0 {
		t.Fatalf("schema files: %v", err)
	}
	var sources []*ast.Source
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, &ast.Source{Name: f, Input: string(b)})
	}
	schema, gerr := gqlparser.LoadSchema(sources...)
	if gerr != nil {
		t.Fatal(gerr)
	}
	bilingual := func(what, d string) {
		if !hanRe.MatchString(d) || !latinRe.MatchString(d) {
			t.Errorf("%s: description %q is not in Chinese and English", what, d)
		}
	}
	for name, def := range schema.Types {
		if def.BuiltIn || strings.HasPrefix(name, "__") {
			continue
		}
		bilingual(name, def.Description)
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			bilingual(name+"."+f.Name, f.Description)
		}
		for _, v := range def.EnumValues {
			bilingual(name+"."+v.Name, v.Description)
		}
	}
}
