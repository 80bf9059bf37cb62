// Package systemtest holds the tests that build and start the real binary and kill it: faults (kill -9 during an
// import or a burst of writes, a full disk, a vanished or corrupt file), backups and restores, and the replicas
// behind HAProxy on PostgreSQL. They talk to the servers through the API tests' helpers (../apitest).
package systemtest

import (
	"os"
	"testing"

	"github.com/wenming/wenming/apitest"
)

// TestMain removes the binary built for the package and closes what the API helpers started, after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	apitest.Cleanup()
	if serverBin.dir != "" {
		os.RemoveAll(serverBin.dir)
	}
	os.Exit(code)
}
