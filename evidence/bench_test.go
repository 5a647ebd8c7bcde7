package evidence

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// BenchmarkRecord records a recorded page of Mastodon posts (the demo's
// largest, about 190 kB) for accounts of four administrations, as a scan
// with --evidence does: what keeping evidence costs per answer, in time
// and allocation, against the scan's own work per request.
func BenchmarkRecord(b *testing.B) {
	w, err := NewWriter(b.TempDir(), Options{FileBase: slugs, Now: time.Now})
	if err != nil {
		b.Fatal(err)
	}
	body, err := os.ReadFile("../demo/data/hosts/mastodon.demo.example/statuses/stadsbiblioteket-page1.json")
	if err != nil {
		b.Fatal(err)
	}
	admins := []string{"Kulturförvaltningen", "Utbildningsförvaltningen", "Östermalms stadsdelsförvaltning", "Stockholm Vatten och Avfall AB"}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		u := "https://mastodon.example/api/v1/accounts/" + strconv.Itoa(i) + "/statuses?limit=40"
		resp := &scanner.Response{URL: u, StatusCode: 200, Header: map[string][]string{"Content-Type": {"application/json"}}, Body: body}
		acc := scanner.Account{Row: i, Administration: admins[i%len(admins)], URL: u}
		a := scanner.Recording(map[scanner.Platform]scanner.Adapter{scanner.Mastodon: fetchOnce{scanner.RecordingFetcher(fixedFetcher{resp}, w), scanner.Request{URL: u}}})[scanner.Mastodon]
		if _, err := a.Fetch(context.Background(), acc, time.Time{}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
}
