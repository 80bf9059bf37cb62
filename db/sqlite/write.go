package sqlite

import (
	"errors"
	"strings"
	"time"

	"github.com/wenming/wenming/db"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// auditTimeFormat keeps times as UTC text whose order is time order.
const auditTimeFormat = "2006-01-02T15:04:05.000Z"

func formatAuditTime(t time.Time) string { return t.UTC().Format(auditTimeFormat) }

// uniqueMessages explains, in Chinese, which UNIQUE constraint a write broke, keyed on its first column.
var uniqueMessages = map[string]string{
	"units.name":                     "同名单位已存在",
	"campaigns.code":                 "该代码的专项行动已存在",
	"practice_links.unit_id":         "该单位与该实践中心的联系已存在",
	"assessments.unit_id":            "该单位该年度的测评已存在",
	"targets.metric":                 "该指标该年度的目标已存在",
	"ranking_weights.from_year":      "该年份的权重版本已存在",
	"indicator_scores.assessment_id": "指标得分重复",
	"volunteer_projects.name":        "同名志愿服务项目已存在",
	"pairings.unit_id":               "该单位与该乡镇的结对已存在",
	// Natural keys indexed on expressions (0008); SQLite names the index instead of the columns.
	"index 'people_natural_key'":            "同一单位已有同名人物",
	"index 'honors_natural_key'":            "该获得者在该年度（届次）已有同一类别的荣誉",
	"index 'volunteer_records_natural_key'": "该单位同一天同一专项行动已有按同一方式记录的志愿服务记录",
	"practice_activities.unit_id":           "该单位同一天已有同类型、同主题的文明实践活动",
	"excellent_cases.compilation_id":        "该汇编中已有同名案例",
}

// constraintError turns SQLite constraint failures into coded errors: UNIQUE → ECONFLICT, FOREIGN KEY →
// ECONFLICT (a referenced record is missing or still referenced), CHECK and NOT NULL → EINVALID. Other errors
// pass through unchanged. This is the only place that reads the driver's error.
func constraintError(err error) error {
	var se *sqlite.Error
	if err == nil || !errors.As(err, &se) {
		return err
	}
	code := se.Code()
	if code&0xff != sqlite3.SQLITE_CONSTRAINT {
		return storageError(err)
	}
	switch code {
	case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
		msg := "记录已存在（ID 或唯一键重复）"
		// The driver names the columns: "… UNIQUE constraint failed: units.name (2067)" or "…: targets.metric, targets.year".
		text := se.Error()
		if i := strings.LastIndex(text, "failed: "); i >= 0 {
			first, _, _ := strings.Cut(text[i+len("failed: "):], ",")
			if !strings.HasPrefix(first, "index '") {
				first, _, _ = strings.Cut(first, " ")
			} else if j := strings.IndexByte(first[len("index '"):], '\''); j >= 0 {
				first = first[:len("index '")+j+1]
			}
			if m, ok := uniqueMessages[first]; ok {
				msg = m
			}
		}
		return db.Errorf(db.ECONFLICT, "%s。", msg)
	case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return db.Errorf(db.ECONFLICT, "所引用的记录不存在或已被删除，或该记录仍被其他记录引用。")
	case sqlite3.SQLITE_CONSTRAINT_CHECK, sqlite3.SQLITE_CONSTRAINT_NOTNULL:
		return db.Errorf(db.EINVALID, "数据不符合约束：%s", strings.TrimPrefix(se.Error(), "constraint failed: "))
	}
	return db.Errorf(db.ECONFLICT, "违反数据约束。")
}
