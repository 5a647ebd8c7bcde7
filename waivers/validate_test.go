package waivers

import (
	"errors"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// ruleIDs are the real rules' IDs, so the tests break if a waived rule is
// renamed.
func ruleIDs() []string {
	var ids []string
	for _, r := range rules.All(rules.DefaultConfig()) {
		ids = append(ids, r.ID)
	}
	return ids
}

func TestValidate(t *testing.T) {
	t.Parallel()
	registry := []scanner.Account{
		{Source: "konton.csv", Row: 2, URL: "https://mastodon.demo.example/@sommarskolan"},
		{Source: "konton.csv", Row: 3, URL: "https://www.stockholm.demo.example/bibliotek"},
	}
	ids := ruleIDs()
	waiver := func(line int, account, rule string) Waiver {
		return Waiver{File: "waivers.yaml", Line: line, Account: account, Rule: rule,
			Reason: "Skäl", ApprovedBy: "Karin", Expires: day(2027, 6, 30)}
	}
	tests := []struct {
		name string
		ws   []Waiver
		want []string // lines of the error, in order; none when valid
	}{
		{
			name: "valid",
			ws: []Waiver{
				waiver(1, "https://mastodon.demo.example/@sommarskolan", "posting-frequency"),
				waiver(7, "http://stockholm.demo.example/bibliotek/", "inactive-account"),
			},
		},
		{
			name: "no waivers",
		},
		{
			name: "unknown rule",
			ws:   []Waiver{waiver(12, "https://mastodon.demo.example/@sommarskolan", "posting-freq")},
			want: []string{`waivers.yaml:12: rule "posting-freq" is not a rule; rules are: ` + strings.Join(ids, ", ")},
		},
		{
			name: "account not in registry",
			ws:   []Waiver{waiver(3, "https://mastodon.demo.example/@vinterskolan", "posting-frequency")},
			want: []string{`waivers.yaml:3: account "https://mastodon.demo.example/@vinterskolan" is not in the registry`},
		},
		{
			name: "every problem reported",
			ws: []Waiver{
				waiver(1, "https://mastodon.demo.example/@sommarskolan", "posting-frequency"),
				waiver(7, "https://mastodon.demo.example/@okand", "kontakt"),
				waiver(13, "https://stockholm.demo.example/bibliotek", "Contact-Details"),
			},
			want: []string{
				`waivers.yaml:7: rule "kontakt" is not a rule; rules are: ` + strings.Join(ids, ", "),
				`waivers.yaml:7: account "https://mastodon.demo.example/@okand" is not in the registry`,
				`waivers.yaml:13: rule "Contact-Details" is not a rule; rules are: ` + strings.Join(ids, ", "),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Validate(tt.ws, ids, registry)
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("Validate: %v, want no error", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Validate = nil, want %q", tt.want)
			}
			if got := strings.Split(err.Error(), "\n"); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Validate error:\n got %q\nwant %q", got, tt.want)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("Validate error %v holds no *Error", err)
			}
		})
	}
}
