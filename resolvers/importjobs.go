package resolvers

import (
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/wenming/wenming/db/importer"
)

// jobsOnce guards the lazy runner of a Resolver built without one (tests that build a bare resolver).
var jobsOnce sync.Mutex

// jobs is the process's import job runner.
func (r *Resolver) jobs() *importer.Jobs {
	jobsOnce.Lock()
	defer jobsOnce.Unlock()
	if r.Jobs == nil {
		r.Jobs = importer.NewJobs(r.Store)
	}
	return r.Jobs
}

// saveUpload copies an upload to a file of its own: the import reads it twice (check, then write), and a job reads
// it after the request has ended.
func saveUpload(file graphql.Upload) (string, error) {
	tmp, err := os.CreateTemp("", "wenming-import-*")
	if err != nil {
		return "", err
	}
	_, err = io.Copy(tmp, file.File)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("save upload: %w", err)
	}
	return tmp.Name(), nil
}
