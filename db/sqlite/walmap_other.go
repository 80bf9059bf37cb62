//go:build !unix

package sqlite

import "os"

// mapHeader does not map where there is no mmap: the header is read with pread.
func mapHeader(*os.File) ([]byte, bool) { return nil, false }

// unmapHeader has nothing to release.
func unmapHeader([]byte) {}
