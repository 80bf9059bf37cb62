package apitest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
)

// graphqlBlock is a fenced GraphQL example in a Markdown page.
var graphqlBlock = regexp.MustCompile("(?s)```graphql\n(.*?)```")

// TestDocsQueriesValidate checks every GraphQL example in the README and docs/ against the schema, so that a
// renamed field breaks the build before it breaks a reader's reporting tool.
func TestDocsQueriesValidate(t *testing.T) {
	schema := loadSchema(t)
	pages, _ := filepath.Glob("../docs/*.md")
	pages = append(pages, "../README.md")
	n := 0
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range graphqlBlock.FindAllStringSubmatch(string(b), -1) {
			n++
			if _, errs := gqlparser.LoadQuery(schema, m[1]); len(errs) > 0 {
				t.Errorf("%s: %s\n%s", filepath.Base(p), errs, strings.TrimSpace(m[1]))
			}
		}
	}
	if n == 0 {
		t.Fatal("no GraphQL example found in the docs")
	}
	t.Logf("%d GraphQL examples validate", n)
}
