package discover

import (
	"sort"

	"github.com/stockholm-stad/smaudit/scanner"
)

// MaxFoundOn is how many linking pages Unregistered keeps per account;
// a few are enough to find the link, and a footer link would otherwise
// list every page of the site.
const MaxFoundOn = 5

// Missing is an account found by discovery that the registry lacks.
type Missing struct {
	Account Account
	// FoundOn lists pages (or profiles) linking to the account, sorted,
	// at most MaxFoundOn.
	FoundOn []string
	// Pages counts every page linking to it, also those beyond FoundOn.
	Pages int
}

// FromProfiles returns the social-media accounts linked from the profiles
// of accounts fetched successfully; Page is the account's registry link.
func FromProfiles(results []scanner.Result) []Found {
	var out []Found
	for _, r := range results {
		if r.Status != scanner.FetchOK {
			continue
		}
		seen := map[string]bool{}
		for _, l := range r.Fetched.Profile.Links {
			acc, ok := Recognize(l.URL)
			if !ok || seen[acc.Key] {
				continue
			}
			seen[acc.Key] = true
			out = append(out, Found{Account: acc, Page: r.Account.URL})
		}
	}
	return out
}

// Unregistered lists the found accounts the registry does not name,
// sorted by platform and then URL. An account found only on its own
// profile (a link to itself) is left out.
func Unregistered(found []Found, registry []scanner.Account) []Missing {
	known := map[string]bool{}
	for _, acc := range registry {
		if key, ok := KeyOf(acc); ok {
			known[key] = true
		}
	}
	byKey := map[string]*Missing{}
	pages := map[string]map[string]bool{}
	for _, f := range found {
		key := f.Account.Key
		if known[key] {
			continue
		}
		if self, ok := Recognize(f.Page); ok && self.Key == key {
			continue
		}
		m := byKey[key]
		if m == nil {
			m = &Missing{Account: f.Account}
			byKey[key] = m
			pages[key] = map[string]bool{}
		}
		// The same account written differently gives one entry; the
		// smallest spelling wins, so the result does not depend on order.
		if f.Account.URL < m.Account.URL {
			m.Account.URL = f.Account.URL
		}
		pages[key][f.Page] = true
	}
	out := make([]Missing, 0, len(byKey))
	for key, m := range byKey {
		all := make([]string, 0, len(pages[key]))
		for p := range pages[key] {
			all = append(all, p)
		}
		sort.Strings(all)
		m.Pages = len(all)
		m.FoundOn = all[:min(len(all), MaxFoundOn)]
		out = append(out, *m)
	}
	sort.Slice(out, func(i, k int) bool {
		a, b := out[i].Account, out[k].Account
		if a.Platform != b.Platform {
			return a.Platform < b.Platform
		}
		if a.URL != b.URL {
			return a.URL < b.URL
		}
		return a.Key < b.Key
	})
	return out
}
