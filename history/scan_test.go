package history

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

func TestFromJudged(t *testing.T) {
	t.Parallel()
	asOf := day(t, "2026-06-30")
	lastPost := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
	waiver := &rules.Waiver{Reason: "Kampanjkonto", ApprovedBy: "Kommunikationsenheten", Expires: day(t, "2027-06-30"), Source: "waivers.yaml:4"}
	account := scanner.Account{
		Source: "konton.xlsx", Row: 5, Administration: "Kulturförvaltningen", Name: "Kulturhuset",
		PlatformName: "Mastodon", Platform: scanner.Mastodon, URL: "https://WWW.Mastodon.example/@kulturhuset/",
		Purpose: "Evenemang", Goals: "Fler besökare", Audience: "Unga", Owner: "Anna", Website: "https://kulturhuset.stockholm",
	}
	judged := []rules.Judged{
		{
			Result:           scanner.Result{Account: account, Status: scanner.FetchOK},
			LastOwnPost:      lastPost,
			OwnPostsInWindow: 4,
			Findings: []rules.Finding{
				{Rule: "contact", Status: rules.Fail, Message: rules.Text{SV: "Kontaktuppgift saknas.", EN: "No contact details."},
					Evidence: []rules.Evidence{
						{Label: rules.Text{SV: "Beskrivning", EN: "Description"}, Value: "Välkommen!"},
						{Label: rules.Text{SV: "Länk", EN: "Link"}, Value: "profil", URL: "https://mastodon.example/@kulturhuset"},
					}},
				{Rule: "website-link", Status: rules.Waived, Message: rules.Text{SV: "Länk saknas.", EN: "No link."}, Waiver: waiver},
				{Rule: "description", Status: rules.Pass, Message: rules.Text{SV: "Beskrivning finns."}},
			},
		},
		{
			Result: scanner.Result{
				Account: scanner.Account{Row: 6, Administration: "Kulturförvaltningen", Name: "Trasig", PlatformName: "Webb",
					Platform: scanner.Web, URL: "https://trasig.example"},
				Status: scanner.FetchFailed,
				Err:    &scanner.FetchError{Kind: scanner.ErrHTTPStatus, StatusCode: 503, URL: "https://trasig.example"},
			},
			Findings: []rules.Finding{{Rule: "contact", Status: rules.Error, Message: rules.Text{SV: "Kunde inte läsas."}}},
		},
		{
			Result: scanner.Result{
				Account: scanner.Account{Row: 7, Administration: "Stadsledningskontoret", Name: "Facebook", PlatformName: "facebook",
					Platform: scanner.Facebook, URL: "https://facebook.com/stockholm"},
				Status: scanner.FetchUnsupported, Unsupported: scanner.NeedsMetaToken,
			},
		},
	}
	got := FromJudged(asOf, "konton.xlsx", "smaudit 1.2.3", "en", judged)
	want := Scan{
		AsOf: asOf, Registry: "konton.xlsx", Tool: "smaudit 1.2.3", Lang: "en",
		Accounts: []Account{
			{
				Key: "mastodon.example/@kulturhuset", Row: 5, Administration: "Kulturförvaltningen", Name: "Kulturhuset",
				PlatformName: "Mastodon", Platform: "mastodon", URL: "https://WWW.Mastodon.example/@kulturhuset/",
				Purpose: "Evenemang", Goals: "Fler besökare", Audience: "Unga", Owner: "Anna", Website: "https://kulturhuset.stockholm",
				FetchStatus: "ok", LastOwnPost: lastPost, OwnPosts: 4,
				Findings: []Finding{
					{Rule: "contact", Status: "fail", Judged: "fail", Message: "No contact details.",
						Evidence: "Description: Välkommen!\nLink: profil (https://mastodon.example/@kulturhuset)"},
					{Rule: "website-link", Status: "waived", Judged: "fail", Message: "No link.", Waiver: waiver},
					{Rule: "description", Status: "pass", Judged: "pass", Message: "Beskrivning finns."},
				},
			},
			{
				Key: "trasig.example", Row: 6, Administration: "Kulturförvaltningen", Name: "Trasig", PlatformName: "Webb",
				Platform: "web", URL: "https://trasig.example", FetchStatus: "error", FetchErrorKind: "http-status",
				FetchError: "HTTP 503 (https://trasig.example)",
				Findings:   []Finding{{Rule: "contact", Status: "error", Judged: "error", Message: "Kunde inte läsas."}},
			},
			{
				Key: "facebook.com/stockholm", Row: 7, Administration: "Stadsledningskontoret", Name: "Facebook", PlatformName: "facebook",
				Platform: "facebook", URL: "https://facebook.com/stockholm", FetchStatus: "unsupported", Unsupported: "needs-meta-token",
			},
		},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("FromJudged (-want +got):\n%s", d)
	}
	if got.Accounts[0].Findings[1].Waiver == waiver {
		t.Error("FromJudged shares the judged finding's waiver; it must copy it")
	}
}
