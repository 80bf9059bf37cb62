package apitest

import (
	"regexp"
	"strings"
	"testing"
)

var (
	hanRe   = regexp.MustCompile(`\p{Han}`)
	latinRe = regexp.MustCompile(`[A-Za-z]{2,}`)
)

// TestSchemaIsDescribed checks the promise that every type, field, argument and enum value of the API carries
// a description in Chinese and in English, so that GraphiQL and reporting tools document themselves.
func TestSchemaIsDescribed(t *testing.T) {
	schema := loadSchema(t)
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
