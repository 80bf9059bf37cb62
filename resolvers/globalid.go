package resolvers

import (
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/wenming/wenming/db"
)

// GlobalID encodes a type name and row ID into the opaque ID clients see, e.g. "Unit:12" in base64url.
func GlobalID(typ string, id int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(typ + ":" + strconv.FormatInt(id, 10)))
}

// ParseGlobalID decodes an opaque ID into its type name and row ID, or fails with EINVALID.
func ParseGlobalID(field, gid string) (string, int64, error) {
	raw, err := base64.RawURLEncoding.DecodeString(gid)
	if err == nil {
		typ, num, ok := strings.Cut(string(raw), ":")
		if id, perr := strconv.ParseInt(num, 10, 64); ok && perr == nil && id > 0 && typ != "" {
			return typ, id, nil
		}
	}
	return "", 0, db.FieldErrorf(field, "ID 无效：%q", gid)
}

// parseTypedID decodes an opaque ID that must be of the given type.
func parseTypedID(field, typ, gid string) (int64, error) {
	t, id, err := ParseGlobalID(field, gid)
	if err != nil {
		return 0, err
	}
	if t != typ {
		return 0, db.FieldErrorf(field, "ID 类型应为 %s，实际为 %s", typ, t)
	}
	return id, nil
}
