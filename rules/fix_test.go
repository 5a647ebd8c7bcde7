package rules

import (
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

// TestFixForNamesTheAccountsOwn holds each rule's fix to the account it is
// for: its administration, the platform's word for where to write, its
// purpose and website; never another administration's example.
func TestFixForNamesTheAccountsOwn(t *testing.T) {
	t.Parallel()
	school := scanner.Account{
		Source: "registry.csv", Row: 13, Administration: "Utbildningsförvaltningen", Name: "Sommarskolan Stockholm",
		PlatformName: "Mastodon", Platform: scanner.Mastodon, URL: "https://mastodon.demo.example/@sommarskolan",
		Goals: "Fler anmälda till sommarskolan", Audience: "Elever i årskurs 6–9, vårdnadshavare", Website: "https://start.stockholm",
	}
	svoa := scanner.Account{
		Source: "registry.csv", Row: 26, Administration: "Stockholm Vatten och Avfall AB", Name: "SVOA på X",
		PlatformName: "X", Platform: scanner.X, URL: "https://x.com/svoa_ab",
		Purpose: "Informera om driftstörningar", Audience: "Kunder i Stockholm och Huddinge", Website: "https://www.svoa.se",
	}
	park := scanner.Account{
		Source: "registry.csv", Row: 24, Administration: "Östermalms stadsdelsförvaltning", Name: "Parklekarna på Instagram",
		PlatformName: "Instagram", Platform: scanner.Instagram, Purpose: "Visa parklekarnas verksamhet", Audience: "Barnfamiljer på Östermalm",
	}
	tests := []struct {
		rule    string
		acc     scanner.Account
		sv, en  []string
		notInSV []string
	}{
		{CityAffiliation, school, []string{"profilens beskrivning (bio)", "”Kontot drivs av Utbildningsförvaltningen i Stockholms stad.”"}, []string{"“This account is run by Utbildningsförvaltningen, City of Stockholm.”"}, []string{"Kulturförvaltningen"}},
		{CityAffiliation, svoa, []string{"profilens bio", "”Kontot drivs av Stockholm Vatten och Avfall AB, ett bolag som ägs av Stockholms stad.”"}, []string{"a company owned by the City of Stockholm"}, []string{"Kulturförvaltningen"}},
		{CityAffiliation, scanner.Account{Platform: scanner.Web}, []string{"webbplatsens om-text eller sidfot", "[förvaltningens eller bolagets namn]"}, nil, nil},
		{ContentDescription, school, []string{"om vad Sommarskolan Stockholm handlar om", "anger inget syfte"}, []string{"gives no purpose"}, []string{"bibliotek"}},
		{ContentDescription, park, []string{"i biografin", "”Visa parklekarnas verksamhet”, och skriv för målgruppen: Barnfamiljer på Östermalm."}, []string{"the bio", "“Visa parklekarnas verksamhet”"}, []string{"bibliotek"}},
		{ContactDetails, svoa, []string{"till Stockholm Vatten och Avfall AB i profilens bio", "Stockholm Vatten och Avfall AB:s kontaktsida"}, nil, nil},
		{ContactDetails, park, []string{"Östermalms stadsdelsförvaltnings kontaktsida"}, nil, nil},
		{WebsiteLink, svoa, []string{"länk till https://www.svoa.se", "profilens webbplatsfält"}, []string{"the profile's website field"}, nil},
		{WebsiteLink, park, []string{"länk till stockholm.se", "länkfältet"}, nil, nil},
		{PostingFrequency, svoa, []string{"egna inlägg på X minst"}, []string{"posts on X at least"}, nil},
		{InactiveAccount, park, []string{"publicera på Instagram igen"}, nil, nil},
		{PostingFrequency, scanner.Account{Name: "Kulturbloggen", PlatformName: "Blogg", Platform: scanner.Web}, []string{"egna inlägg i bloggen minst"}, []string{"posts on the blog"}, nil},
		{AccountExists, school, []string{"länken till Sommarskolan Stockholm på rad 13 i registry.csv"}, []string{"row 13 of registry.csv"}, nil},
		{RegistryComplete, school, []string{"Fyll i Syfte och Ansvarig på rad 13 i registry.csv"}, []string{"purpose (Syfte) and owner (Ansvarig)"}, nil},
		{ParticipationTerms, park, []string{"Skriv i biografin att inlägg"}, []string{"Write in the bio"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.rule+"/"+tt.acc.Name, func(t *testing.T) {
			got := ruleByID(t, DefaultConfig(), tt.rule).FixFor(tt.acc)
			for _, w := range tt.sv {
				if !strings.Contains(got.SV, w) {
					t.Errorf("Swedish fix %q lacks %q", got.SV, w)
				}
			}
			for _, w := range tt.en {
				if !strings.Contains(got.EN, w) {
					t.Errorf("English fix %q lacks %q", got.EN, w)
				}
			}
			for _, w := range tt.notInSV {
				if strings.Contains(got.SV, w) {
					t.Errorf("Swedish fix %q names %q, which is not this account's", got.SV, w)
				}
			}
		})
	}
}

func TestGenitiveSV(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Kulturförvaltningen":             "Kulturförvaltningens",
		"Östermalms stadsdelsförvaltning": "Östermalms stadsdelsförvaltnings",
		"Stockholm Vatten och Avfall AB":  "Stockholm Vatten och Avfall AB:s",
		"Stockholms stadsarkiv":           "Stockholms stadsarkivs",
		"Bostadsförmedlingen i Stockholm": "Bostadsförmedlingen i Stockholms",
		"Micasa Fastigheter":              "Micasa Fastigheters",
		"Stockholm Business Region":       "Stockholm Business Regions",
	} {
		if got := genitiveSV(in); got != want {
			t.Errorf("genitiveSV(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestReadingsSaySo: the thresholds the policy gives no number for are
// stated as the communications unit's reading, in `smaudit rules` and in
// the findings.
func TestReadingsSaySo(t *testing.T) {
	t.Parallel()
	for _, id := range []string{PostingFrequency, ContentDescription, InactiveAccount, ResponseTime} {
		r := ruleByID(t, DefaultConfig(), id)
		if !strings.Contains(r.Thresholds.SV, "kommunikationsenhetens tolkning av policyns ”") || !strings.Contains(r.Thresholds.EN, "communications unit's reading") {
			t.Errorf("%s: thresholds %+v do not say they are a reading", id, r.Thresholds)
		}
	}
	for _, txt := range []Text{postingReading(2), descriptionReading(40), inactiveReading(90), responseReading(DefaultConfig().Response)} {
		if !strings.HasPrefix(txt.SV, "Policyn anger att") || !strings.Contains(txt.SV, "staden ") {
			t.Errorf("reading %q does not tell the policy's words from the city's limit", txt.SV)
		}
	}
	if got := postingReading(2).SV; got != "Policyn anger att det bör publiceras minst ett par gånger i veckan; staden granskar mot minst 2 egna inlägg per vecka." {
		t.Errorf("posting reading %q", got)
	}
}
