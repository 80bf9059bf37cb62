package apitest

import (
	"testing"
)

// TestImportWarnsOfNearNames imports honours of 「四个优秀」, which may go to a community that has no record: a name one
// character from a person's is imported as a community, as before, but the report now warns of the likely typo;
// a name like no record's imports without a word.
func TestImportWarnsOfNearNames(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	if r := As(t, base, admin, `mutation { createPerson(input: {name: "林晓明（演示）"}) { id } }`, nil); len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	file := "荣誉类别,获得者名称,所属单位,年份,授予日期,届次,状态,演示数据\n" +
		"河南省“四个优秀”先进典型,林小明（演示）,,2023,,,获评,是\n" +
		"河南省“四个优秀”先进典型,幸福里社区（演示）,,2023,,,获评,是\n"
	rep := MustUpload(t, base, admin, "HONORS", "honours.csv", []byte(file), false)
	if !rep.Written || rep.Created != 2 {
		t.Fatalf("the import: %+v", rep)
	}
	if rep.WarningCount != 1 || len(rep.Warnings) != 1 || rep.Warnings[0].Row != 2 || rep.Warnings[0].Field != "获得者" ||
		rep.Warnings[0].MessageEn == "" {
		t.Fatalf("warnings %+v", rep.Warnings)
	}
	t.Logf("row %d: %s", rep.Warnings[0].Row, rep.Warnings[0].Message)
}
