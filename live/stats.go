package live

// Subscribers is the number of dataChanged subscriptions open now, for the metrics gauge.
func (b *Broker) Subscribers() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.subs)
}
