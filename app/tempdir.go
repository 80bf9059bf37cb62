package app

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// tempDirPrefix names the temporary directory of one `wenming serve` process, followed by its process ID.
const tempDirPrefix = "wenming-serve-"

// OwnTempDir gives this process a temporary directory of its own, under the system's (TMPDIR), and points TMPDIR at
// it, so that what the server spools there (an upload being imported, the multipart parts gqlgen keeps on disk) is
// found and removed: by the returned function at a clean stop, and, after a stop that removed nothing (kill -9, a
// power cut), by the next server that starts, which removes every such directory whose process is gone. It is for
// the binary alone: a test process that boots several servers must not have TMPDIR moved under its feet.
func OwnTempDir(log *slog.Logger) (remove func(), err error) {
	base := os.TempDir()
	entries, err := os.ReadDir(base)
	if err != nil {
		return nil, fmt.Errorf("temporary directory %s: %w", base, err)
	}
	for _, e := range entries {
		pid, err := strconv.Atoi(strings.TrimPrefix(e.Name(), tempDirPrefix))
		if !e.IsDir() || !strings.HasPrefix(e.Name(), tempDirPrefix) || err != nil || pid == os.Getpid() || processAlive(pid) {
			continue
		}
		dir := filepath.Join(base, e.Name())
		if err := os.RemoveAll(dir); err != nil {
			log.Warn("could not remove the temporary files of a stopped server", "dir", dir, "err", err)
		} else {
			log.Info("removed the temporary files of a server that stopped without removing them", "dir", dir)
		}
	}
	dir := filepath.Join(base, tempDirPrefix+strconv.Itoa(os.Getpid()))
	// A directory of this ID is an earlier process's that had it: none of it is ours.
	if err := os.RemoveAll(dir); err != nil {
		return nil, err
	}
	if err := os.Mkdir(dir, 0o700); err != nil {
		return nil, err
	}
	if err := os.Setenv("TMPDIR", dir); err != nil {
		return nil, err
	}
	return func() {
		os.Setenv("TMPDIR", base)
		os.RemoveAll(dir)
	}, nil
}

// processAlive reports whether a process of that ID exists (signal 0 checks without sending anything; EPERM means
// it exists under another user).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
