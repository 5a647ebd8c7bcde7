package rules

import (
	"github.com/stockholm-stad/smaudit/scanner"
	"net/url"
	"strings"
)

// ContactDetails is the ID of the rule that the profile gives contact
// details. Like every rule ID it is stable forever: results.json, the
// history and waivers name rules by it.
const ContactDetails = "contact-details"

// contactDetailsRule is the ContactDetails rule built with cfg.
func contactDetailsRule(cfg Config) Rule {
	return Rule{
		ID:      ContactDetails,
		Section: reqContact,
		Checks: Text{
			SV: "Att profilen har kontaktuppgifter till verksamheten: e-postadress, telefonnummer eller en länk till en kontaktsida.",
			EN: "That the profile has contact details of the administration: an e-mail address, a phone number or a link to a contact page.",
		},
		PassTitle: Text{SV: "Profilen har kontaktuppgifter", EN: "The profile has contact details"},
		FailTitle: Text{SV: "Profilen saknar kontaktuppgifter", EN: "The profile has no contact details"},
		Question: Text{
			SV: "Finns kontaktuppgifter till den verksamhet som står bakom kontot?",
			EN: "Are there contact details of the operation behind the account?",
		},
		// Severity medium: readers must be able to reach the administration outside the platform.
		Severity: SeverityMedium,
		Fix: Text{
			SV: "Lägg till verksamhetens e-postadress eller telefonnummer i profilen, eller en länk till verksamhetens kontaktsida.",
			EN: "Add the administration's e-mail address or phone number to the profile, or a link to its contact page.",
		},
		NeedsFetch: true,
		fix:        fixContact,
		Thresholds: contactThresholds(cfg),
		check:      checkContact(cfg),
		Samples:    contactSamples,
	}
}

// maxContactEvidence bounds how many contact details a finding lists.
const maxContactEvidence = 5

// checkContact passes when the profile gives an e-mail address, a phone
// number, a mailto:/tel: link or a link to a contact page.
func checkContact(cfg Config) func(Input) Finding {
	return func(in Input) Finding {
		p := in.Result.Fetched.Profile
		page, source := profilePage(in.Result)
		var ev []Evidence
		seen := map[string]bool{}
		add := func(e Evidence) {
			if k := e.Value + "\x00" + e.URL; len(ev) < maxContactEvidence && !seen[k] {
				seen[k] = true
				ev = append(ev, e)
			}
		}
		for _, t := range profileTexts(p) {
			for _, e := range findEmails(t) {
				add(Evidence{Label: Text{SV: "E-postadress", EN: "E-mail address"}, Value: e.text, URL: page, Source: source})
			}
			for _, ph := range findPhones(t) {
				add(Evidence{Label: Text{SV: "Telefonnummer", EN: "Phone number"}, Value: ph.text, URL: page, Source: source})
			}
		}
		for _, l := range profileLinks(p) {
			lower := strings.ToLower(l.URL)
			switch {
			case strings.HasPrefix(lower, "mailto:"):
				add(linkEvidence(Text{SV: "E-postlänk", EN: "E-mail link"}, l.Text, l.URL))
			case strings.HasPrefix(lower, "tel:"):
				add(linkEvidence(Text{SV: "Telefonlänk", EN: "Phone link"}, l.Text, l.URL))
			case contactLink(l.Text, l.URL, cfg.ContactLinkWords):
				add(linkEvidence(Text{SV: "Länk till kontaktsida", EN: "Link to contact page"}, l.Text, l.URL))
			}
		}
		if f, hidden := linksHidden(in.Result, Text{SV: "en kontaktsida eller e-postlänk", EN: "a contact page or e-mail link"}); hidden && len(ev) == 0 {
			return f
		}
		if len(ev) == 0 {
			return Finding{Status: Fail, Message: Text{
				SV: "Profilen har ingen e-postadress, inget telefonnummer och ingen länk till en kontaktsida.",
				EN: "The profile has no e-mail address, no phone number and no link to a contact page.",
			}}
		}
		return Finding{Status: Pass, Evidence: ev, Message: Text{
			SV: "Profilen har kontaktuppgifter.",
			EN: "The profile has contact details.",
		}}
	}
}

// contactLink reports whether a link's text or URL path names a contact
// page.
func contactLink(text, raw string, words []string) bool {
	path := ""
	if u, err := url.Parse(raw); err == nil {
		path = u.Path
		if p, err := url.PathUnescape(path); err == nil {
			path = p
		}
	}
	for _, w := range words {
		if containsFold(text, w) || containsFold(path, w) {
			return true
		}
	}
	return false
}

// contactSamples: an e-mail address and a phone number, and neither.
var contactSamples = []Sample{
	{Name: "Kulturförvaltningen: kultur@stockholm.se and 08-508 290 00", Result: demoFetched(demoProfile()), Want: Pass},
	{Name: "Sommarskolan: no contact details", Result: sommarskolan(), Want: Fail},
}

// fixContact names the account's administration and the platform's place
// for the profile text.
func fixContact(acc scanner.Account) Text {
	at, who := placeOf(acc).text, Text{SV: "verksamheten", EN: "the administration"}
	if a := strings.TrimSpace(acc.Administration); a != "" {
		who = Text{SV: a, EN: a}
	}
	return Text{
		SV: "Lägg till en e-postadress eller ett telefonnummer till " + who.SV + " i " + at.SV + ", eller en länk till " + genitiveSV(who.SV) + " kontaktsida.",
		EN: "Add an e-mail address or phone number of " + who.EN + " to " + at.EN + ", or a link to the contact page of " + who.EN + ".",
	}
}
