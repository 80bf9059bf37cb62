package httpapi

import (
	"context"
	"regexp"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/wenming/wenming/db"
)

// CodeIntrospectionDisabled answers __schema and __type on a server started with --introspection=false.
const CodeIntrospectionDisabled = "INTROSPECTION_DISABLED"

func init() {
	errcode.RegisterErrorType(CodeIntrospectionDisabled, errcode.KindProtocol)
}

// IntrospectionOff refuses introspection with its own code before anything runs, and strips the validator's
// "Did you mean …?" hints, which would otherwise spell out the schema's field, argument and type names to anyone
// who guesses near them. Without it gqlgen answers introspection with an uncoded error (INTERNAL_SERVER_ERROR).
type IntrospectionOff struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
	graphql.ResponseInterceptor
} = IntrospectionOff{}

// ExtensionName names the extension in gqlgen's registry.
func (IntrospectionOff) ExtensionName() string { return "IntrospectionOff" }

// Validate accepts any schema.
func (IntrospectionOff) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext refuses an operation that selects __schema or __type (__typename stays allowed).
func (IntrospectionOff) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil || !selectsIntrospection(oc.Operation.SelectionSet, oc.Doc.Fragments) {
		return nil
	}
	err := gqlErrorf("本服务器已关闭结构自省（__schema、__type）。")
	errcode.Set(err, CodeIntrospectionDisabled)
	return err
}

// selectsIntrospection looks for __schema and __type among the root fields, through fragments (the validator
// allows them on the query root only).
func selectsIntrospection(set ast.SelectionSet, frags ast.FragmentDefinitionList) bool {
	keys := map[string]map[string]bool{"__schema": {}, "__type": {}}
	introspectionKeys(set, frags, keys, map[string]bool{})
	return len(keys["__schema"])+len(keys["__type"]) > 0
}

// suggestion is the validator's hint at the end of a message: ` Did you mean "hasDemo"?`,
// ` Did you mean the enum value "X"?`, ` Did you mean to use an inline fragment on "A" or "B"?`.
var suggestion = regexp.MustCompile(`(?s)\s*Did you mean .*\?\s*$`)

// InterceptResponse strips suggestions from every error of the response, request errors included.
func (IntrospectionOff) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if resp == nil {
		return nil
	}
	for i, e := range resp.Errors {
		if e != nil && suggestion.MatchString(e.Message) {
			c := *e
			c.Message = suggestion.ReplaceAllString(e.Message, "")
			c.Extensions = withoutSuggestion(e.Extensions, c.Message)
			resp.Errors[i] = &c
		}
	}
	return resp
}

// withoutSuggestion copies an error's extensions with messageEn and messageZh made from the message without its hint.
func withoutSuggestion(ext map[string]any, message string) map[string]any {
	out := make(map[string]any, len(ext))
	for k, v := range ext {
		out[k] = v
	}
	if _, ok := out["messageEn"]; ok {
		out["messageEn"] = message
	}
	delete(out, "messageZh")
	if zh, ok := MessageZh(message); ok {
		out["messageZh"] = zh
	}
	return out
}

// UploadArgs refuses, before any argument is decoded, an operation that passes something other than an uploaded
// file to an Upload argument: importRecords sent as JSON would otherwise fail inside gqlgen with an uncoded error
// (INTERNAL_SERVER_ERROR), even for a viewer. A caller without the right to upload hears that first (every upload
// in the schema is an import, an editor's right); an editor hears how to send the file.
type UploadArgs struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = UploadArgs{}

// ExtensionName names the extension in gqlgen's registry.
func (UploadArgs) ExtensionName() string { return "UploadArgs" }

// Validate accepts any schema.
func (UploadArgs) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext checks every Upload argument of the operation's root fields.
func (UploadArgs) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil || oc.Operation.Operation != ast.Mutation {
		return nil
	}
	field, ok := badUpload(oc.Operation.SelectionSet, oc.Doc.Fragments, oc.Variables, map[string]bool{})
	if ok {
		return nil
	}
	if err := db.Require(ctx, db.RoleEditor); err != nil {
		return gqlerror.WrapIfUnwrapped(err)
	}
	return gqlerror.WrapIfUnwrapped(db.FieldErrorf(field,
		"文件须以 multipart/form-data 上传（GraphQL 多部分请求），并带请求头 %s: 1；JSON 请求体不能携带文件。", UploadHeader))
}

// badUpload finds a root field whose Upload argument is not an uploaded file; it returns the argument's name and
// false, or true when every Upload argument holds a file.
func badUpload(set ast.SelectionSet, frags ast.FragmentDefinitionList, vars map[string]any, seen map[string]bool) (string, bool) {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			for _, arg := range s.Arguments {
				if arg.Value == nil || arg.Value.ExpectedType == nil || arg.Value.ExpectedType.Name() != "Upload" {
					continue
				}
				if !isUpload(arg.Value, vars) {
					return arg.Name, false
				}
			}
		case *ast.InlineFragment:
			if name, ok := badUpload(s.SelectionSet, frags, vars, seen); !ok {
				return name, false
			}
		case *ast.FragmentSpread:
			if seen[s.Name] {
				continue
			}
			seen[s.Name] = true
			if def := frags.ForName(s.Name); def != nil {
				if name, ok := badUpload(def.SelectionSet, frags, vars, seen); !ok {
					return name, false
				}
			}
		}
	}
	return "", true
}

// isUpload reports whether an argument's value is a file of the multipart request: only a variable can hold one.
func isUpload(v *ast.Value, vars map[string]any) bool {
	if v.Kind != ast.Variable {
		return false
	}
	switch vars[v.Raw].(type) {
	case graphql.Upload, *graphql.Upload:
		return true
	}
	return false
}

// CodeIntrospectionLimit answers an operation that asks for the schema more often than any client needs.
const CodeIntrospectionLimit = "INTROSPECTION_LIMIT_EXCEEDED"

func init() {
	errcode.RegisterErrorType(CodeIntrospectionLimit, errcode.KindProtocol)
}

// Introspection allowances per operation: GraphiQL, graphql-codegen and reporting tools ask for the schema once
// (one __schema) and look up a few types; a hundred aliased schema walks in one request cost seconds and megabytes.
const (
	MaxSchemaFields = 1
	MaxTypeFields   = 10
)

// IntrospectionLimit bounds introspection's cost, which the complexity limit does not see: at most
// MaxSchemaFields __schema and MaxTypeFields __type fields (counted by response name, aliases included) per
// operation.
type IntrospectionLimit struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = IntrospectionLimit{}

// ExtensionName names the extension in gqlgen's registry.
func (IntrospectionLimit) ExtensionName() string { return "IntrospectionLimit" }

// Validate accepts any schema.
func (IntrospectionLimit) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext counts the operation's root __schema and __type fields.
func (IntrospectionLimit) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	keys := map[string]map[string]bool{"__schema": {}, "__type": {}}
	introspectionKeys(oc.Operation.SelectionSet, oc.Doc.Fragments, keys, map[string]bool{})
	if len(keys["__schema"]) <= MaxSchemaFields && len(keys["__type"]) <= MaxTypeFields {
		return nil
	}
	err := gqlErrorf("一次请求最多自省 %d 次 __schema、%d 次 __type，收到 %d 次和 %d 次。", MaxSchemaFields, MaxTypeFields,
		len(keys["__schema"]), len(keys["__type"]))
	errcode.Set(err, CodeIntrospectionLimit)
	return err
}

// introspectionKeys collects the response names of root __schema and __type fields, through fragments.
func introspectionKeys(set ast.SelectionSet, frags ast.FragmentDefinitionList, keys map[string]map[string]bool, seen map[string]bool) {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if k, ok := keys[s.Name]; ok {
				name := s.Alias
				if name == "" {
					name = s.Name
				}
				k[name] = true
			}
		case *ast.InlineFragment:
			introspectionKeys(s.SelectionSet, frags, keys, seen)
		case *ast.FragmentSpread:
			if seen[s.Name] {
				continue
			}
			seen[s.Name] = true
			if def := frags.ForName(s.Name); def != nil {
				introspectionKeys(def.SelectionSet, frags, keys, seen)
			}
		}
	}
}
