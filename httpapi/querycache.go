package httpapi

import (
	"container/list"
	"context"
	"crypto/sha256"
	"sync"

	"github.com/99designs/gqlgen/graphql"
)

// ByteBoundedCache is gqlgen's query and persisted-query cache with a budget in bytes instead of entries: an entry is
// keyed on the hash of its key, weighs the length of the query text it keeps (a parsed document keeps its source),
// and an entry larger than MaxEntry is not kept at all. A cache counted in entries lets a thousand one-megabyte
// queries (a comment of padding is enough) hold a gigabyte for good.
type ByteBoundedCache[T any] struct {
	// Budget is the most bytes of query text the cache keeps; MaxEntry the most one entry may weigh.
	Budget, MaxEntry int
	// Weight is what an entry weighs besides its key's length, such as the length of a persisted query's text.
	Weight func(T) int

	mu    sync.Mutex
	order *list.List
	items map[[32]byte]*list.Element
	bytes int
}

type byteEntry[T any] struct {
	key    [32]byte
	value  T
	weight int
}

var _ graphql.Cache[string] = (*ByteBoundedCache[string])(nil)

// NewByteBoundedCache makes a cache of at most budget bytes, keeping no entry over maxEntry bytes.
func NewByteBoundedCache[T any](budget, maxEntry int, weight func(T) int) *ByteBoundedCache[T] {
	return &ByteBoundedCache[T]{Budget: budget, MaxEntry: maxEntry, Weight: weight, order: list.New(), items: map[[32]byte]*list.Element{}}
}

// Get returns the entry for the key and marks it recently used.
func (c *ByteBoundedCache[T]) Get(_ context.Context, key string) (T, bool) {
	h := sha256.Sum256([]byte(key))
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[h]; ok {
		c.order.MoveToFront(el)
		return el.Value.(*byteEntry[T]).value, true
	}
	var zero T
	return zero, false
}

// Add keeps the entry unless it alone is over MaxEntry, dropping the least recently used ones past the budget.
func (c *ByteBoundedCache[T]) Add(_ context.Context, key string, value T) {
	w := len(key) + 64
	if c.Weight != nil {
		w += c.Weight(value)
	}
	if w > c.MaxEntry {
		return
	}
	h := sha256.Sum256([]byte(key))
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[h]; ok {
		c.bytes -= el.Value.(*byteEntry[T]).weight
		c.order.Remove(el)
	}
	c.items[h] = c.order.PushFront(&byteEntry[T]{key: h, value: value, weight: w})
	c.bytes += w
	for c.bytes > c.Budget && c.order.Len() > 0 {
		old := c.order.Back()
		e := old.Value.(*byteEntry[T])
		c.order.Remove(old)
		delete(c.items, e.key)
		c.bytes -= e.weight
	}
}

// Bytes is the weight the cache holds now.
func (c *ByteBoundedCache[T]) Bytes() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes
}
