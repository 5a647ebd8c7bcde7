package scanner

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"
)

// TestReadDialogue checks the loop every reply-reading adapter shares:
// only own posts from since on with replies are candidates, the first
// maxThreads of them are read in the order given, the rest are counted,
// and a cancelled read ends it with the error.
func TestReadDialogue(t *testing.T) {
	since := time.Date(2026, 8, 22, 0, 0, 0, 0, time.UTC)
	day := func(d int) time.Time { return since.AddDate(0, 0, d) }
	posts := []Post{
		{ID: "a", Published: day(9)},
		{ID: "reply", Published: day(8), Reply: true},
		{ID: "boost", Published: day(7), Repost: true},
		{ID: "quiet", Published: day(6)},
		{ID: "b", Published: day(5)},
		{ID: "c", Published: day(4)},
		{ID: "old", Published: day(-1)},
	}
	hasReplies := func(p Post) bool { return p.ID != "quiet" }
	var asked []string
	read := func(_ context.Context, p Post) (Thread, error) {
		asked = append(asked, p.ID)
		return Thread{PostID: p.ID}, nil
	}
	d, err := ReadDialogue(context.Background(), posts, since, 2, hasReplies, read)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a", "b"}; !slices.Equal(asked, want) {
		t.Errorf("read %v, want %v (own, since, with replies, newest first, capped)", asked, want)
	}
	if d.WithReplies != 3 || d.MaxThreads != 2 || len(d.Threads) != 2 {
		t.Errorf("WithReplies %d, MaxThreads %d, %d threads; want 3, 2, 2", d.WithReplies, d.MaxThreads, len(d.Threads))
	}

	cancelled := errors.New("cancelled")
	_, err = ReadDialogue(context.Background(), posts, since, 2, hasReplies, func(context.Context, Post) (Thread, error) {
		return Thread{}, cancelled
	})
	if !errors.Is(err, cancelled) {
		t.Errorf("a cancelled read gave %v, want the error back", err)
	}
}
