package rules

import (
	"strconv"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// FixFor is what the people behind acc should do to fix a failure of r,
// worded for that account: its administration, its platform's own name
// for the place to write in, its purpose and website from the registry.
// A rule without its own wording gives Fix. Reports show this, not Fix,
// beside an account's failing finding; Fix is the catalogue's general
// wording for `smaudit rules`.
func (r Rule) FixFor(acc scanner.Account) Text {
	if r.fix == nil {
		return r.Fix
	}
	return r.fix(acc)
}

// place is where on a platform the people behind an account write: the
// profile text and the links.
type place struct {
	text, links Text
}

// writePlaces names, per platform, the profile text and the link field as the
// platform's own interface calls them.
var writePlaces = map[scanner.Platform]place{
	scanner.Mastodon:  {Text{SV: "profilens beskrivning (bio)", EN: "the profile's bio"}, Text{SV: "ett profilfält, till exempel ”Webbplats”", EN: "a profile field, such as “Website”"}},
	scanner.Bluesky:   {Text{SV: "profilbeskrivningen", EN: "the profile description"}, Text{SV: "profilbeskrivningen", EN: "the profile description"}},
	scanner.Facebook:  {Text{SV: "sidans Om-avsnitt (Intro)", EN: "the page's About section (Intro)"}, Text{SV: "sidans fält för webbplats", EN: "the page's website field"}},
	scanner.Instagram: {Text{SV: "biografin", EN: "the bio"}, Text{SV: "länkfältet", EN: "the links field"}},
	scanner.X:         {Text{SV: "profilens bio", EN: "the profile's bio"}, Text{SV: "profilens webbplatsfält", EN: "the profile's website field"}},
	scanner.YouTube:   {Text{SV: "kanalbeskrivningen (Om)", EN: "the channel description (About)"}, Text{SV: "kanalens länkar", EN: "the channel's links"}},
	scanner.LinkedIn:  {Text{SV: "sidans Om-avsnitt", EN: "the page's About section"}, Text{SV: "sidans fält för webbplats", EN: "the page's website field"}},
	scanner.Web:       {Text{SV: "webbplatsens om-text eller sidfot", EN: "the site's about text or footer"}, Text{SV: "webbplatsens sidfot", EN: "the site's footer"}},
}

// placeOf is acc's place; an unknown platform is "the profile".
func placeOf(acc scanner.Account) place {
	if p, ok := writePlaces[acc.Platform]; ok {
		return p
	}
	return place{Text{SV: "profilen", EN: "the profile"}, Text{SV: "profilen", EN: "the profile"}}
}

// onPlatform says where the account publishes: "på Mastodon", "i
// bloggen", "på webbplatsen"; "on Mastodon", "on the blog".
func onPlatform(acc scanner.Account) Text {
	n := strings.TrimSpace(acc.PlatformName)
	if n == "" {
		n = string(acc.Platform)
	}
	if acc.Platform == scanner.Web {
		if strings.EqualFold(n, "blogg") {
			return Text{SV: "i bloggen", EN: "on the blog"}
		}
		return Text{SV: "på webbplatsen", EN: "on the site"}
	}
	return Text{SV: "på " + n, EN: "on " + n}
}

// accountName is the account's name, or its link when the registry gives
// no name.
func accountName(acc scanner.Account) string {
	if n := strings.TrimSpace(acc.Name); n != "" {
		return n
	}
	return acc.URL
}

// registryRow is where the account stands in the registry: "rad 14 i
// konton.xlsx" and "row 14 of konton.xlsx".
func registryRow(acc scanner.Account) Text {
	if acc.Row <= 0 {
		return Text{SV: acc.Source, EN: acc.Source}
	}
	r := strconv.Itoa(acc.Row)
	return Text{SV: "rad " + r + " i " + acc.Source, EN: "row " + r + " of " + acc.Source}
}

// affiliationExample is the sentence that says who runs the account: a
// company is owned by the city, an administration is part of it.
func affiliationExample(admin string) Text {
	if admin == "" {
		return Text{
			SV: "Kontot drivs av [förvaltningens eller bolagets namn] i Stockholms stad.",
			EN: "This account is run by [name of the administration or company], City of Stockholm.",
		}
	}
	if isCompany(admin) {
		return Text{
			SV: "Kontot drivs av " + admin + ", ett bolag som ägs av Stockholms stad.",
			EN: "This account is run by " + admin + ", a company owned by the City of Stockholm.",
		}
	}
	return Text{
		SV: "Kontot drivs av " + admin + " i Stockholms stad.",
		EN: "This account is run by " + admin + ", City of Stockholm.",
	}
}

// isCompany reports whether an administration's name is a company's:
// "Stockholm Vatten och Avfall AB".
func isCompany(name string) bool {
	f := strings.Fields(name)
	return len(f) > 0 && (f[len(f)-1] == "AB" || f[len(f)-1] == "(publ)")
}

// genitiveSV is a Swedish name's genitive: "Kulturförvaltningens",
// "Östermalms stadsdelsförvaltnings", "Stockholm Vatten och Avfall AB:s";
// a name ending in s, x or z takes nothing.
func genitiveSV(name string) string {
	if name == "" {
		return name
	}
	last := name[len(name)-1]
	switch {
	case last == 's' || last == 'x' || last == 'z':
		return name
	case last >= 'A' && last <= 'Z' || last >= '0' && last <= '9':
		return name + ":s"
	}
	return name + "s"
}
