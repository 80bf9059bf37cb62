package db

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
)

// fieldLabelsJSON is the one label table of the records' fields, shared with the dashboard (frontend/src/lib/fieldLabels.ts
// imports the same file), so that a form, a table column, an export header and the audit log name a field alike.
//
//go:embed fieldlabels.json
var fieldLabelsJSON []byte

// Label is how people call a field: in Chinese, the dashboard's first language, and in English.
type Label struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

// fieldLabels maps an entity (the GraphQL type name, such as Honor) and a field (the GraphQL field name, such as
// recipientName) to its label.
var fieldLabels = mustFieldLabels(fieldLabelsJSON)

func mustFieldLabels(b []byte) map[string]map[string]Label {
	var m map[string]map[string]Label
	if err := json.Unmarshal(b, &m); err != nil {
		panic(fmt.Sprintf("db/fieldlabels.json: %v", err))
	}
	for e, fields := range m {
		for f, l := range fields {
			if l.Zh == "" || l.En == "" {
				panic(fmt.Sprintf("db/fieldlabels.json: %s.%s needs both zh and en", e, f))
			}
		}
	}
	return m
}

// LookupFieldLabel returns the label of an entity's field, and whether the table has one.
func LookupFieldLabel(entity, field string) (Label, bool) {
	l, ok := fieldLabels[entity][field]
	return l, ok
}

// FieldLabel returns the Chinese and English labels of an entity's field; a field the table lacks is named by
// itself, so that nothing shows blank.
func FieldLabel(entity, field string) (zh, en string) {
	if l, ok := LookupFieldLabel(entity, field); ok {
		return l.Zh, l.En
	}
	return field, field
}

// FieldLabelZh returns the Chinese label of an entity's field, which is what spreadsheet headers carry; it panics
// on a field the table lacks, since headers are fixed in code and a test runs them all.
func FieldLabelZh(entity, field string) string {
	l, ok := LookupFieldLabel(entity, field)
	if !ok {
		panic(fmt.Sprintf("db/fieldlabels.json has no %s.%s", entity, field))
	}
	return l.Zh
}

// LabelledEntities lists the entities the label table covers, sorted.
func LabelledEntities() []string {
	return slices.Sorted(maps.Keys(fieldLabels))
}

// LabelledFields lists the fields of an entity that the label table covers, sorted.
func LabelledFields(entity string) []string {
	return slices.Sorted(maps.Keys(fieldLabels[entity]))
}
