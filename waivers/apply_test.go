package waivers

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// judgedAccount is one account with a finding per rule and status given.
func judgedAccount(url string, statuses map[string]rules.Status) rules.Judged {
	j := rules.Judged{Result: scanner.Result{Account: scanner.Account{URL: url}}}
	for _, id := range []string{"posting-frequency", "contact-details", "inactive-account", "registry-complete"} {
		if s, ok := statuses[id]; ok {
			j.Findings = append(j.Findings, rules.Finding{Rule: id, Status: s})
		}
	}
	return j
}

func TestApply(t *testing.T) {
	t.Parallel()
	expires := day(2027, time.June, 30)
	ws := []Waiver{
		{Account: "https://mastodon.demo.example/@sommarskolan", Rule: "posting-frequency",
			Reason: "Bara på sommaren.", ApprovedBy: "Karin Lindqvist", Expires: expires, File: "waivers.yaml", Line: 2},
		{Account: "https://mastodon.demo.example/@sommarskolan", Rule: "contact-details",
			Reason: "Kontakt via webben.", ApprovedBy: "Karin Lindqvist", Expires: expires, File: "waivers.yaml", Line: 8},
		{Account: "https://mastodon.demo.example/@sommarskolan", Rule: "inactive-account",
			Reason: "Pausat.", ApprovedBy: "Per Ek", Expires: expires, File: "waivers.yaml", Line: 14},
		{Account: "https://mastodon.demo.example/@sommarskolan", Rule: "registry-complete",
			Reason: "Fylls i.", ApprovedBy: "Per Ek", Expires: expires, File: "waivers.yaml", Line: 20},
	}
	waiver := func(i int, expired bool) *rules.Waiver {
		return &rules.Waiver{Reason: ws[i].Reason, ApprovedBy: ws[i].ApprovedBy, Expires: expires,
			Expired: expired, Source: ws[i].Source()}
	}
	statuses := map[string]rules.Status{
		"posting-frequency": rules.Fail,
		"contact-details":   rules.Pass,
		"inactive-account":  rules.Error,
		"registry-complete": rules.Manual,
	}
	tests := []struct {
		name string
		url  string
		asOf time.Time
		want []rules.Finding
	}{
		{
			name: "before expiry fail is waived, others annotated",
			url:  "https://mastodon.demo.example/@sommarskolan",
			asOf: day(2027, time.March, 31),
			want: []rules.Finding{
				{Rule: "posting-frequency", Status: rules.Waived, Waiver: waiver(0, false)},
				{Rule: "contact-details", Status: rules.Pass, Waiver: waiver(1, false)},
				{Rule: "inactive-account", Status: rules.Error, Waiver: waiver(2, false)},
				{Rule: "registry-complete", Status: rules.Manual, Waiver: waiver(3, false)},
			},
		},
		{
			name: "on the expiry day still waived",
			url:  "https://mastodon.demo.example/@sommarskolan",
			asOf: expires,
			want: []rules.Finding{
				{Rule: "posting-frequency", Status: rules.Waived, Waiver: waiver(0, false)},
				{Rule: "contact-details", Status: rules.Pass, Waiver: waiver(1, false)},
				{Rule: "inactive-account", Status: rules.Error, Waiver: waiver(2, false)},
				{Rule: "registry-complete", Status: rules.Manual, Waiver: waiver(3, false)},
			},
		},
		{
			name: "late on the expiry day still waived",
			url:  "https://mastodon.demo.example/@sommarskolan",
			asOf: expires.Add(23*time.Hour + 59*time.Minute),
			want: []rules.Finding{
				{Rule: "posting-frequency", Status: rules.Waived, Waiver: waiver(0, false)},
				{Rule: "contact-details", Status: rules.Pass, Waiver: waiver(1, false)},
				{Rule: "inactive-account", Status: rules.Error, Waiver: waiver(2, false)},
				{Rule: "registry-complete", Status: rules.Manual, Waiver: waiver(3, false)},
			},
		},
		{
			name: "the day after expiry the fail stands, waiver marked expired",
			url:  "https://mastodon.demo.example/@sommarskolan",
			asOf: day(2027, time.July, 1),
			want: []rules.Finding{
				{Rule: "posting-frequency", Status: rules.Fail, Waiver: waiver(0, true)},
				{Rule: "contact-details", Status: rules.Pass, Waiver: waiver(1, true)},
				{Rule: "inactive-account", Status: rules.Error, Waiver: waiver(2, true)},
				{Rule: "registry-complete", Status: rules.Manual, Waiver: waiver(3, true)},
			},
		},
		{
			name: "link spelt with www and a trailing slash still matches",
			url:  "https://www.Mastodon.demo.example/@sommarskolan/",
			asOf: day(2027, time.March, 31),
			want: []rules.Finding{
				{Rule: "posting-frequency", Status: rules.Waived, Waiver: waiver(0, false)},
				{Rule: "contact-details", Status: rules.Pass, Waiver: waiver(1, false)},
				{Rule: "inactive-account", Status: rules.Error, Waiver: waiver(2, false)},
				{Rule: "registry-complete", Status: rules.Manual, Waiver: waiver(3, false)},
			},
		},
		{
			name: "another account is untouched",
			url:  "https://mastodon.demo.example/@vinterskolan",
			asOf: day(2027, time.March, 31),
			want: []rules.Finding{
				{Rule: "posting-frequency", Status: rules.Fail},
				{Rule: "contact-details", Status: rules.Pass},
				{Rule: "inactive-account", Status: rules.Error},
				{Rule: "registry-complete", Status: rules.Manual},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			judged := []rules.Judged{judgedAccount(tt.url, statuses)}
			Apply(judged, ws, tt.asOf)
			if diff := cmp.Diff(tt.want, judged[0].Findings); diff != "" {
				t.Errorf("findings after Apply mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestApplyOnlyNamedRule(t *testing.T) {
	t.Parallel()
	ws := []Waiver{{Account: "https://mastodon.demo.example/@a", Rule: "posting-frequency",
		Reason: "Skäl", ApprovedBy: "Karin", Expires: day(2027, time.June, 30), File: "w.yaml", Line: 1}}
	judged := []rules.Judged{
		judgedAccount("https://mastodon.demo.example/@a", map[string]rules.Status{
			"posting-frequency": rules.Fail, "contact-details": rules.Fail}),
		judgedAccount("https://mastodon.demo.example/@a", map[string]rules.Status{
			"posting-frequency": rules.Fail}),
	}
	Apply(judged, ws, day(2027, time.January, 1))
	want := []rules.Status{rules.Waived, rules.Fail, rules.Waived}
	var got []rules.Status
	for _, j := range judged {
		for _, f := range j.Findings {
			got = append(got, f.Status)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("statuses after Apply mismatch (-want +got):\n%s", diff)
	}
	if judged[0].Findings[1].Waiver != nil {
		t.Errorf("contact-details got waiver %+v; the waiver names posting-frequency only", judged[0].Findings[1].Waiver)
	}
	if judged[0].Findings[0].Waiver == judged[1].Findings[0].Waiver {
		t.Error("two findings share one *rules.Waiver; each must have its own")
	}
}
