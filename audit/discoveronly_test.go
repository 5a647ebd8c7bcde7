package audit

import (
	"context"
	"errors"
	"testing"
)

// TestDiscoverOnlyTellsItsErrorsApart: a crawl that cannot be set up
// fetched nothing, and a search cut short is not "nothing missing", so a
// front end can say which happened.
func TestDiscoverOnlyTellsItsErrorsApart(t *testing.T) {
	t.Parallel()
	t.Run("bad crawl setting", func(t *testing.T) {
		t.Parallel()
		opts, _ := demoOptions(t)
		opts.Config.Crawl.PerHostDelay = -1
		prog := &recordingProgress{}
		_, _, err := DiscoverOnly(context.Background(), opts, prog)
		var notStarted *NotStartedError
		if !errors.As(err, &notStarted) || prog.started != 0 || prog.closed != 1 {
			t.Errorf("error %v, %d accounts started, progress closed %d times; want a NotStartedError, none started, closed once", err, prog.started, prog.closed)
		}
	})
	t.Run("interrupted", func(t *testing.T) {
		t.Parallel()
		opts, _ := demoOptions(t)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		missing, notes, err := DiscoverOnly(ctx, opts, &recordingProgress{})
		if !errors.Is(err, ErrDiscoveryInterrupted) || missing != nil || notes != nil {
			t.Errorf("got %v, %d missing, %d notes; want ErrDiscoveryInterrupted and nothing else", err, len(missing), len(notes))
		}
	})
	t.Run("complete", func(t *testing.T) {
		t.Parallel()
		opts, _ := demoOptions(t)
		missing, _, err := DiscoverOnly(context.Background(), opts, &recordingProgress{})
		if err != nil || len(missing) == 0 {
			t.Errorf("got %v and %d missing; the demo site links to accounts missing from the registry", err, len(missing))
		}
	})
}
