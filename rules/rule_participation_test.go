package rules

import (
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestParticipationTerms(t *testing.T) {
	runSamples(t, ParticipationTerms, []sample{
		{
			name:    "public records, plural",
			res:     fetched(textProfile("Välkommen! Inlägg och kommentarer kan bli allmänna handlingar. Vi modererar.")),
			want:    Pass,
			evident: "Inlägg och kommentarer kan bli allmänna handlingar.",
		},
		{
			name: "public record, singular, upper case",
			res:  fetched(textProfile("DET DU SKRIVER KAN BLI ALLMÄN HANDLING")),
			want: Pass,
		},
		{
			name:    "link text",
			res:     fetched(linkProfile("Kommentarsregler", "https://example.se/a")),
			want:    Pass,
			evident: "https://example.se/a",
		},
		{
			name:    "link URL",
			res:     fetched(linkProfile("", "https://start.stockholm/om-webbplatsen/anvandarvillkor/")),
			want:    Pass,
			evident: "anvandarvillkor",
		},
		{
			name: "English terms link",
			res:  fetched(linkProfile("Terms of participation", "https://example.org/p")),
			want: Pass,
		},
		{
			name: "the public is not a public record",
			res:  fetched(textProfile("Information till allmänheten om handlingsplanen.")),
			want: Fail,
			msg:  "allmänna handlingar",
		},
		{
			name: "ordinary link",
			res:  fetched(linkProfile("Webb", "https://stockholm.se/kultur")),
			want: Fail,
		},
		{
			name: "empty profile",
			res:  fetched(scanner.Profile{}),
			want: Fail,
		},
	})
}
