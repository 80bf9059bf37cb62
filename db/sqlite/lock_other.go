//go:build !unix

package sqlite

// lockDir serialises first-start preparation within this process only, where flock is not available.
func lockDir(string) (func(), error) { return func() {}, nil }
