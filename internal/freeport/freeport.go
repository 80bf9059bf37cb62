// Package freeport picks a TCP port on 127.0.0.1 for a process that a test or the benchmark starts and must name
// before it runs: a PostgreSQL node, a replica behind HAProxy, a Patroni REST API.
//
// The usual trick, listening on port 0 and closing, hands out a port from the kernel's ephemeral range, and the
// kernel hands that same range out again as the source port of every outgoing connection. On a machine whose tests
// open thousands of connections a minute, a port picked that way is taken by some client's connection, now and
// then, before the process it was picked for binds it ("address already in use"). Ports below the ephemeral range
// are never given to a client's connection, so they are picked from there, at random, and tried before they are
// returned.
package freeport

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
)

// lowest is the first port picked from: above the well-known and most registered services' ports.
const lowest = 20000

var (
	mu     sync.Mutex
	handed = map[int]bool{} // ports this process returned already, never returned twice
)

// Pick returns a port on 127.0.0.1 that nothing listens on, outside the kernel's ephemeral range.
func Pick() (int, error) {
	ports, err := PickN(1)
	if err != nil {
		return 0, err
	}
	return ports[0], nil
}

// PickN returns n distinct ports as Pick does.
func PickN(n int) ([]int, error) {
	mu.Lock()
	defer mu.Unlock()
	low, high := lowest, ephemeralStart()-1
	if high-low < 1000 { // an unusual range: fall back to the kernel's own choice
		return kernelPorts(n)
	}
	var ports []int
	for tries := 0; len(ports) < n; tries++ {
		if tries > 1000 {
			return nil, errors.New("freeport: no free port below the ephemeral range after 1000 tries")
		}
		p := low + rand.IntN(high-low+1)
		if handed[p] {
			continue
		}
		l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(p))
		if err != nil {
			continue // in use
		}
		l.Close()
		handed[p] = true
		ports = append(ports, p)
	}
	return ports, nil
}

// ephemeralStart is the first port of the kernel's ephemeral range (32768 when it cannot be read). A range that
// starts at or below lowest is returned as it is, so that PickN falls back to the kernel's choice rather than pick
// from inside it.
func ephemeralStart() int {
	b, err := os.ReadFile("/proc/sys/net/ipv4/ip_local_port_range")
	if err != nil {
		return 32768
	}
	f := strings.Fields(string(b))
	if len(f) != 2 {
		return 32768
	}
	v, err := strconv.Atoi(f[0])
	if err != nil {
		return 32768
	}
	return v
}

// kernelPorts asks the kernel for n ports, holding each until all are found.
func kernelPorts(n int) ([]int, error) {
	var ports []int
	for i := 0; i < n; i++ {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, fmt.Errorf("freeport: %w", err)
		}
		defer l.Close()
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}
