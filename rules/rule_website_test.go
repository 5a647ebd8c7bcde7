package rules

import (
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestWebsiteLink(t *testing.T) {
	withWebsite := fetched(linkProfile("Program", "https://kulturhuset.se/program"))
	withWebsite.Account.Website = "https://www.Kulturhuset.se/"
	webAccount := fetched(linkProfile("Start", "https://stockholm.se/x"))
	webAccount.Account.Platform, webAccount.Account.URL = scanner.Web, "https://www.stockholm.se/kultur"
	selfLink := fetched(linkProfile("Profil", "https://mastodon.example/@biblioteket"))
	selfLink.Account.Website = "mastodon.example"
	runSamples(t, WebsiteLink, []sample{
		{name: "stockholm.se", res: fetched(linkProfile("Webb", "https://stockholm.se/kultur")), want: Pass, evident: "https://stockholm.se/kultur"},
		{name: "www.stockholm.se", res: fetched(linkProfile("", "https://www.stockholm.se/")), want: Pass},
		{name: "subdomain", res: fetched(linkProfile("", "https://biblioteket.stockholm.se/")), want: Pass},
		{name: "start.stockholm", res: fetched(linkProfile("", "https://start.stockholm/aktuellt/")), want: Pass},
		{name: "registry website without www", res: withWebsite, want: Pass, evident: "kulturhuset.se/program"},
		{name: "configured domain", res: fetched(linkProfile("", "http://arkiv.stadsarkivet.se/")), cfg: func(c *Config) { c.WebsiteDomains = []string{"stadsarkivet.se"} }, want: Pass},
		{name: "field value without scheme", res: fetched(scanner.Profile{Fields: []scanner.Field{{Name: "Webb", Value: "stockholm.se/kultur"}}}), want: Pass},
		{name: "no links", res: fetched(scanner.Profile{Text: "Se stockholm.se"}), want: Fail, msg: "stockholm.se, start.stockholm"},
		{name: "look-alike host", res: fetched(linkProfile("", "https://stockholm.se.example.org/")), want: Fail},
		{name: "suffix without dot", res: fetched(linkProfile("", "https://notstockholm.se/")), want: Fail},
		{name: "e-mail link", res: fetched(linkProfile("", "mailto:kultur@stockholm.se")), want: Fail},
		{name: "link to the platform itself", res: selfLink, want: Fail},
		{name: "link to the account's own host", res: webAccount, want: Fail},
	})
}
