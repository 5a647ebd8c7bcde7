package scanner

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"
)

// quarterMix is a registry in the city's mix, sorted by platform: the
// order that made every worker wait for the slowest API.
func quarterMix() []Account {
	var accs []Account
	add := func(n int, p Platform, url func(i int) string) {
		for i := 0; i < n; i++ {
			accs = append(accs, Account{Name: fmt.Sprintf("%s-%d", p, i), Platform: p, URL: url(i)})
		}
	}
	add(12, Facebook, func(i int) string { return fmt.Sprintf("https://www.facebook.com/konto%d", i) })
	add(4, Instagram, func(i int) string { return fmt.Sprintf("https://www.instagram.com/konto%d/", i) })
	add(6, X, func(i int) string { return fmt.Sprintf("https://x.com/konto%d", i) })
	add(5, Mastodon, func(i int) string { return fmt.Sprintf("https://Mastodon.Example/@konto%d", i) })
	add(7, Web, func(i int) string { return fmt.Sprintf("https://blogg%d.example/", i%3) })
	return accs
}

// interleave deals accs round-robin by platform, as a registry kept by
// administration lists them.
func interleave(accs []Account) []Account {
	by := map[Platform][]Account{}
	var order []Platform
	for _, a := range accs {
		if by[a.Platform] == nil {
			order = append(order, a.Platform)
		}
		by[a.Platform] = append(by[a.Platform], a)
	}
	var out []Account
	for len(out) < len(accs) {
		for _, p := range order {
			if len(by[p]) > 0 {
				out = append(out, by[p][0])
				by[p] = by[p][1:]
			}
		}
	}
	return out
}

func TestLaneOf(t *testing.T) {
	for _, c := range []struct {
		acc  Account
		want string
	}{
		{Account{Platform: Facebook, URL: "https://www.facebook.com/a"}, "meta"},
		{Account{Platform: Instagram, URL: "https://www.instagram.com/a/"}, "meta"},
		{Account{Platform: X, URL: "https://x.com/a"}, "x"},
		{Account{Platform: Mastodon, URL: "https://Mastodon.Example:443/@a"}, "mastodon.example"},
		{Account{Platform: Web, URL: "https://blogg.example/"}, "blogg.example"},
		{Account{Platform: Web, URL: "::"}, ""},
	} {
		if got := LaneOf(c.acc); got != c.want {
			t.Errorf("LaneOf(%s %s) = %q, want %q", c.acc.Platform, c.acc.URL, got, c.want)
		}
	}
}

// startOrder drains q as a scan with the given room would, finishing the
// oldest account whenever no lane has room, and returns the lanes in the
// order their accounts started.
func startOrder(accs []Account, perLane, room int) []string {
	q := newLanes(accs, perLane)
	var started, running []string
	for len(started) < len(accs) {
		if len(running) < room {
			if _, key, ok := q.next(); ok {
				started = append(started, key)
				running = append(running, key)
				continue
			}
		}
		q.done(running[0])
		running = running[1:]
	}
	return started
}

func TestLanesStartTheSameWhateverTheRegistryOrder(t *testing.T) {
	sorted := quarterMix()
	mixed := interleave(sorted)
	a, b := fmt.Sprint(startOrder(sorted, 2, 1000)), fmt.Sprint(startOrder(mixed, 2, 1000))
	if a != b {
		t.Errorf("lanes start in another order when the registry is interleaved:\nsorted      %s\ninterleaved %s", a, b)
	}
	// The longest queue (Meta: 16 accounts) goes first, then X.
	got := startOrder(sorted, 2, 1000)
	if got[0] != "meta" || got[1] != "meta" || got[2] != "x" {
		t.Errorf("start order %v, want the longest lanes first", got)
	}
}

func TestLanesKeepPerLaneBound(t *testing.T) {
	q := newLanes(quarterMix(), 2)
	count := map[string]int{}
	for {
		_, key, ok := q.next()
		if !ok {
			break
		}
		count[key]++
	}
	// No lane finished, so each may have at most 2 under way.
	for key, n := range count {
		if n > 2 {
			t.Errorf("lane %s: %d accounts under way, want at most 2", key, n)
		}
	}
	keys := make([]string, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if want := "[blogg0.example blogg1.example blogg2.example mastodon.example meta x]"; fmt.Sprint(keys) != want {
		t.Errorf("lanes started: %v, want %s", keys, want)
	}
	if rest := q.rest(); len(rest) != len(quarterMix())-12 {
		t.Errorf("%d accounts left, want %d (2 under way in each of 6 lanes)", len(rest), len(quarterMix())-12)
	}
}

// TestScanLendsTheWorkerOfAWaitingAccount runs one worker. The first
// account waits (as the crawl layer waits for a rate-limited host) until
// the second has finished: without Idle, the scan would never end.
func TestScanLendsTheWorkerOfAWaitingAccount(t *testing.T) {
	secondDone := make(chan struct{})
	var mu sync.Mutex
	var order []string
	ad := &fakeAdapter{fetch: func(ctx context.Context, acc Account) (Fetched, error) {
		if acc.Name == "blocked" {
			resume := Idle(ctx)
			select {
			case <-secondDone:
			case <-time.After(10 * time.Second):
				return Fetched{}, &FetchError{Kind: ErrTimeout, Detail: "the other account never ran"}
			}
			resume()
		}
		mu.Lock()
		order = append(order, acc.Name)
		mu.Unlock()
		if acc.Name == "free" {
			close(secondDone)
		}
		return Fetched{}, nil
	}}
	accounts := []Account{
		{Name: "blocked", Platform: Web, URL: "https://a.example/"},
		{Name: "blocked", Platform: Web, URL: "https://a.example/2"},
		{Name: "free", Platform: Web, URL: "https://b.example/"},
	}
	accounts[1].Name = "other"
	got := Scan(context.Background(), accounts, map[Platform]Adapter{Web: ad}, time.Time{}, Options{Concurrency: 1, PerLane: 1})
	for _, r := range got {
		if r.Status != FetchOK {
			t.Errorf("%s: %s %v", r.Account.Name, r.Status, r.Err)
		}
	}
	if fmt.Sprint(order) != "[free blocked other]" {
		t.Errorf("accounts finished in order %v, want [free blocked other]: the waiting account lends its worker, and its lane's next account waits for its turn", order)
	}
}
