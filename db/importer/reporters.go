package importer

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/wenming/wenming/db"
)

// headerCases gives a header in the letter cases people type it in, since the header match is exact.
func headerCases(names ...string) []string {
	var out []string
	for _, n := range names {
		out = append(out, n, strings.ToLower(n), strings.ToUpper(n))
	}
	return out
}

// ReporterSpec is the layout of a reporter import file: 单位, 用户名, 姓名, 手机, with Chinese or English headers.
var ReporterSpec = &Spec{
	Entity: "User", NameZh: "单位填报员账号", NameEn: "unit reporter accounts", Sheet: "填报员账号",
	Columns: []Column{
		{Key: "unit", Header: "单位", Required: true, Aliases: append([]string{"单位名称"}, headerCases("Unit", "Unit name")...),
			Help: "省直单位的名称，须与系统中的单位名称完全一致。", HelpEn: "The unit's name, exactly as the dashboard has it.", Example: "省文化和旅游厅", Width: 28},
		{Key: "username", Header: "用户名", Required: true, Aliases: append([]string{"账号"}, headerCases("Username", "User name", "Account")...),
			Help: "登录用的用户名，2–64 个字符：文字、数字和 . _ - @，不能与已有账号重复。", HelpEn: "The sign-in name: 2–64 letters, digits or . _ - @, not taken.",
			Example: "whlyt", Width: 18},
		{Key: "name", Header: "姓名", Aliases: append([]string{"联系人"}, headerCases("Name", "Display name", "Contact")...),
			Help: "填报员姓名，最多 50 个字。", HelpEn: "The reporter's name, at most 50 characters.", Example: "张晓明", Width: 14, MaxLen: db.MaxContactNameLength},
		{Key: "phone", Header: "手机", Aliases: append([]string{"手机号", "联系电话", "电话"}, headerCases("Phone", "Mobile", "Telephone")...),
			Help:   "手机号码：数字、空格、- 和 +，最多 20 个字符；单位尚无联系人时，同时设为单位联系人。",
			HelpEn: "Phone: digits, spaces, - and +, at most 20; it also becomes the unit's contact when the unit has none.", Example: "138 0000 0000", Width: 18},
	},
}

// ReadReporters reads every data row of a reporter import file (XLSX, or CSV in UTF-8 or GB18030). Problems with
// its header come back as row errors; an unreadable file fails with EINVALID.
func ReadReporters(path string, maxUnzipped int64) ([]db.ReporterRow, []*db.ReporterRowError, error) {
	f, err := OpenLimited(path, ReporterSpec, maxUnzipped)
	if err != nil {
		return nil, nil, err
	}
	if len(f.HeaderErrors) > 0 {
		errs := make([]*db.ReporterRowError, len(f.HeaderErrors))
		for i, e := range f.HeaderErrors {
			errs[i] = &db.ReporterRowError{ImportError: e, Code: db.ReporterRowHeader}
		}
		return nil, errs, nil
	}
	var rows []db.ReporterRow
	err = f.Each(func(r Row) error {
		if len(rows) >= db.MaxReporterImportRows {
			return db.FieldErrorf("file", "一次最多导入 %d 个账号", db.MaxReporterImportRows)
		}
		rows = append(rows, db.ReporterRow{Row: r.Num, UnitName: r.Cells[0], Username: r.Cells[1], DisplayName: r.Cells[2], Phone: r.Cells[3]})
		return nil
	})
	return rows, nil, err
}

// WriteReporterTemplate writes the XLSX template of a reporter import: the four columns with an example row's help
// as comments, and a 说明 sheet in Chinese and English.
func WriteReporterTemplate(out io.Writer) error {
	x := excelize.NewFile()
	defer x.Close()
	sheet := ReporterSpec.Sheet
	if err := x.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	head, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	req, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "C00000"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	text, _ := x.NewStyle(&excelize.Style{NumFmt: 49}) // "@": a phone or a username of digits stays text
	for i, c := range ReporterSpec.Columns {
		col := ColumnName(i)
		if err := x.SetCellStr(sheet, col+"1", c.Header); err != nil {
			return err
		}
		st := head
		if c.Required {
			st = req
		}
		x.SetCellStyle(sheet, col+"1", col+"1", st)
		x.SetColWidth(sheet, col, col, c.Width)
		x.SetColStyle(sheet, col, text)
		x.AddComment(sheet, excelize.Comment{Cell: col + "1", Author: "文明看板", Paragraph: []excelize.RichTextRun{{Text: c.Help}}})
	}
	x.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	if _, err := x.NewSheet(instructionsSheet); err != nil {
		return err
	}
	lines := [][]any{
		{"文明看板 · 单位填报员账号批量导入模板"},
		{"Wenming Dashboard · template for creating unit reporter accounts in bulk."},
		{},
		{"1. 在“" + sheet + "”工作表第 2 行起每行填写一个账号；红色表头为必填列。表头也可以用英文：Unit、Username、Name、Phone。"},
		{"   Fill one account a row from row 2; red headers are required. English headers (Unit, Username, Name, Phone) work too."},
		{"2. 只要有一行出错，就不会创建任何账号；先点“检查”可只校验不创建。"},
		{"   One bad row and no account is made; 检查 (check) validates without creating anything."},
		{"3. 每个账号生成一次性初始密码，只在导入结果中显示一次，请立即打印或下载账号单；首次登录须修改密码。"},
		{"   Each account gets a one-time password, shown once in the result: print or download the sheet at once; it must be changed at the first sign-in."},
		{},
		{"列 Column", "说明", "Meaning", "示例 Example"},
	}
	for _, c := range ReporterSpec.Columns {
		lines = append(lines, []any{c.Header, c.Help, c.HelpEn, c.Example})
	}
	for i, l := range lines {
		x.SetSheetRow(instructionsSheet, fmt.Sprintf("A%d", i+1), &l)
	}
	x.SetColWidth(instructionsSheet, "A", "A", 14)
	x.SetColWidth(instructionsSheet, "B", "C", 60)
	_, err := x.WriteTo(out)
	return err
}

// CredentialHeaders are the columns of a credentials sheet, its CSV and XLSX alike.
var CredentialHeaders = []string{"单位", "用户名", "姓名", "初始密码", "登录地址", "说明"}

// CredentialInstruction is the short instruction each slip of a credentials sheet carries.
const CredentialInstruction = "请在浏览器中打开登录地址，用上面的用户名和初始密码登录；首次登录须修改密码。初始密码只能使用一次，请妥善保管本单。"

// WriteCredentials writes the credentials sheet of a reporter import (unit, username, name, one-time password, the
// sign-in address and the instruction) as XLSX or CSV. Its file is as secret as the passwords it holds.
func WriteCredentials(out io.Writer, format Format, creds []*db.ReporterCredential, signIn string, at time.Time) error {
	w, err := NewSheetWriter(out, format, "账号单", CredentialHeaders, []float64{28, 18, 12, 18, 32, 60})
	if err != nil {
		return err
	}
	w.Note("生成时间", at.Format("2006-01-02 15:04"))
	w.Note("注意", "初始密码只在此表中出现，系统不保存明文；请分发后销毁本表。")
	for _, c := range creds {
		if err := w.Row(c.UnitName, c.User.Username, c.User.DisplayName, c.Password, signIn, CredentialInstruction); err != nil {
			return err
		}
	}
	return w.Close()
}
