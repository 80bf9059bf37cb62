package apitest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/wenming/wenming/db"
)

// messageCalls names the functions that build a user-facing message from a Chinese format, with the index of
// that format among their arguments.
var messageCalls = map[string]int{
	"Errorf":          1, // db.Errorf(code, format, …)
	"FieldErrorf":     1, // db.FieldErrorf(field, format, …)
	"ImportErrorf":    1, // db.ImportErrorf(row, format, …)
	"fail":            1, // importer rowParse.fail(key, format, …)
	"warn":            1, // importer rowParse.warn(key, format, …)
	"fileError":       0, // importer fileError(format, …)
	"gqlErrorf":       0, // httpapi gqlErrorf(format, …)
	"WriteJSONError":  3, // httpapi WriteJSONError(w, status, code, msg, ext)
	"writeJSONErrorf": 3, // httpapi writeJSONErrorf(w, status, code, format, …)
	"badParams":       1, // httpapi badParams(w, msg)
}

// messageSite is one call that builds a message.
type messageSite struct {
	pos    string
	fn     string
	format string // "" when the format is not a literal
	lit    bool
}

// scanMessageSites parses every non-test Go file of the module (generated GraphQL code and the frontend aside) and
// returns the calls of messageCalls, plus the positions of errors built with gqlerror directly from Chinese text.
func scanMessageSites(t *testing.T) (sites []messageSite, direct []string) {
	t.Helper()
	fset := token.NewFileSet()
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "graph", "frontend", "node_modules", ".git", "testdata":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		pkg := f.Name.Name
		for _, decl := range f.Decls {
			fd, _ := decl.(*ast.FuncDecl)
			ast.Inspect(decl, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					name, x := callName(n)
					if x == "gqlerror" && (name == "Errorf" || name == "ErrorPathf") {
						for _, a := range n.Args {
							if s, ok := literal(a); ok && db.HasHan(s) {
								direct = append(direct, fset.Position(n.Pos()).String())
							}
						}
						return true
					}
					i, ok := messageCalls[name]
					if !ok || len(n.Args) <= i {
						return true
					}
					// Only db's Errorf (or Errorf inside package db): fmt.Errorf and t.Errorf are not messages.
					if (name == "Errorf" || name == "FieldErrorf" || name == "ImportErrorf") && !(x == "db" || (x == "" && pkg == "db")) {
						return true
					}
					if (name == "fail" || name == "warn") && pkg != "importer" {
						return true
					}
					site := messageSite{pos: fset.Position(n.Pos()).String(), fn: name}
					site.format, site.lit = literal(n.Args[i])
					if !site.lit && fd != nil && messageCallWrapper(fd.Name.Name) {
						return true // the wrapper passes its own caller's format on
					}
					if !site.lit && name == "WriteJSONError" && len(n.Args) > 4 && carriesMessageEn(n.Args[4]) {
						return true // the English travels in ext
					}
					sites = append(sites, site)
				case *ast.CompositeLit:
					if sel, ok := n.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "Error" && isIdent(sel.X, "gqlerror") {
						for _, el := range n.Elts {
							if kv, ok := el.(*ast.KeyValueExpr); ok && isIdent(kv.Key, "Message") {
								if s, ok := literal(kv.Value); ok && db.HasHan(s) {
									direct = append(direct, fset.Position(n.Pos()).String())
								}
							}
						}
					}
				}
				return true
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return sites, direct
}

// messageCallWrapper reports whether a function is one of the builders themselves, which pass a format through.
func messageCallWrapper(name string) bool {
	_, ok := messageCalls[name]
	return ok || name == "WriteError"
}

func callName(c *ast.CallExpr) (name, x string) {
	switch fn := c.Fun.(type) {
	case *ast.Ident:
		return fn.Name, ""
	case *ast.SelectorExpr:
		if id, ok := fn.X.(*ast.Ident); ok {
			x = id.Name
		}
		return fn.Sel.Name, x
	}
	return "", ""
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

// literal returns a string literal's value, following concatenations of literals.
func literal(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := literal(e.X)
		b, ok2 := literal(e.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return literal(e.X)
	}
	return "", false
}

// carriesMessageEn reports whether an ext argument is a map literal with a "messageEn" key.
func carriesMessageEn(e ast.Expr) bool {
	cl, ok := e.(*ast.CompositeLit)
	if !ok {
		return false
	}
	for _, el := range cl.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if k, ok := literal(kv.Key); ok && k == "messageEn" {
				return true
			}
		}
	}
	return false
}

// verbPattern finds fmt verbs; %% is no verb.
var verbPattern = regexp.MustCompile(`%(?:\[\d+\])?[-+# 0]*(?:\d+|\*)?(?:\.(?:\d+|\*)?)?[a-zA-Z%]`)

// verbs lists the fmt verbs of a format in order; %q and %s take the same arguments, so a Chinese “%s” may
// become an English %q.
func verbs(format string) []string {
	var out []string
	for _, v := range verbPattern.FindAllString(format, -1) {
		if v == "%%" {
			continue
		}
		if strings.HasSuffix(v, "q") {
			v = v[:len(v)-1] + "s"
		}
		out = append(out, v)
	}
	return out
}

// TestMessagesHaveEnglish reads the sources: every Chinese message format given to a message builder must have an
// English entry with the same verbs in the same order, no builder may take a format that is not a literal, and no
// Chinese gqlerror may bypass the builders.
func TestMessagesHaveEnglish(t *testing.T) {
	sites, direct := scanMessageSites(t)
	if len(sites) < 200 {
		t.Fatalf("found only %d message sites: the scan is not reading the sources", len(sites))
	}
	used := map[string]bool{}
	t.Run("EveryChineseFormatHasEnglish", func(t *testing.T) {
		for _, s := range sites {
			if !s.lit {
				t.Errorf("%s: %s takes a format that is not a literal, so its English cannot be checked", s.pos, s.fn)
				continue
			}
			used[s.format] = true
			if !db.HasHan(s.format) {
				continue
			}
			en, ok := db.EnglishFormat(s.format)
			if !ok {
				t.Errorf("%s: no English for %q", s.pos, s.format)
				continue
			}
			if strings.TrimSpace(en) == "" {
				t.Errorf("%s: empty English for %q", s.pos, s.format)
			}
			if zv, ev := verbs(s.format), verbs(en); !slices.Equal(zv, ev) {
				t.Errorf("%s: verbs differ: %q has %v, English %q has %v", s.pos, s.format, zv, en, ev)
			}
		}
	})
	t.Run("NoChineseGqlerrorOutsideBuilders", func(t *testing.T) {
		for _, p := range direct {
			t.Errorf("%s: a Chinese gqlerror built directly carries no messageEn; use httpapi.gqlErrorf", p)
		}
	})
	t.Run("NoBilingualFormats", func(t *testing.T) {
		mixed := regexp.MustCompile(`\p{Han}[^\p{Han}]*。[A-Z][a-z]+ `)
		for _, s := range sites {
			if mixed.MatchString(s.format) {
				t.Errorf("%s: %q carries both languages in one string; keep the English in the table", s.pos, s.format)
			}
		}
	})
	// An entry no code uses is harmless (branches are merged in any order, and the table may run ahead of them);
	// it is listed for cleanup rather than failed.
	for _, f := range db.MessageFormats() {
		if !used[f] {
			t.Logf("table entry %q is used by no message builder", f)
		}
	}
}
