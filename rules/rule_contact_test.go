package rules

import (
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestContactDetails(t *testing.T) {
	runSamples(t, ContactDetails, []sample{
		{name: "e-mail", res: fetched(textProfile("Skriv till kultur@stockholm.se.")), want: Pass, exact: "kultur@stockholm.se"},
		{name: "Stockholm switchboard", res: fetched(textProfile("Växel 08-508 290 00")), want: Pass, exact: "08-508 290 00"},
		{name: "grouped differently", res: fetched(textProfile("Tel: 08-508 21 000")), want: Pass, exact: "08-508 21 000"},
		{name: "international", res: fetched(textProfile("Call +46 8 508 290 00 weekdays")), want: Pass, exact: "+46 8 508 290 00"},
		{name: "international with (0)", res: fetched(textProfile("Ring +46 (0)8 508 290 00")), want: Pass, exact: "+46 (0)8 508 290 00"},
		{name: "digits only", res: fetched(textProfile("Telefonnummer: 0850829127.")), want: Pass, exact: "0850829127"},
		{name: "international digits only", res: fetched(textProfile("+46850829000")), want: Pass, exact: "+46850829000"},
		{name: "mobile", res: fetched(textProfile("Sms 070-123 45 67")), want: Pass, exact: "070-123 45 67"},
		{name: "in a field", res: fetched(scanner.Profile{Fields: []scanner.Field{{Name: "E-post", Value: "bibliotek@stockholm.se"}}}), want: Pass, exact: "bibliotek@stockholm.se"},
		{name: "mailto link", res: fetched(linkProfile("Mejla oss", "mailto:kultur@stockholm.se")), want: Pass, evident: "mailto:kultur@stockholm.se"},
		{name: "tel link", res: fetched(linkProfile("Ring", "tel:+46850829000")), want: Pass, evident: "tel:+46850829000"},
		{name: "link text", res: fetched(linkProfile("Kontakta oss", "https://example.se/a")), want: Pass, evident: "https://example.se/a"},
		{name: "link path", res: fetched(linkProfile("Läs mer", "https://stockholm.se/kontakt/")), want: Pass, evident: "/kontakt/"},
		{name: "English link", res: fetched(linkProfile("", "https://example.org/contact-us")), want: Pass},
		{name: "dates and years are not phones", res: fetched(textProfile("Öppet 2026-09-28 till 01-10-2026. Sedan 2019. Dnr 1.6-246/2019, KS 2018/1303, 105 35 Stockholm.")), want: Fail, msg: "ingen e-postadress"},
		{name: "fediverse handle is not e-mail", res: fetched(textProfile("Följ @kultur@mastodon.example")), want: Fail},
		{name: "contact in host only", res: fetched(linkProfile("Webb", "https://kontakt.example.se/")), want: Fail},
		{name: "part of a URL path", res: fetched(textProfile("https://example.se/id/0850829127")), want: Fail},
		{name: "empty profile", res: fetched(scanner.Profile{}), want: Fail, msgEN: "no e-mail address"},
	})
}
