//go:build unix

package sqlite

import (
	"os"
	"syscall"
)

// mapHeader maps the start of the -shm file read-only and shared, so that every commit's header is seen at once.
// A file shorter than the header (not yet initialised) is not mapped.
func mapHeader(f *os.File) ([]byte, bool) {
	if st, err := f.Stat(); err != nil || st.Size() < 2*walHeaderSize {
		return nil, false
	}
	m, err := syscall.Mmap(int(f.Fd()), 0, 2*walHeaderSize, syscall.PROT_READ, syscall.MAP_SHARED)
	return m, err == nil
}

// unmapHeader releases a mapping made by mapHeader.
func unmapHeader(m []byte) { syscall.Munmap(m) }
