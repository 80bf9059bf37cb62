package resolvers

import (
	"bytes"
	"encoding/base64"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/importer"
	"github.com/wenming/wenming/graph/model"
)

// reporterImportReport turns a reporter import into its answer, with the credentials sheet as XLSX when accounts
// were made: the one time their passwords exist outside their hashes.
func reporterImportReport(rep *db.ReporterImport, signIn string) (*model.ReporterImportReport, error) {
	out := &model.ReporterImportReport{Rows: rep.Rows, DryRun: rep.DryRun, Written: rep.Written, ContactsSet: rep.ContactsSet,
		Accounts: []*model.ReporterAccount{}, Errors: []*model.ReporterImportError{}}
	for _, c := range rep.Accounts {
		a := &model.ReporterAccount{Row: c.Row, UnitName: c.UnitName, Username: c.User.Username, DisplayName: c.User.DisplayName}
		if rep.Written {
			a.User, a.OneTimePassword = c.User, &c.Password
		}
		out.Accounts = append(out.Accounts, a)
	}
	for _, e := range rep.Errors {
		out.Errors = append(out.Errors, &model.ReporterImportError{Row: e.Row, Field: e.Field, Code: e.Code, Message: e.Message, MessageEn: e.MessageEn})
	}
	if rep.Written {
		var b bytes.Buffer
		if err := importer.WriteCredentials(&b, importer.XLSX, rep.Accounts, signIn, time.Now()); err != nil {
			return nil, err
		}
		sheet := base64.StdEncoding.EncodeToString(b.Bytes())
		out.CredentialsXlsx = &sheet
	}
	return out, nil
}
