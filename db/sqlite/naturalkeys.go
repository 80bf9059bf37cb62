package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/importer"
)

// migrationChecks run inside a migration's transaction before its SQL, and stop it with a coded error when the
// data would make it fail or lose something; a migration is never left to delete or merge records by itself.
var migrationChecks = map[string]func(context.Context, *sql.Tx) error{
	"migrations/0008_natural_keys.sql": checkNaturalKeys,
}

// honorRecipientRef is the SQL, over the table alias a, of importer.HonorRecipientRef: the recipient record's ID
// by recipient kind, or the display name for a kind without a record table. honors_natural_key (0008) indexes the
// same expression, so that the import's matching probes that index.
func honorRecipientRef(a string) string {
	return strings.ReplaceAll(`(CASE WHEN a.recipient_kind IN ('UNIT', 'CAMPUS', 'WINDOW') THEN a.unit_id WHEN a.recipient_kind = 'PERSON' THEN a.person_id
        WHEN a.recipient_kind = 'PROJECT' THEN a.project_id WHEN a.recipient_kind = 'WORK' THEN a.work_id ELSE a.recipient_name END)`, "a.", a+".")
}

// naturalKey is one kind's natural key as SQL over a table alias, with how a duplicate group is described to a user.
type naturalKey struct {
	table, what string
	// keys are SQL expressions over the alias "t".
	keys []string
	// describe is an SQL expression over "t" naming one record of a group, in Chinese.
	describe string
}

var naturalKeys = []naturalKey{
	{table: "people", what: "先进人物", keys: []string{"t.name", "coalesce(t.unit_id, 0)"},
		describe: `t.name || '（' || coalesce((SELECT u.name FROM units u WHERE u.id = t.unit_id), '无所属单位') || '）'`},
	{table: "honors", what: "荣誉", keys: []string{"t.category_id", "t.recipient_kind", honorRecipientRef("t"), "t.year", "coalesce(t.edition, '')"},
		describe: `(SELECT c.name_zh FROM honor_categories c WHERE c.id = t.category_id) || ' · ' || t.recipient_name || ' · ' || t.year || '年' || coalesce(' · ' || t.edition, '')`},
	{table: "volunteer_records", what: "志愿服务记录", keys: []string{"t.unit_id", "t.service_date", "coalesce(t.campaign_id, 0)", "t.method"},
		describe: `(SELECT u.name FROM units u WHERE u.id = t.unit_id) || ' · ' || t.service_date || ' · ' || coalesce((SELECT c.name_zh FROM campaigns c WHERE c.id = t.campaign_id), '常态化') || ' · ' || ` +
			labelCase("t.method", importer.MethodZh)},
	{table: "practice_activities", what: "文明实践活动", keys: []string{"t.unit_id", "t.activity_date", "t.kind", "t.theme"},
		describe: `(SELECT u.name FROM units u WHERE u.id = t.unit_id) || ' · ' || t.activity_date || ' · ' || ` + labelCase("t.kind", importer.ActivityZh) + ` || ' · ' || t.theme`},
}

// labelCase is SQL that shows an enum column by its Chinese label.
func labelCase[T ~string](col string, labels map[T]string) string {
	var b strings.Builder
	b.WriteString("CASE " + col)
	for code, label := range labels {
		fmt.Fprintf(&b, " WHEN '%s' THEN '%s'", code, label)
	}
	b.WriteString(" ELSE " + col + " END")
	return b.String()
}

// maxListedDuplicates bounds how many duplicate groups the error lists per kind.
const maxListedDuplicates = 20

// checkNaturalKeys refuses migration 0008 while records share a natural key, listing them in Chinese, so that an
// office decides which record is right instead of the migration choosing for it.
func checkNaturalKeys(ctx context.Context, tx *sql.Tx) error {
	var lines []string
	for _, k := range naturalKeys {
		group := strings.Join(k.keys, ", ")
		var groups int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM `+k.table+` t GROUP BY `+group+` HAVING count(*) > 1)`).Scan(&groups); err != nil {
			return fmt.Errorf("check %s keys: %w", k.table, err)
		}
		if groups == 0 {
			continue
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+k.describe+`, group_concat(t.id, '、') FROM `+k.table+` t GROUP BY `+group+
			` HAVING count(*) > 1 ORDER BY min(t.id) LIMIT ?`, maxListedDuplicates)
		if err != nil {
			return fmt.Errorf("list %s duplicates: %w", k.table, err)
		}
		found, err := collect(rows, func(r *sql.Rows) (string, error) {
			var what, ids sql.NullString
			err := r.Scan(&what, &ids)
			return fmt.Sprintf("  - %s「%s」：记录编号 %s", k.what, what.String, ids.String), err
		})
		if err != nil {
			return err
		}
		lines = append(lines, fmt.Sprintf("%s：%d 组自然键重复", k.what, groups))
		lines = append(lines, found...)
		if groups > len(found) {
			lines = append(lines, fmt.Sprintf("  - ……另有 %d 组未列出", groups-len(found)))
		}
	}
	if len(lines) == 0 {
		return nil
	}
	return db.Errorf(db.ECONFLICT, "无法为自然键建立唯一索引：下列记录的自然键相同，导入会把它们当作同一条记录。"+
		"迁移不会自动删除或合并任何记录：请先用原版本程序或数据库工具核对，删除或修改重复的记录，再用新版本启动。\n%s", strings.Join(lines, "\n"))
}
