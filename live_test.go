package main_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
)

// wsMessage is a graphql-transport-ws protocol message.
type wsMessage struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// subscribe opens a dataChanged subscription and returns the connection after connection_ack.
func subscribe(t *testing.T, base string, header http.Header, init map[string]any) (*websocket.Conn, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(base, "http")+"/graphql", &websocket.DialOptions{
		Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: header,
	})
	if err != nil {
		return nil, err
	}
	payload, _ := json.Marshal(init)
	if err := wsjson.Write(ctx, c, wsMessage{Type: "connection_init", Payload: payload}); err != nil {
		return nil, err
	}
	var ack wsMessage
	if err := wsjson.Read(ctx, c, &ack); err != nil {
		return nil, err
	}
	if ack.Type != "connection_ack" {
		return nil, &wsError{ack.Type}
	}
	q, _ := json.Marshal(map[string]any{"query": "subscription { dataChanged { version at } }"})
	if err := wsjson.Write(ctx, c, wsMessage{ID: "1", Type: "subscribe", Payload: q}); err != nil {
		return nil, err
	}
	return c, nil
}

type wsError struct{ got string }

func (e *wsError) Error() string { return "expected connection_ack, got " + e.got }

// nextVersion reads the next dataChanged version.
func nextVersion(t *testing.T, c *websocket.Conn, timeout time.Duration) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	for {
		var m wsMessage
		if err := wsjson.Read(ctx, c, &m); err != nil {
			t.Fatalf("read: %v", err)
		}
		if m.Type == "ping" || m.Type == "pong" {
			continue
		}
		var p struct {
			Data   struct{ DataChanged struct{ Version int } }
			Errors []any
		}
		json.Unmarshal(m.Payload, &p)
		if m.Type != "next" || len(p.Errors) > 0 {
			t.Fatalf("message %s %s", m.Type, m.Payload)
		}
		return p.Data.DataChanged.Version
	}
}

func TestDataChanged(t *testing.T) {
	m := MustRunMain(t)
	t.Run("PushesOnWrite", func(t *testing.T) {
		c, err := subscribe(t, m.URL(), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close(websocket.StatusNormalClosure, "")
		first := nextVersion(t, c, 5*time.Second)
		writeElsewhere(t, m, "推送测试厅（演示）")
		if got := nextVersion(t, c, 5*time.Second); got != first+1 {
			t.Fatalf("version after write = %d, want %d", got, first+1)
		}
	})
	t.Run("ForeignOriginRefused", func(t *testing.T) {
		_, err := subscribe(t, m.URL(), http.Header{"Origin": {"https://evil.example"}}, nil)
		if err == nil {
			t.Fatal("a cross-site WebSocket was accepted")
		}
	})
}

func TestDataChangedNeedsCredentials(t *testing.T) {
	m := signedOut(t)
	t.Run("NoCredentials", func(t *testing.T) {
		if _, err := subscribe(t, m.URL(), nil, nil); err == nil {
			t.Fatal("an anonymous subscription was accepted")
		}
	})
	t.Run("BearerInConnectionInit", func(t *testing.T) {
		admin, _ := login(t, m.URL(), "admin", adminPassword)
		r := as(t, m.URL(), admin, `mutation { createApiToken(name: "ws", scope: READ) { secret } }`, nil)
		var d struct{ CreateApiToken struct{ Secret string } }
		json.Unmarshal(r.Data, &d)
		c, err := subscribe(t, m.URL(), nil, map[string]any{"Authorization": "Bearer " + d.CreateApiToken.Secret})
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close(websocket.StatusNormalClosure, "")
		if v := nextVersion(t, c, 5*time.Second); v < 1 {
			t.Fatalf("version = %d", v)
		}
	})
}
