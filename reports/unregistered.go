package reports

import (
	"fmt"

	"github.com/stockholm-stad/smaudit/rules"
)

// unregisteredLabels are the words of the accounts-missing-from-the-
// registry sheet and section. They join labels when the package starts,
// so L and the sheet helpers know them like any other label.
var unregisteredLabels = map[string]rules.Text{
	"section.unregistered": {SV: "Konton som saknas i förteckningen", EN: "Accounts missing from the registry"},
	"unregistered.explain": {SV: "Konton som stadens webbplats eller granskade profiler länkar till men som inte finns i kontoförteckningen. Policyn kräver att alla konton rapporteras.",
		EN: "Accounts that the city's website or audited profiles link to but that are not in the account registry. The policy requires every account to be reported."},
	"unregistered.check": {SV: "Kontrollera att kontot är stadens: länkar kan också gå till samarbetspartner.",
		EN: "Check that the account is the city's: links can also lead to partners."},
	"unregistered.none": {SV: "Inga konton utanför kontoförteckningen hittades.", EN: "No accounts outside the registry were found."},
	"col.foundOn":       {SV: "Hittat på", EN: "Found on"},
	"col.alsoOn":        {SV: "Även på", EN: "Also on"},
}

// unregisteredXLSXLabels are the workbook-only words of the sheet.
var unregisteredXLSXLabels = map[string]rules.Text{
	"sheet.unregistered": {SV: "Saknas i förteckningen", EN: "Not in registry"},
}

func init() {
	addLabels(labels, unregisteredLabels)
	addLabels(xlsxLabels, unregisteredXLSXLabels)
}

// addLabels adds words to a label table; a key already there is a
// programming error, caught by every test run.
func addLabels(dst, src map[string]rules.Text) {
	for k, v := range src {
		if _, dup := dst[k]; dup {
			panic(fmt.Sprintf("reports: label %q defined twice", k))
		}
		dst[k] = v
	}
}

// platformNames are the platforms as their owners write them.
var platformNames = map[string]string{
	"bluesky": "Bluesky", "facebook": "Facebook", "instagram": "Instagram", "linkedin": "LinkedIn",
	"mastodon": "Mastodon", "threads": "Threads", "tiktok": "TikTok", "x": "X", "youtube": "YouTube",
}

// PlatformName writes a normalised platform value ("youtube") as people
// write it ("YouTube"); an unknown value is shown as it is.
func PlatformName(p string) string {
	if name, ok := platformNames[p]; ok {
		return name
	}
	return p
}
