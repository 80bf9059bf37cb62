package cache

// evictOlder empties the cache the first time a request sees a newer data version. Answers are keyed on the
// version, so after a write every cached answer is dead weight: without this they stayed until the LRU's count
// bound pushed them out, and under a write every 50 ms thousands of stale answers (a year's ranking inputs for
// 5,000 units is about a megabyte) held the server's memory over its 200 MB budget. Answers of an older version
// added afterwards by a slower request go at the next advance.
func (s *Store) evictOlder(ver int64) {
	for {
		seen := s.newest.Load()
		if ver <= seen {
			return
		}
		if s.newest.CompareAndSwap(seen, ver) {
			if seen != 0 {
				s.lru.Purge()
			}
			return
		}
	}
}

// Len is the number of cached answers, for tests and metrics.
func (s *Store) Len() int { return s.lru.Len() }
