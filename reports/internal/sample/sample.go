package sample

import (
	"time"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// sampleAsOf is the audit date of the sample report.
var sampleAsOf = time.Date(2026, 11, 20, 0, 0, 0, 0, time.FixedZone("CET", 3600))

// sampleCatalog is a small rule catalog in the shape rules.All gives.
func sampleCatalog() []rules.Rule {
	basic := rules.Section{Ref: "Basinformation",
		Title: rules.Text{SV: "Basinformation", EN: "Basic information"},
		Quote: rules.Text{SV: "vilken verksamhet som står bakom kontot och att verksamheten ingår i Stockholms stad", EN: "which operation runs the account and that it is part of the City of Stockholm"}}
	closing := rules.Section{Ref: "Avsluta ett konto",
		Title: rules.Text{SV: "Avsluta ett konto", EN: "Closing an account"},
		Quote: rules.Text{SV: "När ett konto inte längre används ska det avslutas.", EN: "When an account is no longer used, it shall be closed."}}
	return []rules.Rule{
		{ID: rules.CityAffiliation, Section: basic, NeedsFetch: true,
			Checks:     rules.Text{SV: "Profilen säger att kontot tillhör Stockholms stad och vilken förvaltning", EN: "The profile says it belongs to the City of Stockholm and which administration"},
			PassTitle:  rules.Text{SV: "Tydligt att kontot tillhör staden", EN: "Clearly the city's account"},
			FailTitle:  rules.Text{SV: "Otydligt vem som står bakom kontot", EN: "Unclear who runs the account"},
			Fix:        rules.Text{SV: "Skriv i profiltexten att kontot drivs av förvaltningen i Stockholms stad.", EN: "State in the profile that the administration of the City of Stockholm runs the account."},
			Thresholds: rules.Text{SV: "Fraser: Stockholms stad", EN: "Phrases: Stockholms stad"}},
		{ID: rules.InactiveAccount, Section: closing, NeedsFetch: true,
			Checks:     rules.Text{SV: "Senaste egna inlägg inom 90 dagar", EN: "Newest own post within 90 days"},
			PassTitle:  rules.Text{SV: "Kontot används", EN: "Account in use"},
			FailTitle:  rules.Text{SV: "Kontot verkar inte användas", EN: "Account seems unused"},
			Fix:        rules.Text{SV: "Publicera igen eller avsluta kontot enligt policyn.", EN: "Post again or close the account as the policy says."},
			Thresholds: rules.Text{SV: "90 dagar", EN: "90 days"}},
	}
}

func finding(rule string, s rules.Status, sv, en string, ev ...rules.Evidence) rules.Finding {
	ref := "Basinformation"
	if rule == rules.InactiveAccount {
		ref = "Avsluta ett konto"
	}
	return rules.Finding{Rule: rule, Status: s, Message: rules.Text{SV: sv, EN: en}, Evidence: ev, PolicyRef: ref}
}

// sampleJudged covers every status, an unreadable account, an unsupported
// platform, scraped text with emoji and formula-like values, and two
// administrations with Swedish letters in their names.
func sampleJudged() []rules.Judged {
	acc := func(adm, name, platform, url string, row int) scanner.Account {
		return scanner.Account{Source: "konton.csv", Row: row, Administration: adm, Name: name,
			PlatformName: platform, Platform: scanner.Platform(platform), URL: url, Owner: "Anna Andersson"}
	}
	last := time.Date(2026, 6, 2, 9, 30, 0, 0, time.UTC)
	return []rules.Judged{
		{Result: scanner.Result{Account: acc("Östermalms stadsdelsförvaltning", "Östermalm nyheter", "mastodon", "https://social.example/@ostermalm", 3), Status: scanner.FetchOK},
			LastOwnPost: last, OwnPostsInWindow: 1,
			Findings: []rules.Finding{
				finding(rules.CityAffiliation, rules.Fail, "Profilen nämner inte förvaltningen.", "The profile does not name the administration.",
					rules.Evidence{Label: rules.Text{SV: "Matchad text", EN: "Matched text"}, Value: "=HYPERLINK(\"x\") Vi är en del av Stockholms stad 🎉"}),
				finding(rules.InactiveAccount, rules.Fail, "Senaste egna inlägg 2026-06-02, 171 dagar sedan.", "Last own post 2026-06-02, 171 days ago.",
					rules.Evidence{Label: rules.Text{SV: "Senaste egna inlägg", EN: "Last own post"}, Value: "2026-06-02", URL: "https://social.example/@ostermalm/1"}),
			}},
		{Result: scanner.Result{Account: acc("Kulturförvaltningen", "Kulturhuset", "mastodon", "https://social.example/@kulturhuset", 2), Status: scanner.FetchOK},
			LastOwnPost: time.Date(2026, 11, 18, 9, 0, 0, 0, time.UTC), OwnPostsInWindow: 34,
			Findings: []rules.Finding{
				finding(rules.CityAffiliation, rules.Pass, "Profilen säger att kontot drivs av Kulturförvaltningen i Stockholms stad.", "The profile says Kulturförvaltningen of the City of Stockholm runs it.",
					rules.Evidence{Label: rules.Text{SV: "Matchad text", EN: "Matched text"}, Value: "Kulturförvaltningen i Stockholms stad – välkommen! 📚"}),
				finding(rules.InactiveAccount, rules.Pass, "Senaste egna inlägg 2026-11-18.", "Last own post 2026-11-18."),
			}},
		{Result: scanner.Result{Account: acc("Kulturförvaltningen", "Stadsbiblioteket", "mastodon", "https://social.example/@bibliotek", 4), Status: scanner.FetchFailed,
			Err: &scanner.FetchError{Kind: scanner.ErrHTTPStatus, StatusCode: 503, URL: "https://social.example/api/v1/accounts/lookup?acct=bibliotek"}},
			Findings: []rules.Finding{
				finding(rules.CityAffiliation, rules.Error, "Kontot kunde inte läsas: servern svarade 503.", "The account could not be read: the server answered 503."),
				finding(rules.InactiveAccount, rules.Error, "Kontot kunde inte läsas: servern svarade 503.", "The account could not be read: the server answered 503."),
			}},
		{Result: scanner.Result{Account: acc("Kulturförvaltningen", "Kulturförvaltningen på Facebook", "Facebook", "https://www.facebook.com/kulturforvaltningen", 5), Status: scanner.FetchUnsupported},
			Findings: []rules.Finding{
				finding(rules.CityAffiliation, rules.Manual, "Plattformen kontrolleras inte automatiskt; kontrollera profilen på plattformen.", "The platform is not checked automatically; check the profile on the platform."),
				finding(rules.InactiveAccount, rules.Manual, "Plattformen kontrolleras inte automatiskt; kontrollera profilen på plattformen.", "The platform is not checked automatically; check the profile on the platform."),
			}},
	}
}

func sampleReport(lang string) *model.Report { return sampleReportWith(lang, model.Inputs{}) }

// sampleReportInfo is the sender and answer address the samples show, as
// the config's report block gives them.
var sampleReportInfo = model.ReportInfo{Sender: "Stadsledningskontoret, kommunikationsenheten", ContactName: "Karin Lund",
	ContactEmail: "karin.lund@example.se", ReplyBy: time.Date(2026, 12, 20, 0, 0, 0, 0, rules.Stockholm), SendTo: "kommunikation@example.se"}

// sampleReportWith is the sample with inputs beside the judged accounts.
func sampleReportWith(lang string, in model.Inputs) *model.Report {
	return model.Build(sampleJudged(), sampleCatalog(), model.Meta{AsOf: sampleAsOf, GeneratedBy: "smaudit test", Lang: lang, Registry: "konton.csv",
		Report: sampleReportInfo, RowNotes: []model.RowNote{{Administration: "Östermalms stadsdelsförvaltning", Text: "konton.csv: rad 7, kolumn \"Länk\": \"htps://ostermalm.example\" är ingen http(s)-adress"}}}, in)
}
