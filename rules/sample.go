package rules

import (
	"strconv"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// Sample is one account a rule must judge a known way, carried on the rule
// itself as gitleaks' rules carry their true and false positives: reading
// a rule shows what it passes and what it fails, and TestRuleSamples
// refuses a rule of the catalogue without at least one passing and one
// failing sample. Samples follow the demo's accounts (demo/data): the
// profiles are what the Mastodon adapter reads from its recordings, which
// TestSamplesAreTheDemosAccounts holds them to.
type Sample struct {
	Name   string         // what the sample shows, e.g. "Sommarskolan: no contact details"
	Result scanner.Result // the scanned account
	Want   Status         // the verdict the rule owes it with DefaultConfig on SampleAsOf
	// AsOf, when set, is the audit date instead of SampleAsOf: a holiday
	// sample is judged as of the demo's August scan (SummerAsOf).
	AsOf time.Time
}

// SummerAsOf is the demo's earlier audit date, whose posting window
// (2026-05-23 – 2026-08-21) holds the summer holiday.
var SummerAsOf = time.Date(2026, 8, 21, 0, 0, 0, 0, Stockholm)

// SampleAsOf is the audit date every sample is judged on: the demo's.
var SampleAsOf = time.Date(2026, 11, 20, 0, 0, 0, 0, Stockholm)

// demoAccount is the demo registry's row 2, Kulturförvaltningen on
// Mastodon, complete in every column.
func demoAccount() scanner.Account {
	return scanner.Account{
		Source:         "registry.csv",
		Row:            2,
		Administration: "Kulturförvaltningen",
		Name:           "Kulturförvaltningen",
		PlatformName:   "Mastodon",
		Platform:       scanner.Mastodon,
		URL:            "https://mastodon.demo.example/@kulturforvaltningen",
		Purpose:        "Informera om stadens kulturutbud och kulturstöd",
		Goals:          "20 000 visningar per månad, svar inom en arbetsdag",
		Audience:       "Kulturintresserade stockholmare, föreningar",
		Owner:          "Karin Lindqvist, kommunikatör",
		Website:        "https://kultur.stockholm.se",
	}
}

// demoProfile is Kulturförvaltningen's Mastodon profile as the adapter
// reads hosts/mastodon.demo.example/accounts/kulturforvaltningen.json: it
// meets every basic-information rule.
func demoProfile() scanner.Profile {
	note := "Kulturförvaltningen i Stockholms stad. Här berättar vi om stadens bibliotek, Kulturhuset, kulturskolan, konsthallar och evenemang – och om hur du kan söka stöd för kultur i Stockholm.\n\nInlägg och kommentarer till kontot kan bli allmän handling. Läs våra villkor: https://kultur.stockholm.se/villkor-sociala-medier\n\nKontakt: kultur@stockholm.se #kultur #stockholm"
	return scanner.Profile{
		DisplayName: "Kulturförvaltningen Stockholm",
		Description: note,
		Text:        scanner.JoinText("Kulturförvaltningen Stockholm", note, "Webbplats: https://kultur.stockholm.se", "E-post: kultur@stockholm.se", "Växel: 08-508 290 00"),
		Links: []scanner.Link{
			{URL: "https://kultur.stockholm.se/villkor-sociala-medier", Text: "https://kultur.stockholm.se/villkor-sociala-medier"},
			{URL: "https://mastodon.demo.example/tags/kultur", Text: "#kultur"},
			{URL: "https://mastodon.demo.example/tags/stockholm", Text: "#stockholm"},
			{URL: "https://kultur.stockholm.se", Text: "Webbplats"},
		},
		Fields: []scanner.Field{
			{Name: "Webbplats", Value: "https://kultur.stockholm.se", VerifiedAt: time.Date(2025, 2, 11, 8, 31, 44, 512e6, time.UTC)},
			{Name: "E-post", Value: "kultur@stockholm.se"},
			{Name: "Växel", Value: "08-508 290 00"},
		},
	}
}

// demoFetched is Kulturförvaltningen's account read in full: its profile
// and the given posts, with every post of its history seen.
func demoFetched(p scanner.Profile, posts ...scanner.Post) scanner.Result {
	return scanner.Result{
		Account: demoAccount(),
		Status:  scanner.FetchOK,
		Fetched: scanner.Fetched{
			Profile: p,
			Posts:   posts,
			Sources: []string{"https://mastodon.demo.example/api/v1/accounts/109313116078104456"},
		},
	}
}

// sommarskolan is the demo's row 10, Sommarskolan Stockholm: its note
// names the city but not Utbildningsförvaltningen, and it has no links,
// fields, terms or contact details.
func sommarskolan() scanner.Result {
	note := "Sommarskolan i Stockholms stad ☀️ Tips om lovkurser, läxhjälp och sommarläsning för elever i årskurs sex till nio."
	return scanner.Result{
		Account: scanner.Account{
			Source:         "registry.csv",
			Row:            10,
			Administration: "Utbildningsförvaltningen",
			Name:           "Sommarskolan Stockholm",
			PlatformName:   "Mastodon",
			Platform:       scanner.Mastodon,
			URL:            "https://mastodon.demo.example/@sommarskolan",
			Goals:          "Fler anmälda till sommarskolan",
			Audience:       "Elever i årskurs 6–9, vårdnadshavare",
			Website:        "https://start.stockholm",
		},
		Status: scanner.FetchOK,
		Fetched: scanner.Fetched{
			Profile: scanner.Profile{DisplayName: "Sommarskolan Stockholm", Description: note, Text: scanner.JoinText("Sommarskolan Stockholm", note)},
			Sources: []string{"https://mastodon.demo.example/api/v1/accounts/109876543210987654"},
		},
	}
}

// ownPosts returns n own posts of Kulturförvaltningen, the newest at
// newest and one every step before it, newest first as adapters list them.
func ownPosts(n int, newest time.Time, step time.Duration) []scanner.Post {
	posts := make([]scanner.Post, n)
	for i := range posts {
		id := 113500000000000000 + int64(n-i)
		posts[i] = scanner.Post{
			ID:        strconv.FormatInt(id, 10),
			URL:       "https://mastodon.demo.example/@kulturforvaltningen/" + strconv.FormatInt(id, 10),
			Published: newest.Add(-time.Duration(i) * step),
		}
	}
	return posts
}
