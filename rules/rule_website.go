package rules

import (
	"fmt"
	"github.com/stockholm-stad/smaudit/scanner"
	"strings"
)

// WebsiteLink is the ID of the rule that the profile links to the
// administration's website. Like every rule ID it is stable forever:
// results.json, the history and waivers name rules by it.
const WebsiteLink = "website-link"

// websiteLinkRule is the WebsiteLink rule built with cfg.
func websiteLinkRule(cfg Config) Rule {
	return Rule{
		ID:      WebsiteLink,
		Section: reqWebsite,
		Checks: Text{
			SV: "Att profilen länkar till verksamhetens webbplats: stockholm.se, start.stockholm eller webbplatsen i registret.",
			EN: "That the profile links to the administration's website: stockholm.se, start.stockholm or the website in the registry.",
		},
		PassTitle: Text{SV: "Profilen länkar till verksamhetens webbplats", EN: "The profile links to the administration's website"},
		FailTitle: Text{SV: "Profilen länkar inte till verksamhetens webbplats", EN: "The profile does not link to the administration's website"},
		Question: Text{
			SV: "Finns en länk till verksamhetens webbplats?",
			EN: "Is there a link to the operation's website?",
		},
		// Severity low: the website is one search away; the link is a convenience.
		Severity: SeverityLow,
		Fix: Text{
			SV: "Lägg in en länk till verksamhetens sida på stockholm.se, eller till verksamhetens egen webbplats, i profilens länkfält.",
			EN: "Put a link to the administration's page on stockholm.se, or to its own website, in the profile's link field.",
		},
		NeedsFetch: true,
		fix:        fixWebsite,
		Thresholds: websiteThresholds(cfg),
		check:      checkWebsite(cfg),
		Samples:    websiteSamples,
	}
}

// maxWebsiteEvidence bounds how many website links a finding lists.
const maxWebsiteEvidence = 3

// AccountDomains returns the domains that count as an account's website:
// the city's (stockholm.se, start.stockholm), the registry's Webbplats and
// the configured extras, each once.
func AccountDomains(cfg Config, registryWebsite string) []string {
	return websiteDomains(cfg, registryWebsite)
}

// websiteDomains returns the domains that count as the account's website:
// the city's, the registry's Webbplats and the configured extras, each once.
func websiteDomains(cfg Config, registryWebsite string) []string {
	var out []string
	seen := map[string]bool{}
	for _, d := range append(append(append([]string{}, cityDomains...), registryWebsite), cfg.WebsiteDomains...) {
		if b := bareDomain(d); b != "" && !seen[b] {
			seen[b] = true
			out = append(out, b)
		}
	}
	return out
}

// checkWebsite passes when the profile links to stockholm.se, start.stockholm,
// the registry's website or a configured domain. Links back to the platform
// the account lives on do not count.
func checkWebsite(cfg Config) func(Input) Finding {
	return func(in Input) Finding {
		acc := in.Result.Account
		domains := websiteDomains(cfg, acc.Website)
		platform := hostOf(acc.URL)
		var ev []Evidence
		for _, l := range profileLinks(in.Result.Fetched.Profile) {
			h := hostOf(l.URL)
			if h == "" || sameSite(h, platform) {
				continue
			}
			for _, d := range domains {
				if hostWithin(h, d) && len(ev) < maxWebsiteEvidence {
					ev = append(ev, linkEvidence(Text{SV: "Länk till webbplats", EN: "Link to website"}, l.Text, l.URL))
					break
				}
			}
		}
		if f, hidden := linksHidden(in.Result, Text{SV: "en länk till verksamhetens webbplats", EN: "a link to the administration's website"}); hidden && len(ev) == 0 {
			return f
		}
		if len(ev) == 0 {
			list := strings.Join(domains, ", ")
			return Finding{Status: Fail, Message: Text{
				SV: fmt.Sprintf("Profilen länkar inte till verksamhetens webbplats (%s).", list),
				EN: fmt.Sprintf("The profile does not link to the administration's website (%s).", list),
			}}
		}
		return Finding{Status: Pass, Evidence: ev, Message: Text{
			SV: "Profilen länkar till verksamhetens webbplats.",
			EN: "The profile links to the administration's website.",
		}}
	}
}

// websiteSamples: a field linking kultur.stockholm.se, and no link.
var websiteSamples = []Sample{
	{Name: "Kulturförvaltningen: Webbplats https://kultur.stockholm.se", Result: demoFetched(demoProfile()), Want: Pass},
	{Name: "Sommarskolan: no link at all", Result: sommarskolan(), Want: Fail},
}

// fixWebsite names the website the registry gives for the account, or
// stockholm.se, and the platform's place for links.
func fixWebsite(acc scanner.Account) Text {
	at, site := placeOf(acc).links, strings.TrimSpace(acc.Website)
	if !isWebURL(site) {
		site = "stockholm.se"
	}
	return Text{
		SV: "Lägg in en länk till " + site + " (verksamhetens webbplats enligt kontoförteckningen) i " + at.SV + ".",
		EN: "Add a link to " + site + " (the administration's website in the registry) to " + at.EN + ".",
	}
}
