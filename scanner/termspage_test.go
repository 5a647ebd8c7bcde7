package scanner

import "testing"

func TestResultCleanCoversTerms(t *testing.T) {
	bad := "x\u202Ey\x1b"
	terms := &TermsPage{URL: bad, Text: bad, Err: &FetchError{Kind: ErrRobots, URL: bad, Detail: bad}}
	c := Result{Fetched: Fetched{Terms: terms}}.Clean()
	for name, got := range map[string]string{
		"url": c.Fetched.Terms.URL, "text": c.Fetched.Terms.Text, "err url": c.Fetched.Terms.Err.URL, "detail": c.Fetched.Terms.Err.Detail,
	} {
		if got != "xy" {
			t.Errorf("%s = %q, want %q", name, got, "xy")
		}
	}
	if terms.URL != bad {
		t.Error("Clean changed the adapter's terms page")
	}
	if c := (Result{}).Clean(); c.Fetched.Terms != nil {
		t.Error("Clean made up a terms page")
	}
}
