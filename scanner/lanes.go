package scanner

import (
	"container/heap"
	"net/url"
	"sort"
	"strings"
)

// LaneOf names the queue an account waits in during a scan: the host its
// requests go to. Accounts on one platform's API share a lane (Facebook
// and Instagram share Meta's Graph API); Mastodon accounts share their
// instance's, and blogs and web pages their site's.
func LaneOf(acc Account) string {
	switch acc.Platform {
	case Bluesky, YouTube, X:
		return string(acc.Platform)
	case Facebook, Instagram:
		return "meta"
	}
	u, err := url.Parse(acc.URL)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// lane is the queue of one lane's accounts not yet started.
type lane struct {
	key    string
	queue  []int // indexes into the scan's accounts, in registry order
	active int   // accounts started and not finished
	pos    int   // index in the lanes heap, -1 when not in it
}

// lanes picks the next account to start: from the lane with the most
// accounts left that has room, so the longest queue (the host that
// bounds the scan's time) is never left idle, whatever the registry's
// order. Ties go to the lane whose key sorts first.
type lanes struct {
	byKey   map[string]*lane
	ready   laneHeap // lanes with accounts left and room for one more
	perLane int
}

// newLanes queues accounts by lane, perLane of each under way at once.
func newLanes(accounts []Account, perLane int) *lanes {
	q := &lanes{byKey: map[string]*lane{}, perLane: perLane}
	for i, acc := range accounts {
		key := LaneOf(acc)
		ln, ok := q.byKey[key]
		if !ok {
			ln = &lane{key: key, pos: -1}
			q.byKey[key] = ln
		}
		ln.queue = append(ln.queue, i)
	}
	for _, ln := range q.byKey {
		heap.Push(&q.ready, ln)
	}
	return q
}

// next starts the next account and returns its index and lane; ok is
// false when no lane has both accounts left and room.
func (q *lanes) next() (i int, key string, ok bool) {
	if len(q.ready) == 0 {
		return 0, "", false
	}
	ln := q.ready[0]
	i, ln.queue = ln.queue[0], ln.queue[1:]
	ln.active++
	if len(ln.queue) == 0 || ln.active >= q.perLane {
		heap.Remove(&q.ready, ln.pos)
	} else {
		heap.Fix(&q.ready, ln.pos)
	}
	return i, ln.key, true
}

// done records that an account of lane key finished.
func (q *lanes) done(key string) {
	ln := q.byKey[key]
	ln.active--
	if ln.pos < 0 && len(ln.queue) > 0 {
		heap.Push(&q.ready, ln)
	}
}

// rest returns the accounts never started, in registry order.
func (q *lanes) rest() []int {
	var out []int
	for _, ln := range q.byKey {
		out = append(out, ln.queue...)
	}
	sort.Ints(out)
	return out
}

// laneHeap orders lanes by accounts left, most first, then by key.
type laneHeap []*lane

func (h laneHeap) Len() int { return len(h) }
func (h laneHeap) Less(a, b int) bool {
	if len(h[a].queue) != len(h[b].queue) {
		return len(h[a].queue) > len(h[b].queue)
	}
	return h[a].key < h[b].key
}
func (h laneHeap) Swap(a, b int) {
	h[a], h[b] = h[b], h[a]
	h[a].pos, h[b].pos = a, b
}

// Push implements heap.Interface.
func (h *laneHeap) Push(x any) {
	ln := x.(*lane)
	ln.pos = len(*h)
	*h = append(*h, ln)
}

// Pop implements heap.Interface.
func (h *laneHeap) Pop() any {
	old := *h
	ln := old[len(old)-1]
	ln.pos = -1
	*h = old[:len(old)-1]
	return ln
}
