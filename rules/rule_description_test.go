package rules

import (
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestContentDescription(t *testing.T) {
	desc := func(s string) scanner.Result { return fetched(scanner.Profile{Description: s, Text: s}) }
	runSamples(t, ContentDescription, []sample{
		{
			name:  "a real description",
			res:   desc("Tips om böcker, författarbesök och evenemang på stadens bibliotek."),
			want:  Pass,
			exact: "66",
		},
		{
			name:  "exactly the minimum in runes",
			res:   desc(strings.Repeat("å", 40)),
			want:  Pass,
			exact: "40",
		},
		{
			name:  "one short of the minimum",
			res:   desc(strings.Repeat("å", 39)),
			want:  Fail,
			msg:   "39 tecken",
			exact: "39",
		},
		{
			name:  "links and contact details do not count",
			res:   desc("Mer på https://stockholm.se/kultur och www.example.se – kultur@stockholm.se, 08-508 290 00, @kultur@mastodon.example, start.stockholm/x"),
			want:  Fail,
			exact: "10",
		},
		{
			name:  "white space is collapsed",
			res:   desc("Hej" + strings.Repeat(" \n\t\u00a0", 50) + "då"),
			want:  Fail,
			exact: "6",
		},
		{
			name: "no description",
			res:  desc(""),
			want: Fail,
			msg:  "ingen beskrivning",
		},
		{
			name: "lower configured minimum",
			res:  desc("Bibliotekets nyheter."),
			cfg:  func(c *Config) { c.DescriptionMinChars = 10 },
			want: Pass,
		},
	})
}
