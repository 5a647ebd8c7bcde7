package rules

import (
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestAccountExists(t *testing.T) {
	ok := fetched(textProfile("Kulturförvaltningen i Stockholms stad"))
	gone := scanner.Result{Account: account(), Status: scanner.FetchFailed,
		Err: &scanner.FetchError{Kind: scanner.ErrNotFound, StatusCode: 404, Detail: "Record not found", URL: "https://mastodon.example/api/v1/accounts/lookup?acct=x"}}
	down := scanner.Result{Account: account(), Status: scanner.FetchFailed,
		Err: &scanner.FetchError{Kind: scanner.ErrHTTPStatus, StatusCode: 503}}
	unsup := scanner.Result{Account: account(), Status: scanner.FetchUnsupported, Unsupported: scanner.NoPublicSurface}
	tests := []struct {
		name string
		res  scanner.Result
		want Status
		msg  string
	}{
		{"fetched", ok, Pass, "finns på plattformen"},
		{"deleted", gone, Fail, "Registret listar ett konto som inte finns"},
		{"server down is not a verdict on the account", down, Error, "kunde inte läsas"},
		{"platform not fetched", unsup, Manual, "inte är inloggade"},
	}
	r := ruleByID(t, DefaultConfig(), AccountExists)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := r.Check(Input{Result: &tt.res, AsOf: mustAsOf(t, auditDay)})
			if f.Status != tt.want || !strings.Contains(f.Message.SV, tt.msg) || f.Message.EN == "" {
				t.Errorf("%s %q, want %s with %q", f.Status, f.Message.SV, tt.want, tt.msg)
			}
			if f.PolicyRef != "2.1" {
				t.Errorf("policy ref %q", f.PolicyRef)
			}
		})
	}
	// The other fetched-data rules say error, not fail, for a deleted account.
	for _, other := range All(DefaultConfig()) {
		if other.NeedsFetch {
			if f := other.Check(Input{Result: &gone, AsOf: mustAsOf(t, auditDay)}); f.Status != Error {
				t.Errorf("%s on a deleted account: %s, want error", other.ID, f.Status)
			}
		}
	}
}
