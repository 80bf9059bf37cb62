// Package graph holds the GraphQL schema and the code gqlgen generates from it; never edit generated.go by hand.
package graph

//go:generate go run github.com/99designs/gqlgen generate --config ../gqlgen.yml
