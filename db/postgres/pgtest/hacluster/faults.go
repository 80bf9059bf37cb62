package hacluster

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// KillPostgres9 kills node i's PostgreSQL with SIGKILL — the postmaster and every process it started — while its
// Patroni keeps running. Patroni then restarts PostgreSQL in place (crash recovery) rather than failing over,
// unless it cannot within primary_start_timeout (300 s), so the primary usually stays the same node. A node without
// a running PostgreSQL is left as it is.
func (c *Cluster) KillPostgres9(i int) error {
	n, err := c.node(i)
	if err != nil {
		return err
	}
	pm := postmaster(n.data)
	if pm == 0 {
		return nil
	}
	// Stopped first, the postmaster can fork no child between the listing and the kill.
	_ = syscall.Kill(pm, syscall.SIGSTOP)
	pids := append([]int{pm}, childrenOf(pm)...)
	for _, pid := range pids {
		_ = syscall.Kill(pid, syscall.SIGKILL)
	}
	return waitGone(pids)
}

// KillNode9 kills node i's Patroni and PostgreSQL with SIGKILL, as if its machine died. The leader key, if the node
// held it, expires after ttl (5 s) and the synchronous standby is promoted.
func (c *Cluster) KillNode9(i int) error {
	n, err := c.node(i)
	if err != nil {
		return err
	}
	c.mu.Lock()
	p := n.patroni
	n.patroni, n.stopped = nil, false
	c.mu.Unlock()
	if p != nil {
		_ = p.cmd.Process.Signal(syscall.SIGKILL)
	}
	killUnder(n.dir)
	if p != nil {
		<-p.done
	}
	return nil
}

// KillPatroni9 kills only node i's Patroni with SIGKILL; its PostgreSQL keeps running. On the primary this is the
// split-brain case: PostgreSQL stays read-write while another node is promoted, and only HAProxy's check (the REST
// API no longer answers) keeps clients away from it. Its writes then wait for a synchronous standby that no longer
// follows it: committed locally, never acknowledged.
func (c *Cluster) KillPatroni9(i int) error {
	n, err := c.node(i)
	if err != nil {
		return err
	}
	c.mu.Lock()
	p := n.patroni
	n.patroni = nil
	c.mu.Unlock()
	if p == nil {
		return fmt.Errorf("%s: Patroni is not running", n.name)
	}
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.done
	return nil
}

// StopNode stops node i's Patroni and every PostgreSQL process of the node with SIGSTOP, as a hung machine: its
// sockets stay open but nothing answers. ContNode resumes them.
func (c *Cluster) StopNode(i int) error {
	n, err := c.node(i)
	if err != nil {
		return err
	}
	c.mu.Lock()
	p := n.patroni
	n.stopped = true
	c.mu.Unlock()
	if p != nil {
		_ = p.cmd.Process.Signal(syscall.SIGSTOP)
	}
	if pm := postmaster(n.data); pm != 0 {
		_ = syscall.Kill(pm, syscall.SIGSTOP)
	}
	// Two passes catch a child forked just before its parent stopped.
	stopped := map[int]bool{}
	for pass := 0; pass < 2; pass++ {
		for _, pid := range procsUnder(n.dir) {
			if !stopped[pid] {
				_ = syscall.Kill(pid, syscall.SIGSTOP)
				stopped[pid] = true
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	return nil
}

// ContNode resumes node i's processes after StopNode. A primary that lost its leader key meanwhile is demoted by its
// own Patroni at once and rejoins as a replica (with pg_rewind when it diverged); Rejoin waits for that.
func (c *Cluster) ContNode(i int) error {
	n, err := c.node(i)
	if err != nil {
		return err
	}
	c.mu.Lock()
	p := n.patroni
	n.stopped = false
	c.mu.Unlock()
	// PostgreSQL first, so that Patroni finds it answering when it resumes.
	for _, pid := range procsUnder(n.data) {
		_ = syscall.Kill(pid, syscall.SIGCONT)
	}
	for _, pid := range procsUnder(n.dir) {
		_ = syscall.Kill(pid, syscall.SIGCONT)
	}
	if p != nil {
		_ = p.cmd.Process.Signal(syscall.SIGCONT)
	}
	return nil
}

func (c *Cluster) node(i int) (*node, error) {
	if i < 0 || i >= len(c.nodes) {
		return nil, fmt.Errorf("hacluster: no node %d (the cluster has %d)", i, len(c.nodes))
	}
	return c.nodes[i], nil
}

// postmaster returns the pid of the postmaster running on data directory data, or 0 when none runs: the pid in
// postmaster.pid, if that process is alive and works in data (a stale file may name a recycled pid).
func postmaster(data string) int {
	b, err := os.ReadFile(filepath.Join(data, "postmaster.pid"))
	if err != nil {
		return 0
	}
	line, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(line))
	if err != nil || pid <= 0 {
		return 0
	}
	if cwd, err := os.Readlink("/proc/" + strconv.Itoa(pid) + "/cwd"); err != nil || cwd != data {
		return 0
	}
	return pid
}

// childrenOf lists the processes whose parent is pid.
func childrenOf(pid int) []int {
	var kids []int
	for _, p := range allPids() {
		b, err := os.ReadFile("/proc/" + strconv.Itoa(p) + "/stat")
		if err != nil {
			continue
		}
		// The command name in parentheses may hold spaces; the fields after its closing parenthesis are
		// "state ppid …".
		s := string(b)
		fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(fields) > 1 && fields[1] == strconv.Itoa(pid) {
			kids = append(kids, p)
		}
	}
	return kids
}

// procsUnder lists the processes whose working directory is dir or below it. Patroni works in its node's directory
// and every PostgreSQL process in its data directory, whoever its parent is: Patroni detaches the postmaster with
// setsid, and a killed Patroni leaves it to init. A zombie has no working directory and is not listed.
func procsUnder(dir string) []int {
	var pids []int
	for _, pid := range allPids() {
		cwd, err := os.Readlink("/proc/" + strconv.Itoa(pid) + "/cwd")
		if err != nil {
			continue
		}
		if cwd == dir || strings.HasPrefix(cwd, dir+"/") {
			pids = append(pids, pid)
		}
	}
	return pids
}

func allPids() []int {
	ents, _ := os.ReadDir("/proc")
	self := os.Getpid()
	var pids []int
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err == nil && pid != self {
			pids = append(pids, pid)
		}
	}
	return pids
}

// killUnder kills every process working under dir with SIGKILL, again until none is left (a process forked while
// the first pass ran is caught by the next), for at most five seconds.
func killUnder(dir string) {
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		pids := procsUnder(dir)
		if len(pids) == 0 {
			return
		}
		for _, pid := range pids {
			_ = syscall.Kill(pid, syscall.SIGKILL)
		}
	}
}

// waitGone waits until none of pids is a live process (a zombie counts as gone), for at most five seconds.
func waitGone(pids []int) error {
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		alive := 0
		for _, pid := range pids {
			if _, err := os.Readlink("/proc/" + strconv.Itoa(pid) + "/cwd"); err == nil {
				alive++
			}
		}
		if alive == 0 {
			return nil
		}
	}
	return fmt.Errorf("processes %v still alive 5 s after SIGKILL", pids)
}
