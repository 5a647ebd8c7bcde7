package rules

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestNumbersAndPlurals(t *testing.T) {
	t.Parallel()
	tests := []struct {
		got    Text
		sv, en string
	}{
		{decimal(2.56, 1), "2,6", "2.6"},
		{decimal(2, -1), "2", "2"},
		{decimal(2.5, -1), "2,5", "2.5"},
		{days(1), "1 dag", "1 day"},
		{days(0), "0 dagar", "0 days"},
		{days(91), "91 dagar", "91 days"},
		{count(1, ownPostNoun[0], ownPostNoun[1]), "1 eget inlägg", "1 own post"},
		{count(1234, ownPostNoun[0], ownPostNoun[1]), "1 234 egna inlägg", "1234 own posts"},
		{count(1234567, dayNoun[0], dayNoun[1]), "1 234 567 dagar", "1234567 days"},
		{count(-1500, dayNoun[0], dayNoun[1]), "-1 500 dagar", "-1500 days"},
	}
	for _, tt := range tests {
		if tt.got.SV != tt.sv || tt.got.EN != tt.en {
			t.Errorf("got %+v, want %q / %q", tt.got, tt.sv, tt.en)
		}
	}
}

func TestHTTPStatus(t *testing.T) {
	t.Parallel()
	tests := []struct {
		code   int
		sv, en string
	}{
		{503, "HTTP 503, tjänsten är inte tillgänglig", "HTTP 503 Service Unavailable"},
		{404, "HTTP 404, hittades inte", "HTTP 404 Not Found"},
		{599, "HTTP 599, serverfel", "HTTP 599"},
		{499, "HTTP 499, begäran avvisades", "HTTP 499"},
	}
	for _, tt := range tests {
		if got := HTTPStatus(tt.code); got.SV != tt.sv || got.EN != tt.en {
			t.Errorf("HTTPStatus(%d) = %+v, want %q / %q", tt.code, got, tt.sv, tt.en)
		}
	}
}

func TestValueIn(t *testing.T) {
	t.Parallel()
	e := Evidence{Value: "2.6", ValueText: Text{SV: "2,6", EN: "2.6"}}
	if e.ValueIn("sv") != "2,6" || e.ValueIn("en") != "2.6" {
		t.Errorf("ValueIn: %q / %q", e.ValueIn("sv"), e.ValueIn("en"))
	}
	if plain := (Evidence{Value: "34"}); plain.ValueIn("sv") != "34" {
		t.Errorf("a value without ValueText reads %q", plain.ValueIn("sv"))
	}
}

// TestProfilePage links the page a person opens, never an API endpoint,
// and keeps the endpoint as Source.
func TestProfilePage(t *testing.T) {
	t.Parallel()
	api := "https://mastodon.demo.example/api/v1/accounts/lookup?acct=svoa"
	tests := []struct {
		name              string
		res               scanner.Result
		wantPage, wantSrc string
	}{
		{"the adapter's page", scanner.Result{Account: scanner.Account{URL: "@svoa@mastodon.demo.example"}, Fetched: scanner.Fetched{Page: "https://mastodon.demo.example/@svoa", Sources: []string{api}}}, "https://mastodon.demo.example/@svoa", api},
		{"the registry link when the adapter knows none", scanner.Result{Account: scanner.Account{URL: "https://mastodon.demo.example/@svoa"}, Fetched: scanner.Fetched{Sources: []string{api}}}, "https://mastodon.demo.example/@svoa", api},
		{"the source when nothing else is known", scanner.Result{Account: scanner.Account{URL: "@svoa@mastodon.demo.example"}, Fetched: scanner.Fetched{Sources: []string{api}}}, api, ""},
		{"a page that is its own source", scanner.Result{Fetched: scanner.Fetched{Page: "https://blogg.example/", Sources: []string{"https://blogg.example/"}}}, "https://blogg.example/", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, src := profilePage(&tt.res)
			if page != tt.wantPage || src != tt.wantSrc {
				t.Errorf("profilePage = %q, %q; want %q, %q", page, src, tt.wantPage, tt.wantSrc)
			}
		})
	}
}

// TestReadFailureWordsTheRowInSwedish: an unusable registry row is
// explained by its own problems in the reader's language, never the
// English message meant for logs.
func TestReadFailureWordsTheRowInSwedish(t *testing.T) {
	t.Parallel()
	res := scanner.Result{
		Account: scanner.Account{Problems: []scanner.RowProblem{{Column: "Länk", Message: `"htps://x" is not an http(s) URL`, MessageSV: `"htps://x" är ingen http(s)-adress`}}},
		Status:  scanner.FetchFailed,
		Err:     &scanner.FetchError{Kind: scanner.ErrInvalidInput, Detail: `Länk: "htps://x" is not an http(s) URL`},
	}
	got := ReadFailure(&res)
	if got.SV != `raden i registret går inte att använda (Länk: "htps://x" är ingen http(s)-adress)` {
		t.Errorf("Swedish: %q", got.SV)
	}
	if !strings.Contains(got.EN, "is not an http(s) URL") {
		t.Errorf("English: %q", got.EN)
	}
	if got := ReadFailure(&scanner.Result{}); got.SV != "okänt fel" {
		t.Errorf("no error: %q", got.SV)
	}
}

// TestEveryErrorKindHasSwedish reads the scanner's ErrorKind constants
// from its source, so a kind added there without words here fails.
func TestEveryErrorKindHasSwedish(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(filepath.Join("..", "scanner", "fetcherror.go"))
	if err != nil {
		t.Fatal(err)
	}
	kinds := regexp.MustCompile(`(?m)^\s+Err\w+\s+ErrorKind = "([^"]+)"`).FindAllStringSubmatch(string(src), -1)
	if len(kinds) < 10 {
		t.Fatalf("found %d error kinds in scanner/fetcherror.go", len(kinds))
	}
	for _, k := range kinds {
		kind := scanner.ErrorKind(k[1])
		txt, ok := errorKindText[kind]
		if !ok || txt.SV == "" || txt.EN == "" || txt.SV == txt.EN {
			t.Errorf("error kind %q has no Swedish and English words: %+v", kind, txt)
		}
		if r := FetchReason(&scanner.FetchError{Kind: kind, Detail: "some English detail"}); strings.Contains(r.SV, "English") {
			t.Errorf("%s: Swedish reason %q carries the detail", kind, r.SV)
		}
	}
}
