package db

// AuditRecord decodes the global ID of a record whose audit entries are asked for (auditLog's recordId) into the
// entity and row ID the audit log stores: row IDs repeat across entities, so the log is filtered by both.
func AuditRecord(field, gid string) (Entity, int64, error) {
	typ, id, err := ParseGlobalID(field, gid)
	if err != nil {
		return "", 0, err
	}
	for e, t := range entityNodes {
		if t == typ {
			return e, id, nil
		}
	}
	return "", 0, FieldErrorf(field, "%s 类型的记录没有审计条目，请给出可编辑记录的 ID", typ)
}
