package httpapi_test

import (
	"testing"

	"github.com/wenming/wenming/httpapi"
)

func TestMessageZh(t *testing.T) {
	cases := []struct{ en, zh string }{
		{`Cannot query field "datase" on type "Query".`, `类型“Query”上没有字段“datase”。`},
		{`Cannot query field "datase" on type "Query". Did you mean "dataset"?`, `类型“Query”上没有字段“datase”。是否想用 "dataset"？`},
		{`Unknown argument "filtr" on field "Query.honors".`, `字段“Query.honors”没有参数“filtr”。`},
		{`Field "createApiToken" argument "scope" of type "TokenScope!" is required, but it was not provided.`, `字段“createApiToken”的参数“scope”（类型 TokenScope!）为必填，但未提供。`},
		{`Variable "$id" of required type "ID!" was not provided.`, `必填变量“$id”（类型 ID!）未提供。`},
		{`Expected value of type "Int", found "x".`, `应为 Int 类型的值，实际为 "x"。`},
		{`Expected Name, found <EOF>`, `语法错误：应为 Name，实际为 <EOF>`},
		{`Unexpected <EOF>`, `语法错误：意外的 <EOF>`},
		{`Syntax Error: Unexpected "}"`, `语法错误：意外的 "}"`},
		{`Value "GOOD_PEOPL" does not exist in "ProgressMetric!" enum.`, `枚举 ProgressMetric! 中没有值“GOOD_PEOPL”。`},
		{`Field "dataset" of type "DatasetInfo!" must have a selection of subfields.`, `字段“dataset”（类型 DatasetInfo!）须选择子字段。`},
		{`must be defined`, `必须提供`},
	}
	for _, c := range cases {
		t.Run(c.en, func(t *testing.T) {
			got, ok := httpapi.MessageZh(c.en)
			if !ok || got != c.zh {
				t.Errorf("MessageZh = %q, %v; want %q", got, ok, c.zh)
			}
		})
	}
	t.Run("Unknown", func(t *testing.T) {
		if got, ok := httpapi.MessageZh("something gqlgen never said"); ok {
			t.Errorf("translated an unknown message: %q", got)
		}
	})
}
