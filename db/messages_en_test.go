package db_test

import (
	"errors"
	"testing"

	"github.com/wenming/wenming/db"
)

func TestMessageEn(t *testing.T) {
	t.Run("FormatAndTerms", func(t *testing.T) {
		e := db.Errorf(db.ENOTFOUND, "%s不存在或已被删除：%d", db.EntityUnit.NameZh(), 7)
		if e.Message != "单位不存在或已被删除：7" {
			t.Errorf("Message = %q", e.Message)
		}
		if got, want := e.MessageEn(), "The unit 7 does not exist or was deleted"; got != want {
			t.Errorf("MessageEn = %q, want %q", got, want)
		}
	})
	t.Run("LeadingTermCapitalised", func(t *testing.T) {
		e := db.FieldErrorf("name", "%s不能为空", "单位名称")
		if got, want := e.MessageEn(), "Unit name must not be empty"; got != want {
			t.Errorf("MessageEn = %q, want %q", got, want)
		}
	})
	t.Run("NestedErrorKeepsBothLanguages", func(t *testing.T) {
		inner := db.FieldErrorf("unitId", "窗口类荣誉须授予窗口单位，%s 不是窗口单位", "某局")
		e := db.Errorf(db.ECONFLICT, "无法恢复：%s若它引用的记录也已删除，请先恢复那条记录。", db.TextOf(inner))
		if !db.HasHan(e.Message) || e.Message != "无法恢复："+inner.Message+"若它引用的记录也已删除，请先恢复那条记录。" {
			t.Errorf("Message = %q", e.Message)
		}
		if got, want := e.MessageEn(), "Cannot restore: A window honour goes to a service window; 某局 is not one If a record it refers to was deleted too, restore that record first."; got != want {
			t.Errorf("MessageEn = %q, want %q", got, want)
		}
	})
	t.Run("UntranslatedFallsBackToCode", func(t *testing.T) {
		e := db.Errorf(db.ECONFLICT, "一条表中没有的消息")
		if got := e.MessageEn(); got != db.CodeMessageEn(db.ECONFLICT) || db.HasHan(got) {
			t.Errorf("MessageEn = %q", got)
		}
	})
	t.Run("InternalErrorsMasked", func(t *testing.T) {
		err := errors.New("sql: connection refused at 10.0.0.1")
		if got := db.ErrorMessageEn(err); got != "Internal error." {
			t.Errorf("ErrorMessageEn = %q", got)
		}
		if got := db.ErrorMessage(err); got != "服务器内部错误。" {
			t.Errorf("ErrorMessage = %q", got)
		}
	})
	t.Run("ImportErrorBothLanguages", func(t *testing.T) {
		e := db.ImportErrorf(3, "缺少必填列“%s”。", "服务日期").At("", "服务日期")
		if e.Row != 3 || e.Field != "服务日期" || e.Message != "缺少必填列“服务日期”。" || e.MessageEn != `The required column "服务日期" is missing.` {
			t.Errorf("got %+v", e)
		}
		// Headers and cell values stay as the file has them, even when they are words the table knows.
		e = db.ImportErrorf(4, "“%s”为必填项，不能为空。", "单位名称")
		if e.MessageEn != `"单位名称" is required and must not be empty.` {
			t.Errorf("MessageEn = %q", e.MessageEn)
		}
	})
}

// TestMessageTerms checks that every Chinese word that messages take as an argument has its English, so that an
// English message never shows a bare record kind, role or unit kind in Chinese.
func TestMessageTerms(t *testing.T) {
	var words []string
	for _, e := range db.AllEntities {
		words = append(words, e.NameZh())
	}
	for _, zh := range db.RecipientKindZh {
		words = append(words, zh)
	}
	words = append(words, db.UnitKinds...)
	for _, w := range words {
		t.Run(w, func(t *testing.T) {
			if en, ok := db.EnglishTerm(w); !ok || en == "" || db.HasHan(en) {
				t.Errorf("no English term for %q (got %q)", w, en)
			}
		})
	}
}
