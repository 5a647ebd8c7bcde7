package model

import (
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// TestUnreadReasonsAndSteps: every account that could not be read gets a
// reason in Swedish (no server English such as "Service Unavailable"),
// the streak from the history, and a next step that fits the reason.
func TestUnreadReasonsAndSteps(t *testing.T) {
	acc := func(name string) scanner.Account {
		return scanner.Account{Administration: "Kulturförvaltningen", Name: name, URL: "https://social.example/@" + name}
	}
	failed := func(name string, e *scanner.FetchError) rules.Judged {
		return rules.Judged{Result: scanner.Result{Account: acc(name), Status: scanner.FetchFailed, Err: e}}
	}
	bad := acc("rad")
	bad.Problems = []scanner.RowProblem{{Column: "Länk", Message: "is not an http(s) URL", MessageSV: "är ingen http(s)-adress"}}
	judged := []rules.Judged{
		failed("a503", &scanner.FetchError{Kind: scanner.ErrHTTPStatus, StatusCode: 503, Detail: "Service Unavailable", URL: "https://social.example/api/v1/accounts/lookup?acct=a503"}),
		failed("b404", &scanner.FetchError{Kind: scanner.ErrNotFound, StatusCode: 404, Detail: "Record not found"}),
		failed("c418", &scanner.FetchError{Kind: scanner.ErrHTTPStatus, StatusCode: 418}),
		{Result: scanner.Result{Account: bad, Status: scanner.FetchFailed, Err: &scanner.FetchError{Kind: scanner.ErrInvalidInput}}},
		failed("d", &scanner.FetchError{Kind: scanner.ErrTimeout, Skipped: true}),
		failed("e", &scanner.FetchError{Kind: scanner.ErrBlocked}),
		failed("f", nil),
		failed("f2", &scanner.FetchError{Kind: scanner.ErrRateLimited}),
		{Result: scanner.Result{Account: acc("g"), Status: scanner.FetchNotReached}},
		{Result: scanner.Result{Account: acc("h"), Status: scanner.FetchOK}},
		{Result: scanner.Result{Account: acc("i"), Status: scanner.FetchUnsupported, Unsupported: scanner.NeedsMetaToken}},
	}
	h := &History{UnreadScans: map[string]int{"social.example/@a503": 3, "social.example/@g": 1}}
	r := Build(judged, nil, Meta{}, Inputs{History: h})
	type row struct {
		name, reason, step string
		streak             int
	}
	// The reasons of failed fetches are the rules' words (rules.FetchReason),
	// capitalised; the model adds the row's problems and the cases without
	// a fetch error.
	rulesReason := func(i int) string {
		sv := rules.FetchReason(judged[i].Result.Err).SV
		return strings.ToUpper(sv[:1]) + sv[1:]
	}
	want := []row{
		{"a503", rulesReason(0), "vid 3 granskningar i rad", 3},
		{"b404", rulesReason(1), "ta bort raden", 1},
		{"c418", rulesReason(2), "Öppna länken i en webbläsare", 1},
		{"d", rulesReason(4), "Öppna länken", 1},
		{"e", rulesReason(5), "för hand på plattformen", 1},
		{"f", "Kontot kunde inte läsas av okänd anledning", "Öppna länken", 1},
		{"f2", rulesReason(7), "Inget behöver göras nu", 1},
		{"g", "Granskningen avbröts innan kontot kontrollerades", "kontrolleras vid nästa granskning", 1},
		{"rad", rulesReason(3) + " (Länk: är ingen http(s)-adress)", "Rätta raden", 1},
	}
	for _, i := range []int{0, 1, 2} {
		if !strings.Contains(want[i].reason, "HTTP "+want[i].name[1:]) {
			t.Errorf("%s: reason %q does not name the HTTP status", want[i].name, want[i].reason)
		}
	}
	if !strings.Contains(want[3].reason, "samma server") {
		t.Errorf("skipped fetch: reason %q does not say the server failed before", want[3].reason)
	}
	if len(r.Unread) != len(want) || len(r.Administrations[0].Unread) != len(want) {
		t.Fatalf("%d unread (%d in the administration), want %d", len(r.Unread), len(r.Administrations[0].Unread), len(want))
	}
	english := []string{"Service", "Unavailable", "Record", "not found", "error", "the "}
	for i, w := range want {
		u := r.Unread[i]
		if got := u.Account.Result.Account.Name; got != w.name {
			t.Errorf("unread %d is %s, want %s (account order)", i, got, w.name)
			continue
		}
		if u.Reason.SV != w.reason {
			t.Errorf("%s: reason %q, want %q", w.name, u.Reason.SV, w.reason)
		}
		if !strings.Contains(u.NextStep.SV, w.step) {
			t.Errorf("%s: next step %q lacks %q", w.name, u.NextStep.SV, w.step)
		}
		if u.Streak != w.streak {
			t.Errorf("%s: streak %d, want %d", w.name, u.Streak, w.streak)
		}
		if u.Reason.EN == "" || u.NextStep.EN == "" || u.Reason.EN == u.Reason.SV {
			t.Errorf("%s: English texts %+v %+v", w.name, u.Reason, u.NextStep)
		}
		for _, e := range english {
			if strings.Contains(u.Reason.SV+" "+u.NextStep.SV, e) {
				t.Errorf("%s: Swedish text has English %q: %s / %s", w.name, e, u.Reason.SV, u.NextStep.SV)
			}
		}
		if r.Administrations[0].Unread[i] != u {
			t.Errorf("%s: the administration's entry differs from the report's", w.name)
		}
	}
	if !strings.Contains(r.Unread[1].Reason.EN, "HTTP 404") {
		t.Errorf("English reason %q", r.Unread[1].Reason.EN)
	}
	// The recommendation to check links leaves out what the next audit
	// reads by itself, and the accounts whose registry link is the
	// problem named by account-exists elsewhere.
	found := false
	for _, rec := range r.Administrations[0].Granskning.Recommendations {
		if !strings.HasPrefix(rec.Text.SV, "Kontrollera länkarna") {
			continue
		}
		found = true
		if rec.Severity != rules.SeverityHigh {
			t.Errorf("an account unread 3 scans in a row makes the recommendation %v, want high", rec.Severity)
		}
		if got := strings.Join(rec.Accounts, ","); got != "a503,b404,c418,d,e,f,rad" {
			t.Errorf("check-the-links recommendation names %s", got)
		}
	}
	if !found {
		t.Error("no recommendation to check the links of the unread accounts")
	}
	if Build(judged, nil, Meta{}, Inputs{}).Unread[0].Streak != 1 {
		t.Error("without a history the streak is not 1")
	}
}

// TestRuleTallies: per catalog rule, the accounts by verdict; a rule no
// account was judged on has a zero row, a finding of an unknown rule is
// left out.
func TestRuleTallies(t *testing.T) {
	catalog := []rules.Rule{{ID: "b"}, {ID: "a"}, {ID: "unused"}}
	j := func(st ...rules.Status) rules.Judged {
		out := rules.Judged{Result: scanner.Result{Account: scanner.Account{Administration: "A", URL: "https://x.example/" + string(st[0])}, Status: scanner.FetchOK}}
		for i, s := range st {
			out.Findings = append(out.Findings, rules.Finding{Rule: []string{"a", "b", "zzz"}[i], Status: s})
		}
		return out
	}
	r := Build([]rules.Judged{j(rules.Fail, rules.Pass, rules.Fail), j(rules.Fail, rules.Manual), j(rules.Waived, rules.Error)}, catalog, Meta{}, Inputs{})
	want := []RuleTally{
		{Rule: catalog[0], Pass: 1, Manual: 1, Error: 1},
		{Rule: catalog[1], Fail: 2, Waived: 1},
		{Rule: catalog[2]},
	}
	if len(r.RuleTallies) != len(want) {
		t.Fatalf("%d tallies, want %d", len(r.RuleTallies), len(want))
	}
	for i, w := range want {
		if got := r.RuleTallies[i]; got.Rule.ID != w.Rule.ID || got.Fail != w.Fail || got.Pass != w.Pass || got.Manual != w.Manual ||
			got.Error != w.Error || got.Waived != w.Waived {
			t.Errorf("tally %d = %+v, want %+v", i, got, w)
		}
	}
	if n := r.RuleTallies[1].Accounts(); n != 3 {
		t.Errorf("rule a judged on %d accounts, want 3", n)
	}
}

// TestReadFailureHasNoServerEnglish: the fetch error a Swedish report
// prints is the rules' Swedish, without the server's English detail or an
// unusable row's English problem; the English keeps the detail.
func TestReadFailureHasNoServerEnglish(t *testing.T) {
	e := &scanner.Result{Status: scanner.FetchFailed, Err: &scanner.FetchError{Kind: scanner.ErrHTTPStatus, StatusCode: 503, Detail: "Service Unavailable"}}
	if got := ReadFailure("sv", e); strings.Contains(got, "Service") || !strings.Contains(got, "HTTP 503") || got[:1] != strings.ToUpper(got[:1]) {
		t.Errorf("sv %q", got)
	}
	if got := ReadFailure("en", e); !strings.Contains(got, "Service Unavailable") {
		t.Errorf("en %q", got)
	}
	if ReadFailure("sv", nil) != "" || ReadFailure("sv", &scanner.Result{Status: scanner.FetchOK}) != "" {
		t.Error("a fetch without an error has a reason")
	}
	row := &scanner.Result{Status: scanner.FetchFailed, Err: &scanner.FetchError{Kind: scanner.ErrInvalidInput, Detail: "Länk: \"htps://x\" is not an http(s) URL"},
		Account: scanner.Account{Problems: []scanner.RowProblem{{Column: "Länk", Message: "\"htps://x\" is not an http(s) URL", MessageSV: "\"htps://x\" är ingen http(s)-adress"}}}}
	if got := ReadFailure("sv", row); !strings.Contains(got, "är ingen http(s)-adress") || strings.Contains(got, "is not") {
		t.Errorf("sv row %q", got)
	}
}
