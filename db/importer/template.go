package importer

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/wenming/wenming/db"
)

// templateRows is how many rows of the data sheet carry drop-down lists for enum columns.
const templateRows = 10000

// enumOptions are the drop-down choices of enum columns in a template.
func enumOptions(key string, kind db.ImportKind) []string {
	yn := []string{"是", "否"}
	switch key {
	case "serviceWindow", "verified", "veto", "demo":
		return yn
	case "method":
		return labels(MethodZh, db.AllRecordingMethods)
	case "status":
		return labels(StatusZh, db.AllHonorStatuses)
	case "stage":
		return labels(StageZh, db.AllAssessmentStages)
	case "kind":
		if kind == db.ImportUnits {
			return db.UnitKinds
		}
		return labels(ActivityZh, db.AllActivityKinds)
	}
	return nil
}

func labels[T comparable](m map[T]string, order []T) []string {
	out := make([]string, len(order))
	for i, k := range order {
		out[i] = m[k]
	}
	return out
}

// WriteTemplate writes the XLSX template of a kind: the data sheet with its Chinese headers (required ones in
// red), drop-down lists for enum columns, and a 说明 sheet that explains every column, the natural key, and the
// reference data (honour categories, campaigns, practice centres) from the catalog when one is given.
func WriteTemplate(out io.Writer, spec *Spec, cat *db.Catalog) error {
	x := excelize.NewFile()
	defer x.Close()
	sheet := spec.Sheet
	if err := x.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	head, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center"}})
	req, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "C00000"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center"}})
	text, _ := x.NewStyle(&excelize.Style{NumFmt: 49}) // "@": keep what staff type as text (dates, names)
	for i, c := range spec.Columns {
		col := ColumnName(i)
		cell := col + "1"
		if err := x.SetCellStr(sheet, cell, c.Header); err != nil {
			return err
		}
		st := head
		if c.Required {
			st = req
		}
		x.SetCellStyle(sheet, cell, cell, st)
		x.SetColWidth(sheet, col, col, max(c.Width, float64(len([]rune(c.Header)))*2+2))
		if c.Key == "date" || c.Key == "name" || c.Key == "unit" || c.Key == "recipient" {
			x.SetColStyle(sheet, col, text)
		}
		if c.Help != "" {
			x.AddComment(sheet, excelize.Comment{Cell: cell, Author: "文明看板", Paragraph: []excelize.RichTextRun{{Text: c.Help}}})
		}
		if opts := enumOptions(c.Key, spec.Kind); opts != nil {
			dv := excelize.NewDataValidation(true)
			dv.SetSqref(fmt.Sprintf("%s2:%s%d", col, col, templateRows))
			if err := dv.SetDropList(opts); err != nil {
				return err
			}
			dv.SetError(excelize.DataValidationErrorStyleWarning, "取值不在列表中", "可选："+strings.Join(opts, "、"))
			if err := x.AddDataValidation(sheet, dv); err != nil {
				return err
			}
		}
	}
	x.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})

	if _, err := x.NewSheet(instructionsSheet); err != nil {
		return err
	}
	bold, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	title, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	wrap, _ := x.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	n := 0
	line := func(style int, cells ...any) {
		n++
		cell := fmt.Sprintf("A%d", n)
		x.SetSheetRow(instructionsSheet, cell, &cells)
		if style != 0 {
			x.SetCellStyle(instructionsSheet, cell, fmt.Sprintf("E%d", n), style)
		}
	}
	line(title, fmt.Sprintf("文明看板 · %s导入模板", spec.NameZh))
	line(0, fmt.Sprintf("Wenming Dashboard · import template for %s. Every instruction below is given in Chinese, then in English; "+
		"the headers stay in Chinese, since an import finds its columns by them.", spec.NameEn))
	line(0)
	zh := []string{
		fmt.Sprintf("1. 在“%s”工作表第 2 行起逐行填写，第 1 行表头不要修改；红色表头为必填列。列的顺序可以调整，多余的列会被忽略。", sheet),
		"2. 也可以另存为 CSV（UTF-8 或 Excel 默认的 GBK 编码均可）后导入。",
		"3. 导入前会逐行校验，报告列出每个出错的行、列和原因；只要有一行出错，就不会写入任何数据（全部成功或全部不写）。",
		"4. 可先选择“仅校验（试运行）”查看将新增、更新、不变的行数，确认无误再正式导入。",
		"5. 重复导入同一文件不会产生重复记录。识别同一记录的依据（自然键）：" + spec.KeyZh,
		"6. 日期填 YYYY-MM-DD（如 2024-03-05），也接受 2024/3/5、2024年3月5日 和 Excel 日期格式。单元格不要使用公式。",
		"7. “" + DemoHeader + "”列（可选）：填“是”的行是演示数据（虚构记录），新增时创建为演示记录，已有的演示记录保持演示；空白或“否”为真实记录。" +
			"导入不会改变已有记录的演示标记：真实行对应到已有的演示记录，或演示行对应到已有的真实记录，该行会被拒绝并说明原因（整份文件不写入）。" +
			"从本系统导出的文件已带这一列，原样导入不会改变任何记录。",
	}
	en := []string{
		fmt.Sprintf("1. Fill in the sheet “%s” row by row from row 2; do not change the headers in row 1. Red headers are required. "+
			"Columns may come in any order; extra columns are ignored.", sheet),
		"2. You may also save as CSV (UTF-8, or the GBK that Excel writes by default) and import that.",
		"3. Every row is checked before the import; the report lists the row, column and reason of each error. If any row has " +
			"an error, nothing is written (all or nothing).",
		"4. Choose “仅校验（试运行）” (check only, a dry run) first to see how many rows would be created, updated or left " +
			"unchanged, then import for real.",
		"5. Importing the same file again creates no duplicates. What identifies a record (its natural key): " + spec.KeyEn,
		"6. Write dates as YYYY-MM-DD (such as 2024-03-05); 2024/3/5, 2024年3月5日 and Excel dates are accepted too. Use no formulas in cells.",
		"7. The “" + DemoHeader + "” column (demo data, optional): rows marked 是 are demo data (invented records); new ones are " +
			"created as demo records and existing demo records stay demo; blank or 否 means a real record. An import never changes " +
			"an existing record's demo flag: a real row that matches a demo record, or a demo row that matches a real record, is " +
			"refused with the reason (and the file is not written). Files exported from this system carry the column already, so " +
			"importing them unchanged changes no record.",
	}
	for i := range zh {
		line(wrap, zh[i])
		line(wrap, en[i])
	}
	line(0)
	line(bold, "列名", "必填", "说明", "示例", "Description (English)")
	for _, c := range spec.Columns {
		r, en := "否", c.HelpEn
		if c.Required {
			r, en = "是", "Required. "+c.HelpEn
		}
		line(wrap, c.Header, r, c.Help, c.Example, en)
	}
	if cat != nil {
		switch spec.Kind {
		case db.ImportHonors:
			line(0)
			line(bold, "荣誉类别", "代码", "级别", "授予对象")
			for _, k := range cat.Categories {
				// A category that accepts several kinds (「四个优秀」) lists them all: 项目、个人、单位、社区.
				kinds := make([]string, 0, len(k.RecipientKinds))
				for _, x := range k.RecipientKinds {
					kinds = append(kinds, RecipientZh[x])
				}
				if len(kinds) == 0 {
					kinds = append(kinds, RecipientZh[k.RecipientKind])
				}
				line(0, k.NameZh, k.Code, LevelZh[k.Level], strings.Join(kinds, "、"))
			}
		case db.ImportVolunteerRecords:
			line(0)
			line(bold, "专项行动", "代码", "开始日期", "结束日期")
			line(0, "常态化服务", "（留空）", "", "")
			for _, k := range cat.Campaigns {
				end := ""
				if k.EndDate != nil {
					end = string(*k.EndDate)
				}
				line(0, k.NameZh, k.Code, string(k.StartDate), end)
			}
		case db.ImportActivities:
			line(0)
			line(bold, "实践中心", "区划代码", "所属市", "")
			for _, k := range cat.Centers {
				line(0, k.Name, k.Code, k.Prefecture, "")
			}
		}
	}
	x.SetColWidth(instructionsSheet, "A", "A", 36)
	x.SetColWidth(instructionsSheet, "B", "B", 14)
	x.SetColWidth(instructionsSheet, "C", "C", 70)
	x.SetColWidth(instructionsSheet, "D", "D", 24)
	x.SetColWidth(instructionsSheet, "E", "E", 70)
	x.SetActiveSheet(0)
	_, err := x.WriteTo(out)
	return err
}
