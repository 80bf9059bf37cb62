//go:build unix

package sqlite

import (
	"os"
	"syscall"
)

// lockDir holds an exclusive flock on the database's directory until unlock is called, so that servers started
// together on one file prepare it (seed, first admin) one after the other. It locks the directory rather than the
// file: closing any descriptor of the database file would drop the POSIX locks SQLite holds on it in this process.
func lockDir(dir string) (unlock func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
