package scanner

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

type fakeAdapter struct {
	fetch func(ctx context.Context, acc Account) (Fetched, error)
	calls atomic.Int32
}

func (f *fakeAdapter) Fetch(ctx context.Context, acc Account, since time.Time) (Fetched, error) {
	f.calls.Add(1)
	return f.fetch(ctx, acc)
}

func TestScanKeepsEveryAccountWhateverHappens(t *testing.T) {
	ad := &fakeAdapter{fetch: func(ctx context.Context, acc Account) (Fetched, error) {
		switch acc.Name {
		case "down":
			return Fetched{}, &FetchError{Kind: ErrHTTPStatus, StatusCode: 503}
		case "plain error":
			return Fetched{}, errors.New("connection reset")
		case "panics":
			panic("bad html")
		}
		return Fetched{Profile: Profile{DisplayName: acc.Name}}, nil
	}}
	accounts := []Account{
		{Name: "ok", Platform: Mastodon},
		{Name: "down", Platform: Mastodon},
		{Name: "bad row", Platform: Mastodon, Problems: []RowProblem{{Column: "Länk", Message: `"htps://x" is not an http(s) URL`}}},
		{Name: "facebook", Platform: "facebook"},
		{Name: "plain error", Platform: Mastodon},
		{Name: "panics", Platform: Mastodon},
		{Name: "linkedin", Platform: LinkedIn},
	}
	got := Scan(context.Background(), accounts, map[Platform]Adapter{Mastodon: ad, LinkedIn: Unavailable(NoPublicSurface)}, time.Time{}, Options{Concurrency: 3})
	want := []struct {
		status FetchStatus
		kind   ErrorKind
	}{
		{FetchOK, ""}, {FetchFailed, ErrHTTPStatus}, {FetchFailed, ErrInvalidInput},
		{FetchUnsupported, ""}, {FetchFailed, ErrNetwork}, {FetchFailed, ErrUnparseable},
		{FetchUnsupported, ""},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d results, want %d", len(got), len(want))
	}
	for i, w := range want {
		if got[i].Account.Name != accounts[i].Name {
			t.Errorf("result %d is %q, want %q: order lost", i, got[i].Account.Name, accounts[i].Name)
		}
		if got[i].Status != w.status {
			t.Errorf("%s: status %s, want %s", accounts[i].Name, got[i].Status, w.status)
		}
		kind := ErrorKind("")
		if got[i].Err != nil {
			kind = got[i].Err.Kind
		}
		if kind != w.kind {
			t.Errorf("%s: error kind %q, want %q", accounts[i].Name, kind, w.kind)
		}
	}
	if got[3].Unsupported != NoAdapter || got[6].Unsupported != NoPublicSurface {
		t.Errorf("unsupported reasons %q and %q, want %q and %q", got[3].Unsupported, got[6].Unsupported, NoAdapter, NoPublicSurface)
	}
	if n := ad.calls.Load(); n != 4 {
		t.Errorf("adapter called %d times, want 4 (bad rows and unsupported platforms are not fetched)", n)
	}
}

func TestScanCancelledMarksTheRestNotReached(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	ad := &fakeAdapter{fetch: func(ctx context.Context, acc Account) (Fetched, error) {
		if acc.Name == "a" {
			return Fetched{Profile: Profile{DisplayName: "a"}}, nil
		}
		// The interruption arrives mid-fetch: the adapter sees it as a
		// cancelled request.
		cancel()
		<-ctx.Done()
		return Fetched{}, &FetchError{Kind: ErrCanceled, Err: ctx.Err()}
	}}
	accounts := []Account{
		{Name: "a", Platform: Web},
		{Name: "b", Platform: Web},
		{Name: "c", Platform: Web},
		{Name: "bad row", Platform: Web, Problems: []RowProblem{{Column: "Länk", Message: "empty"}}},
		{Name: "linkedin", Platform: LinkedIn},
		{Name: "tiktok", Platform: "tiktok"},
		{Name: "d", Platform: Web},
	}
	got := Scan(ctx, accounts, map[Platform]Adapter{Web: ad, LinkedIn: Unavailable(NoPublicSurface)}, time.Time{}, Options{Concurrency: 1, PerLane: 1})
	want := map[string]FetchStatus{
		"a": FetchOK, "b": FetchNotReached, "c": FetchNotReached, "bad row": FetchFailed,
		"linkedin": FetchUnsupported, "tiktok": FetchUnsupported, "d": FetchNotReached,
	}
	for _, r := range got {
		if r.Status != want[r.Account.Name] {
			t.Errorf("%s: %s, want %s", r.Account.Name, r.Status, want[r.Account.Name])
		}
		if r.Status == FetchNotReached && r.Err != nil {
			t.Errorf("%s: not reached with error %v, want none (it is not an unreadable account)", r.Account.Name, r.Err)
		}
	}
	if n := ad.calls.Load(); n > 3 {
		t.Errorf("adapter called %d times after cancel, want at most 3", n)
	}
}

// TestScanLogsTheStackOfARecoveredPanic: a panic is one account's
// failure in the reports, and its stack goes to the log, where a
// developer can find the bug.
func TestScanLogsTheStackOfARecoveredPanic(t *testing.T) {
	var buf bytes.Buffer
	ad := &fakeAdapter{fetch: func(ctx context.Context, acc Account) (Fetched, error) {
		var posts []Post
		return Fetched{Posts: posts[:len(acc.Name)]}, nil // out of range: a real bug's panic
	}}
	got := Scan(context.Background(), []Account{{Name: "a", Platform: Web, URL: "https://a.example/"}},
		map[Platform]Adapter{Web: ad}, time.Time{}, Options{Logger: slog.New(slog.NewTextHandler(&buf, nil))})
	if got[0].Status != FetchFailed || got[0].Err == nil || !strings.Contains(got[0].Err.Detail, "internal error") {
		t.Errorf("result %s %v, want failed with an internal error", got[0].Status, got[0].Err)
	}
	if log := buf.String(); !strings.Contains(log, "out of range") || !strings.Contains(log, "scan_test.go") {
		t.Errorf("the log lacks the panic and its stack:\n%s", log)
	}
}
