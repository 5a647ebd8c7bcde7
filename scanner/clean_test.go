package scanner

import (
	"errors"
	"testing"
)

func TestCleanText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Kulturförvaltningen", "Kulturförvaltningen"},
		{"evil\u202Egpj.exe", "evilgpj.exe"},
		{"\x1b[2J\x1b[31mred\x1b[0m", "[2J[31mred[0m"},
		{"a\u2066b\u2069c\u200Fd", "abcd"},
		{"line one\nline\ttwo\r", "line one\nline\ttwo"},
		{"C1\u0085\u009bnext", "C1next"},
		{"مرحبا", "مرحبا"},
	} {
		if got := CleanText(tc.in); got != tc.want {
			t.Errorf("CleanText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestResultCleanCoversWhatPeopleSee(t *testing.T) {
	bad := "x\u202Ey\x1b"
	under := errors.New("under")
	res := Result{
		Account: Account{Name: bad, Administration: bad, Purpose: bad},
		Err:     &FetchError{Kind: ErrHTTPStatus, Detail: bad, URL: bad, Err: under},
		Fetched: Fetched{
			Profile:  Profile{DisplayName: bad, Text: bad, Links: []Link{{URL: bad, Text: bad}}, Fields: []Field{{Name: bad, Value: bad}}},
			Posts:    []Post{{URL: bad}},
			PostsCut: &FetchError{Detail: bad},
			Sources:  []string{bad},
		},
	}
	c := res.Clean()
	for name, got := range map[string]string{
		"name": c.Account.Name, "administration": c.Account.Administration, "purpose": c.Account.Purpose,
		"detail": c.Err.Detail, "url": c.Err.URL, "display": c.Fetched.Profile.DisplayName,
		"text": c.Fetched.Profile.Text, "link": c.Fetched.Profile.Links[0].URL, "link text": c.Fetched.Profile.Links[0].Text,
		"field": c.Fetched.Profile.Fields[0].Value, "post": c.Fetched.Posts[0].URL, "cut": c.Fetched.PostsCut.Detail,
		"source": c.Fetched.Sources[0],
	} {
		if got != "xy" {
			t.Errorf("%s = %q, want %q", name, got, "xy")
		}
	}
	if !errors.Is(c.Err, under) {
		t.Error("Clean lost the underlying error")
	}
	if res.Fetched.Profile.Links[0].URL != bad {
		t.Error("Clean changed the original's links")
	}
}

func TestResultCleanCoversDialogue(t *testing.T) {
	bad := "x\u202Ey\x1b"
	d := &Dialogue{
		Hidden: bad,
		Threads: []Thread{{
			PostID: bad, URL: bad, Source: bad, Cut: &FetchError{Kind: ErrHTTPStatus, URL: bad, Detail: bad},
			Replies: []Reply{{ID: bad, URL: bad, Parent: bad, Author: bad, Text: "Hur\u202E söker\x1b[31m jag?"}},
		}},
		WithReplies: 3, MaxThreads: 10,
	}
	c := Result{Fetched: Fetched{Dialogue: d}}.Clean().Fetched.Dialogue
	th := c.Threads[0]
	r := th.Replies[0]
	for name, got := range map[string]string{
		"hidden": c.Hidden, "post id": th.PostID, "thread url": th.URL, "thread source": th.Source, "cut url": th.Cut.URL,
		"cut detail": th.Cut.Detail, "reply id": r.ID, "reply url": r.URL, "parent": r.Parent, "author": r.Author,
	} {
		if got != "xy" {
			t.Errorf("%s = %q, want %q", name, got, "xy")
		}
	}
	if want := "Hur söker[31m jag?"; r.Text != want {
		t.Errorf("reply text = %q, want %q", r.Text, want)
	}
	if c.WithReplies != 3 || c.MaxThreads != 10 {
		t.Errorf("Clean changed the counts: %d of %d", c.WithReplies, c.MaxThreads)
	}
	if d.Threads[0].Replies[0].Author != bad || d.Hidden != bad {
		t.Error("Clean changed the adapter's Dialogue")
	}
	if (Result{}).Clean().Fetched.Dialogue != nil {
		t.Error("Clean made a Dialogue out of none")
	}
}
