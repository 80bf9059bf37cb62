// Package graph holds the GraphQL schema and the code gqlgen generates from it; never edit generated.go by hand.
package graph

//go:generate go tool gqlgen generate --config ../gqlgen.yml
