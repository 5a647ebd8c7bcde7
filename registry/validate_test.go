package registry

import (
	"testing"

	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestHTTPURLProblem(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
	}{
		{"https://start.stockholm/", ""},
		{"http://example.se/blogg?id=1", ""},
		{"HTTPS://Example.SE", ""},
		{"http://127.0.0.1:8080/x", ""},
		{"", "value is missing"},
		{"htps://x", `"htps://x" is not an http(s) URL`},
		{"ftp://x.se", `"ftp://x.se" is not an http(s) URL`},
		{"www.x.se", `"www.x.se" is not an http(s) URL (https:// is missing)`},
		{"x.se/blogg", `"x.se/blogg" is not an http(s) URL (https:// is missing)`},
		{"Instagram", `"Instagram" is not an http(s) URL`},
		{"https://", `"https://" is not an http(s) URL (it has no host)`},
		{"https:///path", `"https:///path" is not an http(s) URL (it has no host)`},
		{"https:x.se", `"https:x.se" is not an http(s) URL (it has no host)`},
		{"https://x.se/a b", `"https://x.se/a b" is not an http(s) URL (it contains white space)`},
		{"https://x y.se", `"https://x y.se" is not an http(s) URL (it contains white space)`},
		{"https://[::1", `"https://[::1" is not an http(s) URL`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := httpURLProblem(tt.in); got != tt.want {
				t.Errorf("httpURLProblem(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMastodonProblem(t *testing.T) {
	t.Parallel()
	const shape = " is not a Mastodon account address (expected https://HOST/@name, https://HOST/users/name or @name@host)"
	tests := []struct {
		in, want string
	}{
		{"@stockholmsstad@mastodon.social", ""},
		{"@stockholm_stad@social.example.se:8443", ""},
		{"https://mastodon.social/@stockholmsstad", ""},
		{"https://mastodon.social/@stockholmsstad/", ""},
		{"https://mastodon.social/users/stockholmsstad", ""},
		{"http://127.0.0.1:9000/@kultur", ""},
		{"@stockholmsstad", `"@stockholmsstad" is not a Mastodon handle (expected @name@host)`},
		{"@a b@host.se", `"@a b@host.se" is not a Mastodon handle (expected @name@host)`},
		{"@name@", `"@name@" is not a Mastodon handle (expected @name@host)`},
		{"@name@host/x", `"@name@host/x" is not a Mastodon handle (expected @name@host)`},
		{"@@host.se", `"@@host.se" is not a Mastodon handle (expected @name@host)`},
		{"https://mastodon.social/about", `"https://mastodon.social/about"` + shape},
		{"https://mastodon.social/", `"https://mastodon.social/"` + shape},
		{"https://mastodon.social/@name/123456", `"https://mastodon.social/@name/123456"` + shape},
		{"https://mastodon.social/@name@other.host", `"https://mastodon.social/@name@other.host"` + shape},
		{"mastodon.social/@name", `"mastodon.social/@name" is not an http(s) URL (https:// is missing)`},
		{"", "value is missing"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := mastodonProblem(tt.in); got != tt.want {
				t.Errorf("mastodonProblem(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPlatformOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want scanner.Platform
	}{
		{"mastodon", scanner.Mastodon},
		{" Mastodon ", scanner.Mastodon},
		{"Blogg", scanner.Web},
		{"blog", scanner.Web},
		{"WEBB", scanner.Web},
		{"website", scanner.Web},
		{"web", scanner.Web},
		{"Webbplats", scanner.Web},
		{"Instagram", scanner.Platform("instagram")},
		{"LinkedIn", scanner.Platform("linkedin")},
		{"", scanner.Platform("")},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := platformOf(tt.in); got != tt.want {
				t.Errorf("platformOf(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestProblemError(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		p    Problem
		want string
	}{
		{"full", Problem{File: "konton.xlsx", Row: 14, Column: "Länk", Message: `"htps://x" is not an http(s) URL`},
			`konton.xlsx: row 14, column "Länk": "htps://x" is not an http(s) URL`},
		{"no column", Problem{File: "konton.csv", Row: 3, Message: "m"}, "konton.csv: row 3: m"},
		{"no row", Problem{File: "konton.csv", Column: "Syfte", Message: "m"}, `konton.csv: column "Syfte": m`},
		{"file only", Problem{File: "konton.csv", Message: "m"}, "konton.csv: m"},
		{"no file", Problem{Row: 2, Column: "Konto", Message: "m"}, `row 2, column "Konto": m`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
}

// englishOnly compares row problems by their English wording; their
// Swedish is tested in TestRowProblemsInSwedish.
var englishOnly = cmpopts.IgnoreFields(scanner.RowProblem{}, "MessageSV")

func TestRowProblemsInSwedish(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   rowText
		want string
	}{
		{urlText(""), "värde saknas"},
		{urlText("www.x.se"), `"www.x.se" är ingen http(s)-adress (https:// saknas)`},
		{urlText("https://x y.se"), `"https://x y.se" är ingen http(s)-adress (den innehåller mellanslag)`},
		{urlText("https://"), `"https://" är ingen http(s)-adress (den saknar värdnamn)`},
		{mastodonText("@stockholmsstad"), `"@stockholmsstad" är inget Mastodon-namn (väntat: @namn@server)`},
		{mastodonText("https://mastodon.social/about"), `"https://mastodon.social/about" är ingen adress till ett Mastodon-konto (väntat: https://SERVER/@namn, https://SERVER/users/namn eller @namn@server)`},
		{urlText("https://x.se"), ""},
	}
	for _, tt := range tests {
		if tt.in.sv != tt.want {
			t.Errorf("Swedish %q, want %q", tt.in.sv, tt.want)
		}
		if (tt.in.en == "") != (tt.want == "") {
			t.Errorf("English %q does not agree with Swedish %q", tt.in.en, tt.in.sv)
		}
	}
}

func TestProblemIn(t *testing.T) {
	t.Parallel()
	p := Problem{File: "konton.csv", Row: 15, Column: "Länk", Message: `"htps://x" is not an http(s) URL`, MessageSV: `"htps://x" är ingen http(s)-adress`}
	if got, want := p.In("sv"), `konton.csv: rad 15, kolumn "Länk": "htps://x" är ingen http(s)-adress`; got != want {
		t.Errorf("In(sv) = %q, want %q", got, want)
	}
	if got := p.In("en"); got != p.Error() {
		t.Errorf("In(en) = %q, want Error()", got)
	}
	p.MessageSV = ""
	if got := p.In("sv"); got != p.Error() {
		t.Errorf("without Swedish wording In(sv) = %q, want Error()", got)
	}
}

// problemsInEnglish compares file problems by their English wording.
var problemsInEnglish = cmpopts.IgnoreFields(Problem{}, "MessageSV")
