package apitest

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/wenming/wenming/db/importer"
)

// canaryPlants are unit B's secrets, planted before the sweep: what each is, who must never read it, and how it is
// planted (the canary text is made for it). Planting another is one line here — "B's draft", when drafts land.
var canaryPlants = []canaryPlant{
	{"B's return comment", reviewText, func(t *testing.T, f *twoUnits, c string) {
		f.saveDraftB(t, "单位B上报的活动")
		f.stepB(t, f.repB, "SUBMIT", "")
		f.stepB(t, f.admin, "RETURN", c)
	}},
	{"B's draft", unitSecret, func(t *testing.T, f *twoUnits, c string) { f.saveDraftB(t, c) }},
	{"B's evidence file", unitSecret, func(t *testing.T, f *twoUnits, c string) { f.filesB = append(f.filesB, f.attachB(t, c)) }},
	{"B's practice activity", unitRecord, func(t *testing.T, f *twoUnits, c string) { f.createActivity(t, f.unitB, c) }},
	{"B's deleted practice activity", unitRecord, func(t *testing.T, f *twoUnits, c string) {
		id := f.createActivity(t, f.unitB, c)
		As(t, f.base, f.admin, `mutation($id: ID!) { deletePracticeActivity(id: $id) { id } }`, map[string]any{"id": id}).decode(t, &struct{}{})
	}},
}

// canaryKind is who may read a canary.
type canaryKind int

const (
	// unitSecret is unit B's own reporting (a draft, a submission): only the office's editors and B itself may read
	// it; leaders, other units' reporters and anonymous readers never.
	unitSecret canaryKind = iota
	// reviewText is what the office said of B's report: the office, leaders and B read it; other units' reporters
	// and anonymous readers never.
	reviewText
	// unitRecord is a published record of unit B: another unit's reporter never reads it where anonymous reading is
	// off (where it is on, a reporter reads what anyone may).
	unitRecord
)

type canaryPlant struct {
	what  string
	kind  canaryKind
	plant func(t *testing.T, f *twoUnits, canary string)
}

// planted is a canary in place.
type planted struct {
	what, text string
	kind       canaryKind
}

// plantCanaries plants every canary of canaryPlants on the server.
func plantCanaries(t *testing.T, f *twoUnits) []planted {
	t.Helper()
	var out []planted
	for i, p := range canaryPlants {
		c := planted{what: p.what, text: canaryText(fmt.Sprint(i)), kind: p.kind}
		p.plant(t, f, c.text)
		out = append(out, c)
	}
	return out
}

// TestIsolation calls every surface of the API as callers who must not read unit B's canaries — reporter A by its
// cookie and by its READ and WRITE tokens, a leader, and anonymous readers — and checks that no byte of any answer
// holds one. The fields come from the schema at test time, so a field added later is swept without editing this.
func TestIsolation(t *testing.T) {
	schema := loadSchema(t)

	closed := newTwoUnits(t, false, unlimitedQueries)
	closedCanaries := plantCanaries(t, closed)
	sw := &sweep{schema: schema, f: closed}

	t.Run("TheOfficeReadsEveryCanary", func(t *testing.T) {
		// The sweep reaches where each canary lives: the office, which may read them all, finds each.
		seen := sw.run(t, "the office", closed.admin, false)
		for _, c := range closedCanaries {
			if seen[c.text] == "" {
				t.Errorf("no answer to the office holds %s: the sweep does not reach it", c.what)
			}
		}
	})
	for _, a := range []struct {
		name     string
		h        http.Header
		reporter bool
	}{{"ReporterA", closed.repA, true}, {"ReporterAReadToken", closed.readA, true}, {"ReporterAWriteToken", closed.writeA, true},
		{"Leader", closed.viewer, false}} {
		t.Run(a.name, func(t *testing.T) {
			var hidden []planted
			for _, c := range closedCanaries {
				if c.kind == unitSecret || a.reporter {
					hidden = append(hidden, c)
				}
			}
			if len(hidden) == 0 {
				t.Skip("no canary planted that this caller may not read (canaryPlants has no unitSecret)")
			}
			sw.forbid(t, a.name, a.h, hidden, true)
			if a.reporter {
				sw.nodesAnswerAsMissing(t, a.h)
			}
		})
	}

	open := newTwoUnits(t, true, unlimitedQueries)
	var openSecrets []planted
	for _, c := range plantCanaries(t, open) {
		if c.kind != unitRecord {
			openSecrets = append(openSecrets, c)
		}
	}
	osw := &sweep{schema: schema, f: open}
	t.Run("AnonymousReader", func(t *testing.T) { osw.forbid(t, "anonymous", nil, openSecrets, true) })
	t.Run("ReporterAWhereAnonymousReads", func(t *testing.T) { osw.forbid(t, "reporter A", open.repA, openSecrets, true) })
}

// sweep calls every surface of one server.
type sweep struct {
	schema *ast.Schema
	f      *twoUnits
}

// forbid sweeps as the caller and fails on each answer that holds one of the canaries.
func (s *sweep) forbid(t *testing.T, who string, h http.Header, canaries []planted, writes bool) {
	t.Helper()
	seen := s.run(t, who, h, writes)
	for _, c := range canaries {
		if where := seen[c.text]; where != "" {
			t.Errorf("%s read %s through %s", who, c.what, where)
		}
	}
}

// run calls every surface as the caller (mutations and subscriptions too when writes is set: they are refused to
// everyone swept but the office, which runs none) and returns, for every canary found, the first surface whose
// answer held it.
func (s *sweep) run(t *testing.T, who string, h http.Header, writes bool) map[string]string {
	t.Helper()
	f := s.f
	seen := map[string]string{}
	note := func(where string, answer []byte) {
		if bytes.Contains(answer, []byte("GRAPHQL_VALIDATION_FAILED")) {
			t.Errorf("the sweep's operation for %s is not valid: %.300s", where, answer)
		}
		for _, c := range canaryFinder.FindAll(answer, -1) {
			if seen[string(c)] == "" {
				seen[string(c)] = where
			}
		}
	}
	roots := []struct {
		op  string
		def *ast.Definition
	}{{"query", s.schema.Query}}
	if writes {
		roots = append(roots, struct {
			op  string
			def *ast.Definition
		}{"mutation", s.schema.Mutation})
	}
	calls := 0
	for _, root := range roots {
		for _, fd := range root.def.Fields {
			if strings.HasPrefix(fd.Name, "__") {
				continue
			}
			for _, id := range s.idsFor(root.op, fd) {
				b := opBuilder{s: s.schema, id: id, unit: f.unitB, task: f.task, depth: 5}
				q := root.op + b.variables(fd) + " { " + b.field(fd, 1, map[string]bool{}) + " }"
				var raw []byte
				if strings.Contains(q, "$file") {
					raw = uploadRaw(t, f.base, h, q, "units.csv", []byte("单位名称\n"+f.nameB+"\n"))
				} else {
					raw = postRaw(t, f.base, h, q, nil)
				}
				calls++
				note(root.op+" "+fd.Name+"("+id+")", raw)
			}
		}
	}
	// node with B's IDs, one by one and in aliased batches of 50.
	b := opBuilder{s: s.schema, depth: 3}
	var batch []string
	for i, id := range s.f.nodesB {
		batch = append(batch, fmt.Sprintf("n%d: node(id: %q) { %s }", i, id, b.selection(s.schema.Types["Node"], 1, map[string]bool{})))
	}
	note("a batch of unit B's nodes", postRaw(t, f.base, h, "{ "+strings.Join(batch, " ")+" }", nil))
	// Every export view in both formats, unfiltered and filtered to unit B where it filters by unit.
	for _, v := range importer.ExportViews {
		for _, format := range []string{"csv", "xlsx"} {
			paths := []string{"/export/" + v.Name + "." + format}
			if slices.Contains(v.Params, "unitId") {
				paths = append(paths, paths[0]+"?"+url.Values{"unitId": {f.unitB}}.Encode())
			}
			for _, p := range paths {
				note(p, fileText(t, f.base+p, h))
				calls++
			}
		}
	}
	for _, spec := range importer.Specs {
		p := "/templates/" + spec.Slug() + ".xlsx"
		note(p, fileText(t, f.base+p, h))
	}
	for _, p := range f.filesB {
		note(p, fileText(t, f.base+p, h))
		calls++
	}
	if writes {
		note("subscriptions", s.subscriptions(t, h))
	}
	t.Logf("%s: %d calls", who, calls)
	return seen
}

// idsFor is the IDs a field is called with: where it asks for an ID, unit B's row of the type its name says (or
// unit A's activity, for an update that would move it to B), B's unit and task, and a guessed missing ID; once with
// none where it asks for no ID.
func (s *sweep) idsFor(op string, fd *ast.FieldDefinition) []string {
	asksID := false
	for _, a := range fd.Arguments {
		if a.Type.Name() == "ID" {
			asksID = true
		}
	}
	if !asksID {
		return []string{""}
	}
	name := fd.Name
	for _, p := range []string{"create", "update", "delete", "restore", "cancel", "start", "revoke"} {
		name = strings.TrimPrefix(name, p)
	}
	var ids []string
	if id := s.f.idsB[strings.ToUpper(name[:1])+name[1:]]; id != "" {
		ids = append(ids, id)
	}
	if op == "mutation" && strings.HasPrefix(fd.Name, "update") {
		ids = append(ids, s.f.activityA)
	}
	ids = append(ids, s.f.unitB, s.f.task, "VW5pdDo5OTk5OTk")
	sort.Strings(ids)
	return slices.Compact(ids)
}

// subscriptions starts every subscription field over one WebSocket and reads its first answer; dataChanged's
// second frame comes after unit B's report and a record of B change, so that a frame sent while B changes is read.
func (s *sweep) subscriptions(t *testing.T, h http.Header) []byte {
	t.Helper()
	sock := OpenSocket(t, s.f.base, h, nil)
	var out bytes.Buffer
	for _, fd := range s.schema.Subscription.Fields {
		for _, id := range s.idsFor("subscription", fd) {
			b := opBuilder{s: s.schema, id: id, unit: s.f.unitB, task: s.f.task, depth: 4}
			op := sock.Start(t, "subscription { "+b.field(fd, 1, map[string]bool{})+" }", nil)
			r, closed := sock.Next(t, op)
			if raw, _ := json.Marshal(r); !closed {
				out.Write(raw)
			}
			if fd.Name != "dataChanged" || closed || len(r.Errors) > 0 {
				continue
			}
			s.f.saveDraftB(t, canaryText("live")[7:])
			s.f.createActivity(t, s.f.unitB, canaryText("live")[7:])
			r, _ = sock.Next(t, op)
			raw, _ := json.Marshal(r)
			out.Write(raw)
		}
	}
	return out.Bytes()
}

// nodesAnswerAsMissing checks that each of unit B's IDs answers a reporter of another unit exactly as a missing ID.
func (s *sweep) nodesAnswerAsMissing(t *testing.T, h http.Header) {
	t.Helper()
	var batch []string
	for i, id := range s.f.nodesB {
		batch = append(batch, fmt.Sprintf("n%d: node(id: %q) { id __typename }", i, id))
	}
	batch = append(batch, `missing: node(id: "UHJhY3RpY2VBY3Rpdml0eTo5OTk5OTk") { id __typename }`)
	var out map[string]any
	As(t, s.f.base, h, "{ "+strings.Join(batch, " ")+" }", nil).decode(t, &out)
	if len(out) != len(s.f.nodesB)+1 {
		t.Fatalf("%d answers to %d nodes", len(out), len(s.f.nodesB)+1)
	}
	for k, v := range out {
		if v != nil {
			t.Errorf("node %s of unit B answers another unit's reporter: %v", k, v)
		}
	}
}

// canaryFinder finds planted canaries (canaryText) in an answer.
var canaryFinder = regexp.MustCompile(`CANARY-[0-9a-z]+-[0-9a-f]{12}`)

// opBuilder writes an operation's arguments and selection from the schema: every ID argument carries id, every
// unitId of an input names unit B, and every field is selected down to depth, each type once on a path.
type opBuilder struct {
	s              *ast.Schema
	id, unit, task string
	depth          int
	// prefix names the fields of an inline fragment apart from another type's fields of the same name.
	prefix string
	// listed is set below a list of records: a list of records inside it is left out (each is reached as a list of
	// its own elsewhere), or a list of projects would fetch every honour of every project.
	listed bool
}

// variables declares $file for a field that takes an upload.
func (b opBuilder) variables(fd *ast.FieldDefinition) string {
	for _, a := range fd.Arguments {
		if a.Type.Name() == "Upload" {
			return "($file: Upload!)"
		}
	}
	return ""
}

// field selects fd with its arguments and, for an object, interface or union, its selection.
func (b opBuilder) field(fd *ast.FieldDefinition, depth int, path map[string]bool) string {
	out := fd.Name + b.args(fd.Arguments)
	if def := b.s.Types[fd.Type.Name()]; def != nil && (def.Kind == ast.Object || def.Kind == ast.Interface || def.Kind == ast.Union) {
		if recordList(fd, def) {
			b.listed = true
		}
		out += " { " + b.selection(def, depth, path) + " }"
	}
	return out
}

// selection is every field of def to the depth; object fields past it, or of a type already on the path, are left
// out, and an interface or union is selected through each type that may stand behind it.
func (b opBuilder) selection(def *ast.Definition, depth int, path map[string]bool) string {
	if def.Kind == ast.Interface || def.Kind == ast.Union {
		parts := []string{"__typename"}
		for _, pt := range b.s.GetPossibleTypes(def) {
			if !path[pt.Name] {
				// Each type's fields under names of their own: two types' fields of one name may differ in type.
				alias := b
				alias.prefix = pt.Name + "_"
				parts = append(parts, "... on "+pt.Name+" { "+alias.selection(pt, depth, path)+" }")
			}
		}
		return strings.Join(parts, " ")
	}
	prefix := b.prefix
	b.prefix = ""
	inner := map[string]bool{def.Name: true}
	for k := range path {
		inner[k] = true
	}
	parts := []string{"__typename"}
	for _, fd := range def.Fields {
		if strings.HasPrefix(fd.Name, "__") {
			continue
		}
		sub := b.s.Types[fd.Type.Name()]
		if sub != nil && (sub.Kind == ast.Object || sub.Kind == ast.Interface || sub.Kind == ast.Union) {
			if depth >= b.depth || inner[sub.Name] || (b.listed && recordList(fd, sub)) {
				continue
			}
			parts = append(parts, prefix+fd.Name+": "+b.field(fd, depth+1, inner))
			continue
		}
		parts = append(parts, prefix+fd.Name+": "+b.field(fd, depth, inner))
	}
	return strings.Join(parts, " ")
}

// args writes the required arguments, and the optional ones that name an ID or a unit; a unitId is unit B and a
// taskId B's task, so that a step on another unit's report is tried with IDs that exist.
func (b opBuilder) args(defs ast.ArgumentDefinitionList) string {
	var parts []string
	for _, a := range defs {
		required := a.Type.NonNull && a.DefaultValue == nil
		def := b.s.Types[a.Type.Name()]
		names := a.Type.Name() == "ID" || (def != nil && def.Kind == ast.InputObject && (def.Fields.ForName("unitId") != nil || def.Fields.ForName("unitIds") != nil))
		switch {
		case a.Name == "unitId" && a.Type.Name() == "ID":
			parts = append(parts, a.Name+": "+quote(b.unit))
		case a.Name == "taskId" && a.Type.Name() == "ID" && b.task != "":
			parts = append(parts, a.Name+": "+quote(b.task))
		case required || names:
			parts = append(parts, a.Name+": "+b.value(a.Type, 0))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// value is a literal of the type, with every required input field (and every unitId, when the builder names a
// unit), so that an operation passes validation and reaches the server's checks.
func (b opBuilder) value(t *ast.Type, depth int) string {
	if t.Elem != nil {
		return "[" + b.value(t.Elem, depth) + "]"
	}
	def := b.s.Types[t.NamedType]
	switch {
	case def == nil:
		return "null"
	case def.Kind == ast.Enum:
		return def.EnumValues[0].Name
	case def.Kind == ast.InputObject:
		var parts []string
		for _, f := range def.Fields {
			switch {
			case f.Name == "unitId" && b.unit != "":
				parts = append(parts, f.Name+": "+quote(b.unit))
			case f.Name == "unitIds" && b.unit != "":
				parts = append(parts, f.Name+": ["+quote(b.unit)+"]")
			case f.Type.NonNull && f.DefaultValue == nil && depth < 4:
				parts = append(parts, f.Name+": "+b.value(f.Type, depth+1))
			}
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	switch t.NamedType {
	case "ID":
		id := b.id
		if id == "" {
			id = b.unit
		}
		return quote(id)
	case "Int":
		return "2024"
	case "Float":
		return "1.5"
	case "Boolean":
		return "true"
	case "Upload":
		return "$file"
	case "Date":
		return `"2024-05-18"`
	case "Yuan":
		return `"1.00"`
	}
	return `"隔离测试"`
}

// recordList reports whether a field is a list of records: of a type with an ID, or a connection's edges.
func recordList(fd *ast.FieldDefinition, def *ast.Definition) bool {
	return fd.Type.Elem != nil && (def.Fields.ForName("id") != nil || strings.HasSuffix(def.Name, "Edge") || def.Kind != ast.Object)
}

func quote(s string) string { b, _ := json.Marshal(s); return string(b) }

// postRaw POSTs an operation and returns the response's bytes, whatever its status.
func postRaw(t *testing.T, base string, h http.Header, q string, vars map[string]any) []byte {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	res := Do(t, http.MethodPost, base+"/graphql", bytes.NewReader(body), h, "application/json")
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// uploadRaw posts an operation with a file and returns the response's bytes.
func uploadRaw(t *testing.T, base string, h http.Header, q, name string, content []byte) []byte {
	t.Helper()
	_, r := UploadOperation(t, base, WithUpload(h), q, nil, name, content)
	raw, _ := json.Marshal(r)
	return raw
}

// fileText GETs a file and returns its bytes, with every part of a zip (an XLSX) unpacked after them, so that
// text compressed inside a workbook is searched too.
func fileText(t *testing.T, u string, h http.Header) []byte {
	t.Helper()
	res := Do(t, http.MethodGet, u, nil, h, "")
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw))); err == nil {
		for _, zf := range zr.File {
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			part, _ := io.ReadAll(rc)
			rc.Close()
			raw = append(raw, part...)
		}
	}
	return raw
}
