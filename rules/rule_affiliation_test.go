package rules

import (
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestCityAffiliation(t *testing.T) {
	noAdmin := fetched(textProfile("Stadsbiblioteket i Stockholms stad."))
	noAdmin.Account.Administration = " "
	fieldsOnly := fetched(scanner.Profile{Fields: []scanner.Field{
		{Name: "Drivs av", Value: "Kulturförvaltningen, Stockholms stad"},
	}})
	runSamples(t, CityAffiliation, []sample{
		{
			name:    "one sentence names both",
			res:     fetched(textProfile("Vi tipsar om böcker. Kontot drivs av Kulturförvaltningen i Stockholms stad. Välkommen!")),
			want:    Pass,
			msg:     "Kulturförvaltningen",
			evident: "Kontot drivs av Kulturförvaltningen i Stockholms stad.",
		},
		{
			name:    "two sentences, any case",
			res:     fetched(textProfile("Vi är en del av STOCKHOLMS STAD.\nKontot drivs av kulturförvaltningen.")),
			want:    Pass,
			evident: "Vi är en del av STOCKHOLMS STAD.",
		},
		{
			name:    "owned-by form",
			res:     fetched(textProfile("Biblioteket ägs av Stockholms stad och drivs av Kulturförvaltningen")),
			want:    Pass,
			evident: "ägs av Stockholms stad",
		},
		{
			name: "soft hyphen and no-break space",
			res:  fetched(textProfile("Kultur\u00adförvaltningen i Stockholms\u00a0stad")),
			want: Pass,
		},
		{
			name: "English",
			res:  fetched(textProfile("Run by Kulturförvaltningen, City of Stockholm.")),
			want: Pass,
		},
		{
			name: "genitive of the city",
			res:  fetched(textProfile("Kulturförvaltningen är en del av Stockholms stads verksamhet.")),
			want: Pass,
		},
		{
			name: "configured alias",
			res:  fetched(textProfile("Stockholms stadsbibliotek är en del av Stockholm stad.")),
			cfg: func(c *Config) {
				c.AdministrationAliases = map[string][]string{"kulturförvaltningen": {"Stockholms stads\u00adbibliotek"}}
			},
			want:    Pass,
			evident: "Stockholms stadsbibliotek är en del av Stockholm stad.",
		},
		{
			name: "in profile fields only",
			res:  fieldsOnly,
			want: Pass,
		},
		{
			name:  "a link to stockholm.se is no statement",
			res:   fetched(scanner.Profile{Text: "Kulturförvaltningen tipsar. stockholm.se", Links: []scanner.Link{{URL: "https://stockholm.se/kultur", Text: "stockholm.se"}}}),
			want:  Fail,
			msg:   "säger inte att verksamheten ingår i Stockholms stad",
			msgEN: "does not say that it is part of the City of Stockholm",
		},
		{
			name:  "city without administration",
			res:   fetched(textProfile("Välkommen till Stockholms stad!")),
			want:  Fail,
			msg:   "men inte vilken verksamhet",
			msgEN: "but not which administration",
		},
		{
			name:  "neither: the library's name is not the city",
			res:   fetched(textProfile("Stockholms stadsbibliotek tipsar om böcker.")),
			want:  Fail,
			msg:   "varken",
			msgEN: "neither",
		},
		{
			name: "administration inside a longer word does not count",
			res:  fetched(textProfile("Stockholms stad. Kulturförvaltningensamarbete")),
			want: Fail,
			msg:  "inte vilken verksamhet",
		},
		{
			name: "empty profile",
			res:  fetched(scanner.Profile{}),
			want: Fail,
			msg:  "varken att kontot tillhör Stockholms stad eller vilken verksamhet som står bakom (Kulturförvaltningen)",
		},
		{
			name: "registry names no administration",
			res:  noAdmin,
			want: Manual,
			msg:  "Registret anger ingen förvaltning",
		},
	})
}

func TestAffiliationShowsVerifiedLinks(t *testing.T) {
	res := fetched(textProfile("Kontot drivs av Kulturförvaltningen i Stockholms stad."))
	res.Fetched.Proofs = []scanner.Proof{
		{Kind: scanner.ProofVerifiedField, From: "https://mastodon.example/@kultur", To: "https://kultur.stockholm.se/"},
		{Kind: scanner.ProofRelMe, From: "https://example.org/about", To: "https://mastodon.example/@kultur"},
	}
	f := ruleByID(t, DefaultConfig(), CityAffiliation).Check(Input{Result: &res, AsOf: mustAsOf(t, auditDay)})
	var labels []string
	for _, e := range f.Evidence {
		labels = append(labels, e.Label.EN)
	}
	joined := strings.Join(labels, "|")
	if !strings.Contains(joined, "Verified link to stockholm.se: the platform checked the link") {
		t.Errorf("evidence %v lacks the verified link to stockholm.se", labels)
	}
	if strings.Contains(joined, "example.org") || strings.Count(joined, "Verified link") != 1 {
		t.Errorf("evidence %v counts a proof that involves no city domain", labels)
	}
}
