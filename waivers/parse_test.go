package waivers

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/stockholm-stad/smaudit/rules"
)

// day is midnight at the start of a date in Stockholm.
func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, rules.Stockholm)
}

func TestLoad(t *testing.T) {
	t.Parallel()
	path := filepath.Join("testdata", "waivers.yaml")
	got, err := Load(path)
	if err != nil {
		t.Fatalf("Load(%s): %v", path, err)
	}
	want := []Waiver{
		{
			Account:     "https://mastodon.demo.example/@sommarskolan",
			Rule:        "posting-frequency",
			Reason:      "Kontot används bara under sommarlovet.",
			ApprovedBy:  "Karin Lindqvist, kommunikationschef",
			Expires:     day(2027, time.June, 30),
			Line:        2,
			File:        path,
			AccountLine: 2,
			RuleLine:    3,
		},
		{
			Account:     "https://www.stockholm.demo.example/bibliotek/",
			Rule:        "inactive-account",
			Reason:      "Kontot pausas under ombyggnaden: 'Biblioteket öppnar igen i höst.'",
			ApprovedBy:  "Per Ek",
			Expires:     day(2026, time.December, 31),
			Line:        8,
			File:        path,
			AccountLine: 8,
			RuleLine:    9,
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Load(%s) mismatch (-want +got):\n%s", path, diff)
	}
	if src := got[1].Source(); src != path+":8" {
		t.Errorf("Source() = %q, want %q", src, path+":8")
	}
}

func TestLoadMissingFile(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "saknas.yaml")
	_, err := Load(path)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("Load(%s) = %v, want an error wrapping fs.ErrNotExist", path, err)
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name the file %s", err, path)
	}
}

func TestParseNoWaivers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
	}{
		{"empty", ""},
		{"only comments", "# Inga undantag just nu\n"},
		{"empty list", "[]\n"},
		{"null", "~\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse("waivers.yaml", strings.NewReader(tt.in))
			if err != nil || len(got) != 0 {
				t.Errorf("Parse(%q) = %v, %v; want no waivers and no error", tt.in, got, err)
			}
		})
	}
}

// valid is one complete waiver, for tests to alter a line of.
const valid = `- account: https://mastodon.demo.example/@sommarskolan
  rule: posting-frequency
  reason: Kontot används bara under sommarlovet.
  approved-by: Karin Lindqvist
  expires: 2027-06-30
`

func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want string
	}{
		{
			name: "expiry not a date",
			in:   strings.Replace(valid, "2027-06-30", "30/6", 1),
			want: `waivers.yaml:5: "expires" must be a date YYYY-MM-DD, not "30/6"`,
		},
		{
			name: "expiry not a calendar day",
			in:   strings.Replace(valid, "2027-06-30", "2027-02-30", 1),
			want: `waivers.yaml:5: "expires" must be a date YYYY-MM-DD, not "2027-02-30"`,
		},
		{
			name: "expiry with a time of day",
			in:   strings.Replace(valid, "2027-06-30", "2027-06-30T12:00:00Z", 1),
			want: `waivers.yaml:5: "expires" must be a date YYYY-MM-DD, not "2027-06-30T12:00:00Z"`,
		},
		{
			name: "missing field",
			in:   "# kommentar\n" + strings.Replace(valid, "  approved-by: Karin Lindqvist\n", "", 1),
			want: `waivers.yaml:2: waiver is missing "approved-by"`,
		},
		{
			name: "several missing fields",
			in:   "- account: https://mastodon.demo.example/@a\n  rule: posting-frequency\n",
			want: "waivers.yaml:1: waiver is missing \"reason\"\n" +
				"waivers.yaml:1: waiver is missing \"approved-by\"\n" +
				"waivers.yaml:1: waiver is missing \"expires\"",
		},
		{
			name: "empty value",
			in:   strings.Replace(valid, "Kontot används bara under sommarlovet.", "", 1),
			want: `waivers.yaml:3: "reason" is empty`,
		},
		{
			name: "unknown key",
			in:   strings.Replace(valid, "approved-by", "aproved-by", 1),
			want: "waivers.yaml:4: unknown key \"aproved-by\"; a waiver has the keys account, rule, reason, approved-by, expires\n" +
				`waivers.yaml:1: waiver is missing "approved-by"`,
		},
		{
			name: "long value shortened",
			in:   strings.Replace(valid, "2027-06-30", strings.Repeat("x", 70), 1),
			want: `waivers.yaml:5: "expires" must be a date YYYY-MM-DD, not "` + strings.Repeat("x", 60) + `…"`,
		},
		{
			name: "key given twice",
			in:   valid + "  rule: inactive-account\n",
			want: `waivers.yaml:6: "rule" is given twice (first on line 2)`,
		},
		{
			name: "value is a list",
			in:   strings.Replace(valid, "rule: posting-frequency", "rule: [posting-frequency]", 1),
			want: `waivers.yaml:2: "rule" must be text, not a list`,
		},
		{
			name: "not a list",
			in:   strings.TrimPrefix(strings.ReplaceAll(valid, "\n  ", "\n"), "- "),
			want: `waivers.yaml:1: want a list of waivers, each starting with "- account:", not keys and values`,
		},
		{
			name: "item not a mapping",
			in:   valid + "- https://mastodon.demo.example/@b\n",
			want: `waivers.yaml:6: a waiver must be keys and values (account, rule, reason, approved-by, expires), not the text "https://mastodon.demo.example/@b"`,
		},
		{
			name: "duplicate account and rule",
			in:   valid + "\n" + strings.Replace(valid, "https://mastodon.demo.example/@sommarskolan", "https://www.Mastodon.demo.example/@sommarskolan/", 1),
			want: `waivers.yaml:7: waiver for account "https://www.Mastodon.demo.example/@sommarskolan/" and rule "posting-frequency" repeats the waiver on line 1`,
		},
		{
			// yaml.v3 names the line the broken construct starts on: here
			// the waiver whose second line is indented with a tab.
			name: "syntax error",
			in:   valid + "- account: https://mastodon.demo.example/@b\n\t  rule: posting-frequency\n",
			want: `waivers.yaml:6: not valid YAML: found a tab character that violates indentation`,
		},
		{
			name: "second document",
			in:   valid + "---\n" + valid,
			want: `waivers.yaml:7: a waivers file holds one list; remove the second document that starts here`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse("waivers.yaml", strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("Parse = %v, nil; want error %q", got, tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("Parse error:\n got %q\nwant %q", err, tt.want)
			}
			if got != nil {
				t.Errorf("Parse returned waivers %v with an error", got)
			}
			var e *Error
			if !errors.As(err, &e) || e.File != "waivers.yaml" || e.Line == 0 {
				t.Errorf("Parse error %v does not hold an *Error with file and line", err)
			}
		})
	}
}

func TestParseExpiryWrapsCause(t *testing.T) {
	t.Parallel()
	_, err := Parse("w.yaml", strings.NewReader(strings.Replace(valid, "2027-06-30", "30/6", 1)))
	var perr *time.ParseError
	if !errors.As(err, &perr) {
		t.Errorf("Parse error %v does not wrap the *time.ParseError", err)
	}
}

func TestParseSyntaxErrorWithoutLine(t *testing.T) {
	t.Parallel()
	in := valid + "- account: *saknas\n"
	_, err := Parse("waivers.yaml", strings.NewReader(in))
	want := "waivers.yaml: not valid YAML: yaml: unknown anchor 'saknas' referenced"
	if err == nil || err.Error() != want {
		t.Errorf("Parse error = %v, want %q", err, want)
	}
}
