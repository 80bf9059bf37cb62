package httpapi

import (
	"strings"
	"testing"
)

// TestReadAtMost: a body is read whole when it is within the limit, whatever length it declared, and a body past
// the limit comes back longer than the limit for the caller to refuse. Each case is read with no buffer, with a
// buffer too small and with a pooled one.
func TestReadAtMost(t *testing.T) {
	for _, c := range []struct {
		name            string
		body            string
		declared, limit int64
		want            string
	}{
		{"Declared", "hello", 5, 11, "hello"},
		{"Unknown", "hello", -1, 11, "hello"},
		{"LongerThanDeclared", "hello world", 5, 11, "hello world"},
		{"PastTheLimit", "hello world!", 5, 11, "hello world"},
		{"DeclaredPastTheLimit", "hello world!", 12, 11, "hello world"},
	} {
		for _, dst := range []struct {
			name string
			b    []byte
		}{{"NoBuffer", nil}, {"SmallBuffer", make([]byte, 0, 3)}, {"Pooled", new(bodyBuffer).b[:0]}} {
			t.Run(c.name+"/"+dst.name, func(t *testing.T) {
				got, err := readAtMost(dst.b, strings.NewReader(c.body), c.declared, c.limit)
				if err != nil || string(got) != c.want {
					t.Errorf("got %q, %v; want %q", got, err, c.want)
				}
			})
		}
	}
}
