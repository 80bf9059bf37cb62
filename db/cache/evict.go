package cache

import (
	"strings"

	"github.com/wenming/wenming/db"
)

// evictOlder drops the answers a write has made stale, the first time a request sees the newer data version.
// Answers are keyed on the versions of the domains they read, so after a write those of the written domains are dead
// weight: without this they stayed until the LRU's count bound pushed them out, and under a write every 50 ms
// thousands of stale answers (a year's ranking inputs for 5,000 units is about a megabyte) held the server's memory
// over its 200 MB budget. Answers of domains the write did not touch stay. Answers of an older version added
// afterwards by a slower request go at the next advance.
func (s *Store) evictOlder(ver db.Versions) {
	// A failover's new timeline makes every answer of the old one dead weight, whatever the versions now read.
	if tl := s.timeline.Load(); tl != ver.Timeline && s.timeline.CompareAndSwap(tl, ver.Timeline) {
		s.newest.Store(ver.Global)
		if tl != 0 {
			s.evictStale(ver)
		}
		return
	}
	for {
		seen := s.newest.Load()
		if ver.Global <= seen {
			return
		}
		if s.newest.CompareAndSwap(seen, ver.Global) {
			if seen != 0 {
				s.evictStale(ver)
			}
			return
		}
	}
}

// evictStale removes every answer whose key holds versions other than ver's for the domains it read: the key ends
// with db.Versions.Key of those domains, one letter per domain followed by its version.
func (s *Store) evictStale(ver db.Versions) {
	for _, k := range s.lru.Keys() {
		i := strings.LastIndexByte(k, 0)
		if i < 0 {
			s.lru.Remove(k)
			continue
		}
		suffix := k[i+1:]
		var reads db.DomainSet
		for _, c := range suffix {
			if c >= 'a' && c < 'a'+rune(db.NumDomains) {
				reads |= db.Domains(db.Domain(c - 'a'))
			}
		}
		if ver.Key(reads) != suffix {
			s.lru.Remove(k)
		}
	}
}

// Len is the number of cached answers, for tests and metrics.
func (s *Store) Len() int { return s.lru.Len() }
