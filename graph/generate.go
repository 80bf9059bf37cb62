// Package graph holds the GraphQL schema (*.graphqls) and the code gqlgen generates from it; never edit
// generated.go by hand: run `go generate ./...` at the repository root.
package graph
