package sqlite

import (
	"bytes"
	"os"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

// walHeaderSize is the size of SQLite's WAL-index header (WalIndexHdr in SQLite's wal.c): the version, a change
// counter that every commit increments, the page size, the last valid frame, the database size in pages, and the
// checksums and salts of the log. SQLite keeps two copies, one after the other, at the start of the -shm file, and
// a writer updates the second, then the first; a reader that finds them equal has read a whole header.
const walHeaderSize = 48

// walHeader reads the WAL-index header of a database, to tell cheaply whether anything was committed since a
// previous read (DB.DataVersions). Every API request asks, so the header is read from a read-only shared mapping of
// the -shm file (as SQLite's own connections read it), which costs a copy instead of a system call; where the file
// cannot be mapped it is read with pread.
//
// The -shm file stays open until the database closes: closing any descriptor of a file drops every POSIX lock this
// process holds on it, SQLite's own among them.
type walHeader struct {
	mu  sync.Mutex // held while opening and closing
	f   *os.File
	mem atomic.Pointer[[]byte] // the mapping, when there is one
}

// header returns both copies of the header, and false when the -shm file cannot be read or the copies differ (a
// commit is under way) or the index is not initialised: the caller then reads the database itself.
func (w *walHeader) header(path string) (buf [2 * walHeaderSize]byte, ok bool) {
	if m := w.mem.Load(); m != nil {
		ok = copyMapped(buf[:], *m)
	} else {
		ok = w.read(path, buf[:])
	}
	// isInit is byte 12 of each copy.
	if !ok || buf[12] != 1 || !bytes.Equal(buf[:walHeaderSize], buf[walHeaderSize:]) {
		return buf, false
	}
	return buf, true
}

// copyMapped copies the start of the mapping into buf, and reports false instead of crashing if the file shrank
// under the mapping (SQLite truncates the -shm file when the first connection of all opens it: this process always
// holds one, so this should not happen, but a fault here must cost a query, not the server).
func copyMapped(buf, mem []byte) (ok bool) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	copy(buf, mem)
	return true
}

// read opens the -shm file on first use and maps it once it holds a header; until then it reads with pread.
func (w *walHeader) read(path string, buf []byte) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.f == nil {
		f, err := os.Open(path + "-shm")
		if err != nil {
			return false
		}
		w.f = f
	}
	if m := w.mem.Load(); m != nil {
		return copyMapped(buf, *m)
	}
	if m, ok := mapHeader(w.f); ok {
		w.mem.Store(&m)
		return copyMapped(buf, m)
	}
	n, err := w.f.ReadAt(buf, 0)
	return err == nil && n == len(buf)
}

// close unmaps and releases the -shm file; call it after the pools have closed (see walHeader).
func (w *walHeader) close() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if m := w.mem.Swap(nil); m != nil {
		unmapHeader(*m)
	}
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
