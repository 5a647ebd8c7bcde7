package rules

import (
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestCheckFetchFailed(t *testing.T) {
	res := fetched(textProfile("Kontot drivs av Kulturförvaltningen i Stockholms stad."))
	res.Status = scanner.FetchFailed
	res.Err = &scanner.FetchError{Kind: scanner.ErrHTTPStatus, URL: res.Account.URL, StatusCode: 503, Detail: "Service Unavailable"}
	asOf := mustAsOf(t, auditDay)
	for _, r := range All(DefaultConfig()) {
		t.Run(r.ID, func(t *testing.T) {
			f := r.Check(Input{Result: &res, AsOf: asOf})
			if f.Rule != r.ID || f.PolicyRef != r.Section.Ref {
				t.Errorf("finding names rule %q, section %q; want %q, %q", f.Rule, f.PolicyRef, r.ID, r.Section.Ref)
			}
			if r.ID == AccountExists {
				return // judges the fetch itself; see TestAccountExists
			}
			if !r.NeedsFetch {
				if f.Status != Pass {
					t.Errorf("registry rule: status %s, want it judged (pass)", f.Status)
				}
				return
			}
			if f.Status != Error {
				t.Fatalf("status %s, want error", f.Status)
			}
			for _, want := range []string{"kunde inte läsas", "servern svarade med ett felmeddelande", "HTTP 503, tjänsten är inte tillgänglig"} {
				if !strings.Contains(f.Message.SV, want) {
					t.Errorf("message %q lacks %q", f.Message.SV, want)
				}
			}
			if strings.Contains(f.Message.SV, "Unavailable") {
				t.Errorf("Swedish message %q carries the server's English", f.Message.SV)
			}
			if !strings.Contains(f.Message.EN, "could not be read") || !strings.Contains(f.Message.EN, "HTTP 503 Service Unavailable") {
				t.Errorf("English message %q", f.Message.EN)
			}
			if len(f.Evidence) == 0 || f.Evidence[0].URL != res.Account.URL || f.Evidence[0].ValueIn("sv") != "HTTP 503, tjänsten är inte tillgänglig" {
				t.Errorf("evidence %+v should link the account and say the status in Swedish", f.Evidence)
			}
		})
	}
}

func TestCheckFetchFailedKinds(t *testing.T) {
	tests := []struct {
		err          *scanner.FetchError
		want, wantEN string
	}{
		{&scanner.FetchError{Kind: scanner.ErrTimeout}, "svarade inte i tid", "did not answer in time"},
		{&scanner.FetchError{Kind: scanner.ErrNotFound, StatusCode: 404, Detail: "Record not found"}, "kontot finns inte på plattformen (HTTP 404)", "(HTTP 404 Not Found: Record not found)"},
		{&scanner.FetchError{Kind: scanner.ErrHTTPStatus, StatusCode: 418}, "(HTTP 418, begäran avvisades)", "HTTP 418 I'm a teapot"},
		{&scanner.FetchError{Kind: scanner.ErrRobots, Detail: "Disallow: /"}, "robots.txt förbjuder hämtning", "robots.txt forbids fetching (Disallow: /)"},
		{&scanner.FetchError{Kind: "something-new"}, "okänt fel", "something-new"},
		{&scanner.FetchError{Kind: scanner.ErrTimeout, Skipped: true}, "svarade inte tidigare i granskningen", "did not answer earlier"},
		{nil, "okänt fel", "unknown error"},
	}
	r := ruleByID(t, DefaultConfig(), PostingFrequency)
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			res := fetched(scanner.Profile{})
			res.Status, res.Err = scanner.FetchFailed, tt.err
			f := r.Check(Input{Result: &res, AsOf: mustAsOf(t, auditDay)})
			if f.Status != Error || !strings.Contains(f.Message.SV, tt.want) || !strings.Contains(f.Message.EN, tt.wantEN) {
				t.Errorf("got %s %+v, want error naming %q / %q", f.Status, f.Message, tt.want, tt.wantEN)
			}
		})
	}
}

func TestCheckUnsupported(t *testing.T) {
	res := scanner.Result{Account: account(), Status: scanner.FetchUnsupported}
	res.Account.PlatformName, res.Account.Platform, res.Account.URL = "Instagram", "instagram", "https://www.instagram.com/stadsbiblioteket"
	res.Account.Owner = ""
	for _, r := range All(DefaultConfig()) {
		t.Run(r.ID, func(t *testing.T) {
			f := r.Check(Input{Result: &res, AsOf: mustAsOf(t, auditDay)})
			if f.Rule != r.ID || f.PolicyRef != r.Section.Ref {
				t.Errorf("finding names rule %q, section %q", f.Rule, f.PolicyRef)
			}
			if !r.NeedsFetch && r.ID != AccountExists {
				if f.Status != Fail || !strings.Contains(f.Message.SV, "Ansvarig") {
					t.Errorf("registry rule: %s %q, want fail naming Ansvarig", f.Status, f.Message.SV)
				}
				return
			}
			if f.Status != Manual {
				t.Fatalf("status %s, want manual", f.Status)
			}
			if !strings.Contains(f.Message.SV, "Plattformen Instagram kontrolleras inte automatiskt") || !strings.Contains(f.Message.SV, "direkt på plattformen") {
				t.Errorf("message %q", f.Message.SV)
			}
			if !strings.Contains(f.Message.EN, "not checked automatically") {
				t.Errorf("English message %q", f.Message.EN)
			}
			if !hasEvidence(f, res.Account.URL) {
				t.Errorf("evidence %+v should link the account", f.Evidence)
			}
		})
	}
}

func TestCheckWithoutResult(t *testing.T) {
	for _, r := range All(DefaultConfig()) {
		t.Run(r.ID, func(t *testing.T) {
			if f := r.Check(Input{AsOf: mustAsOf(t, auditDay)}); f.Status != Error || f.Rule != r.ID {
				t.Errorf("got %+v, want an error finding for %s", f, r.ID)
			}
		})
	}
}

func TestCheckUnsupportedReasons(t *testing.T) {
	tests := []struct {
		reason scanner.UnsupportedReason
		want   string
	}{
		{scanner.NeedsMetaToken, "Meta-token"},
		{scanner.NeedsXToken, "token för X API"},
		{scanner.NoPublicSurface, "inte är inloggade"},
		{scanner.NoAdapter, "kontrolleras inte automatiskt"},
	}
	r := ruleByID(t, DefaultConfig(), CityAffiliation)
	for _, tt := range tests {
		t.Run(string(tt.reason), func(t *testing.T) {
			res := scanner.Result{Account: account(), Status: scanner.FetchUnsupported, Unsupported: tt.reason}
			f := r.Check(Input{Result: &res, AsOf: mustAsOf(t, auditDay)})
			if f.Status != Manual || !strings.Contains(f.Message.SV, tt.want) {
				t.Errorf("%s %q, want manual naming %q", f.Status, f.Message.SV, tt.want)
			}
		})
	}
}

func TestCheckBadRowSpeaksTheReadersLanguage(t *testing.T) {
	res := scanner.Result{Account: account(), Status: scanner.FetchFailed,
		Err: &scanner.FetchError{Kind: scanner.ErrInvalidInput, Detail: `Länk: "htps://x" is not an http(s) URL`}}
	res.Account.Problems = []scanner.RowProblem{{Column: "Länk", Message: `"htps://x" is not an http(s) URL`, MessageSV: `"htps://x" är ingen http(s)-adress`}}
	f := ruleByID(t, DefaultConfig(), CityAffiliation).Check(Input{Result: &res, AsOf: mustAsOf(t, auditDay)})
	if !strings.Contains(f.Message.SV, `Länk: "htps://x" är ingen http(s)-adress`) || !strings.Contains(f.Message.EN, `Länk: "htps://x" is not an http(s) URL`) {
		t.Errorf("messages %q / %q", f.Message.SV, f.Message.EN)
	}
}
