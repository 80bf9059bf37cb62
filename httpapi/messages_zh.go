package httpapi

import (
	"regexp"
	"strings"

	"github.com/vektah/gqlparser/v2/gqlerror"
)

// zhPattern turns one of gqlgen's or gqlparser's English messages into Chinese.
type zhPattern struct {
	re *regexp.Regexp
	zh string
}

// zhPatterns are the parse, validation and coercion messages that clients meet most, in the order they are tried;
// each pattern matches a whole message (the suggestion tail "Did you mean …?" is handled apart).
var zhPatterns = func() []zhPattern {
	list := [][2]string{
		{`Cannot query field "([^"]+)" on type "([^"]+)"\.`, `类型“$2”上没有字段“$1”。`},
		{`Unknown argument "([^"]+)" on field "([^"]+)"\.`, `字段“$2”没有参数“$1”。`},
		{`Unknown argument "([^"]+)" on directive "@([^"]+)"\.`, `指令“@$2”没有参数“$1”。`},
		{`Field "([^"]+)" argument "([^"]+)" of type "([^"]+)" is required, but it was not provided\.`, `字段“$1”的参数“$2”（类型 $3）为必填，但未提供。`},
		{`Directive "@([^"]+)" argument "([^"]+)" of type "([^"]+)" is required, but it was not provided\.`, `指令“@$1”的参数“$2”（类型 $3）为必填，但未提供。`},
		{`Field "([^"]+)" of required type "([^"]+)" was not provided\.`, `必填字段“$1”（类型 $2）未提供。`},
		{`Variable "([^"]+)" of required type "([^"]+)" was not provided\.`, `必填变量“$1”（类型 $2）未提供。`},
		{`Variable "([^"]+)" of type "([^"]+)" used in position expecting type "([^"]+)"\.`, `变量“$1”的类型 $2 与此处要求的类型 $3 不符。`},
		{`Expected value of type "([^"]+)", found (.+)\.`, `应为 $1 类型的值，实际为 $2。`},
		{`Field "([^"]+)" must not have a selection since type "([^"]+)" has no subfields\.`, `字段“$1”的类型“$2”没有子字段，不能带选择集。`},
		{`Field "([^"]+)" of type "([^"]+)" must have a selection of subfields\.`, `字段“$1”（类型 $2）须选择子字段。`},
		{`Fields "([^"]+)" conflict because (.+)\. Use different aliases on the fields to fetch both if this was intentional\.`, `字段“$1”相互冲突（$2）。如需同时取得，请使用不同的别名。`},
		{`There can be only one argument named "([^"]+)"\.`, `参数“$1”只能出现一次。`},
		{`There can be only one fragment named "([^"]+)"\.`, `名为“$1”的片段只能有一个。`},
		{`There can be only one input field named "([^"]+)"\.`, `输入字段“$1”只能出现一次。`},
		{`There can be only one operation named "([^"]+)"\.`, `名为“$1”的操作只能有一个。`},
		{`There can be only one variable named "([^"]+)"\.`, `变量“$1”只能定义一次。`},
		{`Unknown type "([^"]+)"\.`, `未知类型“$1”。`},
		{`Unknown fragment "([^"]+)"\.`, `未知片段“$1”。`},
		{`Unknown directive "@([^"]+)"\.`, `未知指令“@$1”。`},
		{`Fragment "([^"]+)" is never used\.`, `片段“$1”未被使用。`},
		{`Variable "([^"]+)" is never used\.`, `变量“$1”未被使用。`},
		{`Variable "([^"]+)" is not defined\.`, `变量“$1”未定义。`},
		{`This anonymous operation must be the only defined operation\.`, `匿名操作必须是文档中唯一的操作。`},
		{`(Int|Float|String|Boolean|ID) cannot represent (.+): (.+)`, `$1 类型不能表示该值：$3`},
		{`Enum "([^"]+)" cannot represent non-enum value: (.+)`, `枚举 $1 不能表示该值：$2`},
		{`Value "([^"]+)" does not exist in "([^"]+)" enum\.`, `枚举 $2 中没有值“$1”。`},
		{`Schema does not support operation type "([^"]+)"`, `本服务不支持 $1 操作`},
		{`(?:Syntax Error: )?Expected (.+), found (.+)`, `语法错误：应为 $1，实际为 $2`},
		{`(?:Syntax Error: )?Unexpected (.+)`, `语法错误：意外的 $1`},
		{`Unterminated string\.`, `字符串未结束。`},
		{`Invalid number, (.+)`, `数字无效：$1`},
		{`Invalid character escape sequence: (.+)`, `转义序列无效：$1`},
		{`exceeded token limit of (\d+)`, `查询词元超过上限 $1 个`},
		{`exceeded maximum nesting depth of (\d+)`, `嵌套超过上限 $1 层`},
		{`operation has complexity (\d+), which exceeds the limit of (\d+)`, `查询复杂度 $1 超过上限 $2`},
		{`(?:PersistedQueryNotFound|persisted query not found)`, `找不到持久化查询，请发送完整查询`},
		{`provided APQ hash does not match query`, `持久化查询的哈希与查询不符`},
		{`no operation provided`, `未提供要执行的操作`},
		{`operation (.+) not found`, `找不到操作 $1`},
		{`must be defined`, `必须提供`},
		{`cannot be null`, `不能为 null`},
		{`unknown field`, `未知字段`},
		{`must be a (.+), not a (.+)`, `应为 $1，不能是 $2`},
		{`cannot use (.+) as (.+)`, `不能把 $1 当作 $2`},
		{`(.+) is not a valid (.+)`, `$1 不是有效的 $2`},
	}
	out := make([]zhPattern, len(list))
	for i, p := range list {
		out[i] = zhPattern{regexp.MustCompile(`^` + p[0] + `$`), p[1]}
	}
	return out
}()

// suggestionTail is the "Did you mean …?" that gqlparser appends to some messages.
var suggestionTail = regexp.MustCompile(` Did you mean (.+)\?$`)

// MessageZh translates one of gqlgen's or gqlparser's English messages into Chinese, reporting false for a message
// it does not know.
func MessageZh(en string) (string, bool) {
	msg, tail := en, ""
	if m := suggestionTail.FindStringSubmatchIndex(en); m != nil {
		msg, tail = en[:m[0]], "是否想用 "+en[m[2]:m[3]]+"？"
	}
	for _, p := range zhPatterns {
		if p.re.MatchString(msg) {
			return p.re.ReplaceAllString(msg, p.zh) + tail, true
		}
	}
	return "", false
}

// bilingual completes an error the GraphQL layer wrote: ours carry messageEn already; gqlgen's and gqlparser's are
// English, so their message is repeated in messageEn and translated into messageZh when the pattern is known.
func bilingual(err *gqlerror.Error) *gqlerror.Error {
	if _, ok := err.Extensions["messageEn"]; ok {
		return err
	}
	out := *err
	out.Extensions = make(map[string]any, len(err.Extensions)+2)
	for k, v := range err.Extensions {
		out.Extensions[k] = v
	}
	out.Extensions["messageEn"] = err.Message
	if zh, ok := MessageZh(strings.TrimSpace(err.Message)); ok {
		out.Extensions["messageZh"] = zh
	}
	return &out
}
