package sqlite

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWALHeaderMapping: the header is read from the mapped -shm file as it changes, and a file that shrinks under
// the mapping makes the reader fall back to a query (false) instead of crashing the server.
func TestWALHeaderMapping(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	page := make([]byte, 32<<10)
	write := func(counter byte) {
		for c := 0; c < 2; c++ {
			page[c*walHeaderSize+12] = 1      // isInit
			page[c*walHeaderSize+8] = counter // iChange
		}
		if err := os.WriteFile(path+"-shm", page, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var w walHeader
	defer w.close()

	t.Run("NotInitialised", func(t *testing.T) {
		if err := os.WriteFile(path+"-shm", nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, ok := w.header(path); ok {
			t.Fatal("an empty -shm file gave a header")
		}
		if w.mem.Load() != nil {
			t.Fatal("an empty -shm file was mapped")
		}
	})
	t.Run("SeesEveryCommit", func(t *testing.T) {
		for i := byte(1); i < 5; i++ {
			write(i) // rewrites the same file in place, as SQLite does
			h, ok := w.header(path)
			if !ok || h[8] != i {
				t.Fatalf("commit %d: header %v, ok %v", i, h[:16], ok)
			}
		}
		if w.mem.Load() == nil {
			t.Fatal("the header was not mapped once initialised")
		}
	})
	t.Run("TornHeader", func(t *testing.T) {
		page[walHeaderSize+8]++ // the second copy written, the first not yet
		if err := os.WriteFile(path+"-shm", page, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, ok := w.header(path); ok {
			t.Fatal("copies that differ gave a header")
		}
	})
	t.Run("TruncatedUnderTheMapping", func(t *testing.T) {
		if err := os.Truncate(path+"-shm", 0); err != nil {
			t.Fatal(err)
		}
		if _, ok := w.header(path); ok {
			t.Fatal("a truncated -shm file gave a header")
		}
	})
}
