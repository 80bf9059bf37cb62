package resolvers

import "github.com/wenming/wenming/db"

// auditRecordCriteria narrows the audit criteria to one record (auditLog's recordId): its entity and row ID. An
// entity filter naming another kind contradicts it, and is refused rather than answered with an empty page.
func auditRecordCriteria(c db.AuditCriteria, gid string) (db.AuditCriteria, error) {
	e, id, err := db.AuditRecord("recordId", gid)
	if err != nil {
		return c, err
	}
	if c.Entity != "" && c.Entity != e {
		return c, db.FieldErrorf("recordId", "recordId 是 %s 类型的记录，与 entity 筛选 %s 不一致", e, c.Entity)
	}
	c.Entity, c.RecordID = e, id
	return c, nil
}
