package rules

import (
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// linksHidden hands a link-based rule to a person when the platform did not
// show every profile link: failing an account for a link nobody could see
// would be a false fail. what names what was looked for, in both languages.
func linksHidden(res *scanner.Result, what Text) (Finding, bool) {
	why := strings.TrimSpace(res.Fetched.Profile.LinksHidden)
	if why == "" {
		return Finding{}, false
	}
	return Finding{
		Status: Manual,
		Message: Text{
			SV: "Plattformen visar inte alla profilens länkar för en besökare, så det går inte att se om " + what.SV + " finns bland dem. Kontrollera profilen på plattformen.",
			EN: "The platform does not show every profile link to a visitor, so whether " + what.EN + " is among them cannot be seen. Check the profile on the platform.",
		},
		Evidence: []Evidence{atProfile(res, Evidence{
			Label: Text{SV: "Dolda länkar", EN: "Hidden links"},
			Value: why,
			// why is the adapter's English, for logs and results.json.
			ValueText: Text{SV: "plattformen visar bara en del av profilens länkar för en besökare", EN: why},
		})},
	}, true
}

// postsCut is the finding for a post rule that the pages read could not
// settle because a later page failed: an error with the reason, never a
// guess. what says what could not be judged.
func postsCut(res *scanner.Result, ev []Evidence, what Text) Finding {
	cut := res.Fetched.PostsCut
	why := Text{SV: "en senare sida av flödet kunde inte läsas", EN: "a later page of the feed could not be read"}
	r := FetchReason(cut)
	why.SV += " (" + r.SV + ")"
	why.EN += " (" + r.EN + ")"

	page, _ := profilePage(res)
	ev = append(ev, errorEvidence(cut, page))
	return Finding{
		Status:   Error,
		Evidence: ev,
		Message: Text{
			SV: "De inlägg som kunde läsas räcker inte för att bedöma " + what.SV + ": " + why.SV + ". Regeln kunde därför inte bedömas.",
			EN: "The posts that could be read do not settle " + what.EN + ": " + why.EN + ". The rule could therefore not be judged.",
		},
	}
}

// postsHidden hands a post rule to a person when the platform showed the
// profile but no post: nothing is known about the posts, so neither a
// verdict nor a count would be true. what says what could not be judged.
func postsHidden(res *scanner.Result, ev []Evidence, what Text) (Finding, bool) {
	why := strings.TrimSpace(res.Fetched.PostsHidden)
	if why == "" {
		return Finding{}, false
	}
	// why is the adapter's English, for logs and results.json.
	ev = append(ev, atProfile(res, Evidence{
		Label:     Text{SV: "Inläggen kunde inte läsas", EN: "The posts could not be read"},
		Value:     why,
		ValueText: Text{SV: "plattformen visar inte inläggen för en besökare utan inloggning eller API-nyckel", EN: why},
	}))
	return Finding{
		Status:   Manual,
		Evidence: ev,
		Message: Text{
			SV: "Plattformen visar inte kontots inlägg för smaudit, så det går inte att bedöma " + what.SV + ". Kontrollera på plattformen.",
			EN: "The platform does not show the account's posts to smaudit, so " + what.EN + " cannot be judged. Check on the platform.",
		},
	}, true
}
