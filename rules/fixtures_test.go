package rules

import (
	"strings"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// auditDay is the as-of date most tests judge on.
const auditDay = "2026-09-28"

func mustAsOf(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := ParseAsOf(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// at returns a Stockholm wall-clock instant.
func at(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := time.ParseInLocation("2006-01-02 15:04", s, Stockholm)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// account is a complete registry row for a Mastodon account.
func account() scanner.Account {
	return scanner.Account{
		Source:         "konton.xlsx",
		Row:            7,
		Administration: "Kulturförvaltningen",
		Name:           "Stadsbiblioteket",
		PlatformName:   "Mastodon",
		Platform:       scanner.Mastodon,
		URL:            "https://mastodon.example/@biblioteket",
		Purpose:        "Nå unga vuxna",
		Goals:          "500 följare",
		Audience:       "Unga vuxna",
		Owner:          "Anna Andersson",
	}
}

// fetched is a successfully fetched result with the given profile.
func fetched(p scanner.Profile) scanner.Result {
	return scanner.Result{
		Account: account(),
		Status:  scanner.FetchOK,
		Fetched: scanner.Fetched{Profile: p, Sources: []string{"https://mastodon.example/api/v1/accounts/1"}},
	}
}

// textProfile is a profile whose only content is text.
func textProfile(text string) scanner.Profile {
	return scanner.Profile{Text: text, Description: text}
}

// linkProfile is a profile with one link and no text.
func linkProfile(text, url string) scanner.Profile {
	return scanner.Profile{Links: []scanner.Link{{URL: url, Text: text}}}
}

// ruleByID returns the rule built with cfg.
func ruleByID(t testing.TB, cfg Config, id string) Rule {
	t.Helper()
	r, ok := Find(All(cfg), id)
	if !ok {
		t.Fatalf("no rule %q", id)
	}
	return r
}

// sample is one true- or false-positive case of a rule.
type sample struct {
	name    string
	res     scanner.Result
	cfg     func(*Config) // optional config change
	asOf    string        // optional; auditDay when empty
	want    Status
	msg     string // substring the Swedish message must hold
	msgEN   string // substring the English message must hold
	evident string // substring some evidence value or URL must hold
	exact   string // value some evidence must have exactly
}

// runSamples judges every sample with the rule id and checks its verdict.
func runSamples(t *testing.T, id string, samples []sample) {
	t.Helper()
	for _, s := range samples {
		t.Run(s.name, func(t *testing.T) {
			cfg := DefaultConfig()
			if s.cfg != nil {
				s.cfg(&cfg)
			}
			if err := cfg.Validate(); err != nil {
				t.Fatal(err)
			}
			day := auditDay
			if s.asOf != "" {
				day = s.asOf
			}
			res := s.res
			f := ruleByID(t, cfg, id).Check(Input{Result: &res, AsOf: mustAsOf(t, day)})
			if f.Status != s.want {
				t.Fatalf("status %s, want %s; message %q; evidence %+v", f.Status, s.want, f.Message.SV, f.Evidence)
			}
			if f.Rule != id {
				t.Errorf("Rule = %q, want %q", f.Rule, id)
			}
			if f.Message.SV == "" || f.Message.EN == "" {
				t.Errorf("message missing a language: %+v", f.Message)
			}
			if !strings.Contains(f.Message.SV, s.msg) {
				t.Errorf("Swedish message %q lacks %q", f.Message.SV, s.msg)
			}
			if !strings.Contains(f.Message.EN, s.msgEN) {
				t.Errorf("English message %q lacks %q", f.Message.EN, s.msgEN)
			}
			if s.exact != "" && !hasExactEvidence(f, s.exact) {
				t.Errorf("no evidence has value %q: %+v", s.exact, f.Evidence)
			}
			if s.evident != "" && !hasEvidence(f, s.evident) {
				t.Errorf("no evidence holds %q: %+v", s.evident, f.Evidence)
			}
			for _, e := range f.Evidence {
				if e.Label.SV == "" || e.Label.EN == "" {
					t.Errorf("evidence label missing a language: %+v", e)
				}
			}
		})
	}
}

func hasEvidence(f Finding, want string) bool {
	for _, e := range f.Evidence {
		if strings.Contains(e.Value, want) || strings.Contains(e.URL, want) || strings.Contains(e.Source, want) || strings.Contains(e.Label.SV, want) || strings.Contains(e.ValueText.SV, want) {
			return true
		}
	}
	return false
}

func hasExactEvidence(f Finding, want string) bool {
	for _, e := range f.Evidence {
		if e.Value == want {
			return true
		}
	}
	return false
}
