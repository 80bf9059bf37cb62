package db_test

import (
	"math/rand/v2"
	"testing"

	"github.com/wenming/wenming/db"
)

// TestVersionsSameIn: SameIn, which the fast path asks on every hit, agrees with comparing the Key strings, which
// the response cache keys on, for every set of domains and every kind of difference.
func TestVersionsSameIn(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	random := func() db.Versions {
		var v db.Versions
		v.Global, v.Timeline = rng.Int64N(3), rng.Int64N(2)
		for d := range v.Of {
			v.Of[d] = rng.Int64N(3)
		}
		return v
	}
	same, differ := 0, 0
	for i := 0; i < 20000; i++ {
		v, w := random(), random()
		var s db.DomainSet
		for d := db.Domain(0); d < db.NumDomains; d++ {
			if rng.IntN(3) == 0 {
				s |= db.Domains(d)
			}
		}
		want := v.Key(s) == w.Key(s)
		if got := v.SameIn(w, s); got != want {
			t.Fatalf("SameIn(%+v, %+v, %v) = %v, Key comparison says %v", v, w, s.List(), got, want)
		}
		if want {
			same++
		} else {
			differ++
		}
	}
	if same == 0 || differ == 0 {
		t.Fatalf("the cases did not cover both answers: %d same, %d differ", same, differ)
	}
}
