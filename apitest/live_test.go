package apitest

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/coder/websocket"
)

func TestDataChanged(t *testing.T) {
	m := MustRunMain(t)
	t.Run("PushesOnWrite", func(t *testing.T) {
		c, err := Subscribe(t, m.URL(), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close(websocket.StatusNormalClosure, "")
		first := NextVersion(t, c, 5*time.Second)
		writeElsewhere(t, m, "推送测试厅（演示）")
		if got := NextVersion(t, c, 5*time.Second); got != first+1 {
			t.Fatalf("version after write = %d, want %d", got, first+1)
		}
	})
	t.Run("ForeignOriginRefused", func(t *testing.T) {
		_, err := Subscribe(t, m.URL(), http.Header{"Origin": {"https://evil.example"}}, nil)
		if err == nil {
			t.Fatal("a cross-site WebSocket was accepted")
		}
	})
}

func TestDataChangedNeedsCredentials(t *testing.T) {
	m := SignedOut(t)
	t.Run("NoCredentials", func(t *testing.T) {
		if _, err := Subscribe(t, m.URL(), nil, nil); err == nil {
			t.Fatal("an anonymous subscription was accepted")
		}
	})
	t.Run("BearerInConnectionInit", func(t *testing.T) {
		admin, _ := Login(t, m.URL(), "admin", AdminPassword)
		r := As(t, m.URL(), admin, `mutation { createApiToken(name: "ws", scope: READ) { secret } }`, nil)
		var d struct{ CreateApiToken struct{ Secret string } }
		json.Unmarshal(r.Data, &d)
		c, err := Subscribe(t, m.URL(), nil, map[string]any{"Authorization": "Bearer " + d.CreateApiToken.Secret})
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close(websocket.StatusNormalClosure, "")
		if v := NextVersion(t, c, 5*time.Second); v < 1 {
			t.Fatalf("version = %d", v)
		}
	})
}
