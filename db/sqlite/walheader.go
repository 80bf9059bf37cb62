package sqlite

import (
	"bytes"
	"os"
	"sync"
)

// walHeaderSize is the size of SQLite's WAL-index header (WalIndexHdr in SQLite's wal.c): the version, a change
// counter that every commit increments, the page size, the last valid frame, the database size in pages, and the
// checksums and salts of the log. SQLite keeps two copies, one after the other, at the start of the -shm file, and
// a writer updates the second, then the first; a reader that finds them equal has read a whole header.
const walHeaderSize = 48

// walHeader reads the WAL-index header of a database, to tell cheaply whether anything was committed since a
// previous read (DB.DataVersions).
type walHeader struct {
	mu sync.Mutex
	f  *os.File
}

// header returns both copies of the header, and false when the -shm file cannot be read or the copies differ (a
// commit is under way) or the index is not initialised: the caller then reads the database itself.
func (w *walHeader) header(path string) ([2 * walHeaderSize]byte, bool) {
	var buf [2 * walHeaderSize]byte
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.f == nil {
		f, err := os.Open(path + "-shm")
		if err != nil {
			return buf, false
		}
		w.f = f
	}
	if n, err := w.f.ReadAt(buf[:], 0); err != nil || n != len(buf) {
		return buf, false
	}
	// isInit is byte 12 of each copy.
	if buf[12] != 1 || !bytes.Equal(buf[:walHeaderSize], buf[walHeaderSize:]) {
		return buf, false
	}
	return buf, true
}

// close releases the -shm file.
func (w *walHeader) close() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.f != nil {
		w.f.Close()
		w.f = nil
	}
}

// ChangeStamp names the database's committed state: it changes with every commit by any process (the WAL-index
// header), so that a cache of what the database said (the callers of httpapi.Auth) can tell it is still current.
func (d *DB) ChangeStamp() (string, bool) {
	h, ok := d.wal.header(d.path)
	return string(h[:]), ok
}
