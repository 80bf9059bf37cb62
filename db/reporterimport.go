package db

import (
	"context"
	"crypto/rand"
	"fmt"
	"math/big"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"
)

// ReporterRow is one row of a reporter import file (单位, 用户名, 姓名, 手机), as read, with its row number.
type ReporterRow struct {
	// Row is the row number as the spreadsheet shows it: the header is row 1.
	Row         int
	UnitName    string
	Username    string
	DisplayName string
	Phone       string
}

// Stable codes of a reporter import's row errors, for clients that branch on them.
const (
	ReporterRowRequired          = "REQUIRED"
	ReporterRowUnitNotFound      = "UNIT_NOT_FOUND"
	ReporterRowUsernameInvalid   = "USERNAME_INVALID"
	ReporterRowUsernameDuplicate = "USERNAME_DUPLICATE"
	ReporterRowUsernameTaken     = "USERNAME_TAKEN"
	ReporterRowNameInvalid       = "NAME_INVALID"
	ReporterRowPhoneInvalid      = "PHONE_INVALID"
	ReporterRowHeader            = "HEADER"
	ReporterRowEmpty             = "EMPTY"
)

// ReporterRowError is one problem with a row of a reporter import: its row, the column at fault, a stable code,
// and why in Chinese and English.
type ReporterRowError struct {
	*ImportError
	Code string
}

func coded(code, field string, e *ImportError) *ReporterRowError {
	return &ReporterRowError{ImportError: e.At("", field), Code: code}
}

// ReporterCredential is one account a reporter import made, with the one-time password it hands over once.
type ReporterCredential struct {
	Row      int
	UnitID   int64
	UnitName string
	User     *User
	// Password is the one-time password; it is kept nowhere but in this answer (the store keeps its hash).
	Password string
}

// ReporterImport is what a reporter import did, or would do on a dry run: the accounts, or every row's errors.
type ReporterImport struct {
	Rows   int
	DryRun bool
	// Written is true when the accounts were committed: never on a dry run or with any error.
	Written bool
	// Accounts lists the accounts made (or, on a dry run, that would be, without passwords).
	Accounts []*ReporterCredential
	// ContactsSet counts the units whose empty contact the import filled in.
	ContactsSet int
	Errors      []*ReporterRowError
}

// NewReporterAccount is one account for ReporterImportStore.CreateReporters, with the contact it gives its unit
// when the unit has none.
type NewReporterAccount struct {
	User    *User
	Contact UnitContact
}

// ReporterImportStore is what a reporter import needs from the store.
type ReporterImportStore interface {
	// UnitIDsByName maps the names of existing units to their IDs.
	UnitIDsByName(ctx context.Context, names []string) (map[string]int64, error)
	// TakenUsernames returns which of the usernames exist already, in any letter case, lower-cased.
	TakenUsernames(ctx context.Context, usernames []string) (map[string]bool, error)
	// CreateReporters adds the accounts in one transaction, audited, and gives each unit without a contact the
	// contact of its first account that has a phone; it returns how many units got one. A username taken meanwhile
	// is ECONFLICT and nothing is written.
	CreateReporters(ctx context.Context, accounts []NewReporterAccount) (int, error)
}

// MaxReporterImportRows bounds a reporter import: a province has a few hundred units, and each row costs a
// password hash.
const MaxReporterImportRows = 2000

// ImportReporters creates a reporter for every row, all or nothing (admins only, signed in): each row's unit must
// exist by name, usernames must be new and unique in the file, names and phones valid. Each account gets a one-time
// password to change at its first sign-in; the phone also becomes the unit's contact when the unit has none. A dry
// run checks everything and writes nothing.
func (a Accounts) ImportReporters(ctx context.Context, s ReporterImportStore, rows []ReporterRow, dryRun bool) (*ReporterImport, error) {
	if err := Require(ctx, RoleAdmin); err != nil {
		return nil, err
	}
	if err := RequireSession(ctx); err != nil {
		return nil, err
	}
	out := &ReporterImport{Rows: len(rows), DryRun: dryRun}
	if len(rows) == 0 {
		out.Errors = append(out.Errors, coded(ReporterRowEmpty, "", ImportErrorf(2, "文件中没有数据行。")))
		return out, nil
	}
	if len(rows) > MaxReporterImportRows {
		return nil, FieldErrorf("file", "一次最多导入 %d 个账号，文件有 %d 行", MaxReporterImportRows, len(rows))
	}
	names := make([]string, 0, len(rows))
	usernames := make([]string, 0, len(rows))
	for i := range rows {
		r := &rows[i]
		r.UnitName, r.Username = strings.TrimSpace(r.UnitName), strings.TrimSpace(r.Username)
		r.DisplayName, r.Phone = strings.TrimSpace(r.DisplayName), strings.TrimSpace(r.Phone)
		names = append(names, r.UnitName)
		usernames = append(usernames, r.Username)
	}
	units, err := s.UnitIDsByName(ctx, names)
	if err != nil {
		return nil, err
	}
	taken, err := s.TakenUsernames(ctx, usernames)
	if err != nil {
		return nil, err
	}
	firstRow := map[string]int{}
	for _, r := range rows {
		out.Errors = append(out.Errors, checkReporterRow(r, units, taken, firstRow)...)
		if len(out.Errors) == 0 {
			out.Accounts = append(out.Accounts, &ReporterCredential{Row: r.Row, UnitID: units[r.UnitName], UnitName: r.UnitName,
				User: &User{Username: r.Username, DisplayName: r.DisplayName, Role: RoleReporter, UnitID: units[r.UnitName], MustChangePassword: true}})
		}
	}
	if len(out.Errors) > 0 {
		out.Accounts = nil
		return out, nil
	}
	if dryRun {
		return out, nil
	}
	progress := ProgressFrom(ctx)
	progress.Phase("密码", int64(len(rows)))
	if err := a.hashOneTimePasswords(out.Accounts, progress); err != nil {
		return nil, err
	}
	accounts := make([]NewReporterAccount, len(rows))
	for i, c := range out.Accounts {
		accounts[i] = NewReporterAccount{User: c.User, Contact: UnitContact{Name: rows[i].DisplayName, Phone: rows[i].Phone}}
	}
	progress.Phase("写入", int64(len(rows)))
	if out.ContactsSet, err = s.CreateReporters(ctx, accounts); err != nil {
		return nil, err
	}
	progress.Add(int64(len(rows)))
	out.Written = true
	return out, nil
}

// checkReporterRow lists a row's problems; firstRow remembers where each username first appeared in the file.
func checkReporterRow(r ReporterRow, units map[string]int64, taken map[string]bool, firstRow map[string]int) []*ReporterRowError {
	var errs []*ReporterRowError
	required := []struct{ header, value string }{{"单位", r.UnitName}, {"用户名", r.Username}}
	for _, c := range required {
		if c.value == "" {
			errs = append(errs, coded(ReporterRowRequired, c.header, ImportErrorf(r.Row, "“%s”不能为空。", c.header)))
		}
	}
	if _, ok := units[r.UnitName]; r.UnitName != "" && !ok {
		errs = append(errs, coded(ReporterRowUnitNotFound, "单位", ImportErrorf(r.Row, "单位不存在：%s", r.UnitName)))
	}
	if r.Username != "" {
		key := strings.ToLower(r.Username)
		if err := ValidUsername(r.Username); err != nil {
			errs = append(errs, rowError(r.Row, "用户名", ReporterRowUsernameInvalid, err))
		} else if utf8.RuneCountInString(r.Username) < 2 {
			errs = append(errs, rowError(r.Row, "用户名", ReporterRowUsernameInvalid, FieldErrorf("username", "用户名须为 2–64 个字符")))
		} else if first, dup := firstRow[key]; dup {
			errs = append(errs, coded(ReporterRowUsernameDuplicate, "用户名", ImportErrorf(r.Row, "用户名 %s 与第 %d 行重复。", r.Username, first)))
		} else if taken[key] {
			errs = append(errs, coded(ReporterRowUsernameTaken, "用户名", ImportErrorf(r.Row, "用户名 %s 已被使用。", r.Username)))
		}
		if _, dup := firstRow[key]; !dup {
			firstRow[key] = r.Row
		}
	}
	c := UnitContact{Name: r.DisplayName, Phone: r.Phone}
	if err := c.Validate(); err != nil {
		field, code := "姓名", ReporterRowNameInvalid
		if de, ok := err.(*Error); ok && de.Field == "contactPhone" {
			field, code = "手机", ReporterRowPhoneInvalid
		}
		errs = append(errs, rowError(r.Row, field, code, err))
	}
	return errs
}

// hashOneTimePasswords gives each account a one-time password and its hash, on every core: at the server's bcrypt
// cost a hash takes a quarter of a second, and a province has hundreds of units.
func (a Accounts) hashOneTimePasswords(creds []*ReporterCredential, progress Progress) error {
	work := make(chan *ReporterCredential)
	errs := make(chan error, len(creds))
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(creds)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range work {
				c.Password = NewOneTimePassword()
				h, err := HashPassword(c.Password, a.cost())
				c.User.PasswordHash = h
				errs <- err
				progress.Add(1)
			}
		}()
	}
	for _, c := range creds {
		work <- c
	}
	close(work)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// MaxSignInURLLength bounds the sign-in address printed on every slip of a credentials sheet.
const MaxSignInURLLength = 300

// ValidSignInURL checks the sign-in address a credentials sheet prints: one line of at most 300 characters.
func ValidSignInURL(u string) error {
	if utf8.RuneCountInString(u) > MaxSignInURLLength {
		return FieldErrorf("signInUrl", "登录地址不能超过 %d 个字符", MaxSignInURLLength)
	}
	return CheckText("signInUrl", "登录地址", u, false)
}

// oneTimeAlphabet leaves out the characters people misread on paper (0 O o 1 l I) and every sign a spreadsheet
// would take for a formula.
const oneTimeAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// NewOneTimePassword returns a random password of 12 characters (about 69 bits) meant to be read off a printed slip
// and typed once.
func NewOneTimePassword() string {
	b := make([]byte, 12)
	for i := range b {
		n, err := rand.Int(rand.Reader, big.NewInt(int64(len(oneTimeAlphabet))))
		if err != nil {
			panic(err)
		}
		b[i] = oneTimeAlphabet[n.Int64()]
	}
	return string(b)
}

// rowError places a field error of the domain's rules in a row, keeping its Chinese and English.
func rowError(row int, field, code string, err error) *ReporterRowError {
	e := &ImportError{Row: row, Message: ErrorMessage(err), MessageEn: ErrorMessageEn(err)}
	return &ReporterRowError{ImportError: e.At("", field), Code: code}
}

// String says the row error in one line, for the command line.
func (e *ReporterRowError) String() string {
	where := fmt.Sprintf("第 %d 行", e.Row)
	if e.Field != "" {
		where += "“" + e.Field + "”"
	}
	return fmt.Sprintf("%s：%s（%s）[%s]", where, e.Message, e.MessageEn, e.Code)
}
