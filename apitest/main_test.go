package apitest

import (
	"os"
	"testing"
)

// TestMain closes the shared server, the seeded templates and the PostgreSQL test cluster after the package's tests.
func TestMain(m *testing.M) {
	code := m.Run()
	Cleanup()
	os.Exit(code)
}
