package rules_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stockholm-stad/smaudit/demo"
	"github.com/stockholm-stad/smaudit/fixtureserver"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner/mastodon"
)

// TestSamplesAreTheDemosAccounts holds the rules' samples to the demo's
// recordings: the profiles the samples judge must be what the Mastodon
// adapter reads from demo/data for the same accounts, so a sample cannot
// drift into a shape no platform answers.
func TestSamplesAreTheDemosAccounts(t *testing.T) {
	t.Parallel()
	hosts, err := demo.Hosts()
	if err != nil {
		t.Fatal(err)
	}
	srv, err := fixtureserver.Start(hosts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	f, err := srv.Fetcher()
	if err != nil {
		t.Fatal(err)
	}
	rule, ok := rules.Find(rules.All(rules.DefaultConfig()), rules.ContactDetails)
	if !ok {
		t.Fatal("no contact-details rule")
	}
	checked := 0
	for _, s := range rule.Samples {
		t.Run(s.Name, func(t *testing.T) {
			acc := s.Result.Account
			got, err := mastodon.New(f).Fetch(context.Background(), acc, rules.SampleAsOf.AddDate(0, 0, -91))
			if err != nil {
				t.Fatalf("Fetch %s: %v", acc.URL, err)
			}
			if diff := cmp.Diff(got.Profile, s.Result.Fetched.Profile); diff != "" {
				t.Errorf("sample profile differs from the demo's recording (-demo +sample):\n%s", diff)
			}
		})
		checked++
	}
	if checked < 2 {
		t.Errorf("%d samples compared; want the passing and the failing one", checked)
	}
}
