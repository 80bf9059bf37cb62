package freeport

import (
	"net"
	"strconv"
	"testing"
)

func TestPick(t *testing.T) {
	t.Run("DistinctBindableAndBelowTheEphemeralRange", func(t *testing.T) {
		ports, err := PickN(50)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[int]bool{}
		for _, p := range ports {
			if seen[p] {
				t.Fatalf("port %d returned twice", p)
			}
			seen[p] = true
			if p < lowest || p >= ephemeralStart() {
				t.Fatalf("port %d outside [%d, %d)", p, lowest, ephemeralStart())
			}
			l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(p))
			if err != nil {
				t.Fatalf("port %d cannot be bound: %v", p, err)
			}
			l.Close()
		}
	})
	t.Run("NeverAPortInUse", func(t *testing.T) {
		// Hold many of the range's ports; none of them may come back.
		var held []net.Listener
		taken := map[int]bool{}
		for i := 0; i < 200; i++ {
			p, err := Pick()
			if err != nil {
				t.Fatal(err)
			}
			l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(p))
			if err != nil {
				t.Fatal(err)
			}
			held = append(held, l)
			taken[p] = true
		}
		defer func() {
			for _, l := range held {
				l.Close()
			}
		}()
		mu.Lock()
		clear(handed) // forget what was handed out: only the bind check keeps the held ports out now
		mu.Unlock()
		for i := 0; i < 500; i++ {
			p, err := Pick()
			if err != nil {
				t.Fatal(err)
			}
			if taken[p] {
				t.Fatalf("port %d is in use and was returned", p)
			}
		}
	})
}
