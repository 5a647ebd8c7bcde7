package rules

import "github.com/stockholm-stad/smaudit/scanner"

// Where on a platform a person finds what a rule asks about: the profile's
// basic information, or the list of posts.
type platformPlaces struct {
	profile Text
	posts   Text
}

// places tells, per platform, where to look when checking by hand.
var places = map[scanner.Platform]platformPlaces{
	scanner.Facebook: {
		profile: Text{SV: "Sidans flik ”Om” (sidinformation och kontaktinformation) och introduktionen överst på sidan.", EN: "The page's “About” tab (page information and contact information) and the intro at the top of the page."},
		posts:   Text{SV: "Sidans inlägg: räkna sidans egna inlägg och titta på datumen (inte besökares inlägg).", EN: "The page's posts: count the page's own posts and look at their dates (not visitors' posts)."},
	},
	scanner.Instagram: {
		profile: Text{SV: "Profilens namn, biografi och länk överst på profilen.", EN: "The profile's name, bio and link at the top of the profile."},
		posts:   Text{SV: "Profilens rutnät med inlägg: öppna de senaste och titta på datumen.", EN: "The profile's grid of posts: open the latest ones and look at their dates."},
	},
	scanner.LinkedIn: {
		profile: Text{SV: "Företagssidans flik ”Om” (översikt, webbplats, kontaktuppgifter). Logga in först.", EN: "The company page's “About” tab (overview, website, contact details). Log in first."},
		posts:   Text{SV: "Företagssidans flik ”Inlägg” och datumen på de senaste inläggen.", EN: "The company page's “Posts” tab and the dates of the latest posts."},
	},
	scanner.X: {
		profile: Text{SV: "Profilens bio, plats och webbplatslänk under profilnamnet.", EN: "The profile's bio, location and website link under the profile name."},
		posts:   Text{SV: "Profilens flik ”Inlägg” (inte ”Svar”); räkna inte reposter.", EN: "The profile's “Posts” tab (not “Replies”); do not count reposts."},
	},
	scanner.YouTube: {
		profile: Text{SV: "Kanalens beskrivning: klicka på ”mer” under kanalnamnet för att se beskrivning och länkar.", EN: "The channel description: click “more” under the channel name to see the description and links."},
		posts:   Text{SV: "Kanalens flik ”Videor” och när de senaste laddades upp.", EN: "The channel's “Videos” tab and when the latest ones were uploaded."},
	},
	scanner.Bluesky: {
		profile: Text{SV: "Profilens beskrivning under namnet.", EN: "The profile's description under the name."},
		posts:   Text{SV: "Profilens flik ”Inlägg” (inte ”Svar”); räkna inte reposter.", EN: "The profile's “Posts” tab (not “Replies”); do not count reposts."},
	},
	scanner.Mastodon: {
		profile: Text{SV: "Profilens beskrivning och metadatafälten under den.", EN: "The profile's description and the metadata fields below it."},
		posts:   Text{SV: "Profilens flik ”Inlägg” (inte ”Inlägg och svar”); räkna inte boostar.", EN: "The profile's “Posts” tab (not “Posts and replies”); do not count boosts."},
	},
	scanner.Web: {
		profile: Text{SV: "Sidfoten, sidan ”Om” och kontaktsidan.", EN: "The footer, the “About” page and the contact page."},
		posts:   Text{SV: "Listan över inlägg och deras datum.", EN: "The list of posts and their dates."},
	},
}

// genericPlaces is for platforms the list above does not know.
var genericPlaces = platformPlaces{
	profile: Text{SV: "Kontots profiltext, ”Om”-sida eller motsvarande.", EN: "The account's profile text, “About” page or similar."},
	posts:   Text{SV: "Kontots inlägg och deras datum.", EN: "The account's posts and their dates."},
}

// WhereToLook tells a person where on the platform to find what the rule
// asks about, for the manual checklist.
func WhereToLook(p scanner.Platform, ruleID string) Text {
	pl, ok := places[p]
	if !ok {
		pl = genericPlaces
	}
	switch ruleID {
	case AccountExists:
		return Text{SV: "Öppna länken i kontoförteckningen.", EN: "Open the link in the registry."}
	case PostingFrequency, InactiveAccount, HolidayNotice:
		return pl.posts
	case PersonalData:
		// Replies and visitors' comments count here, unlike for the
		// pace: the policy's duty covers what others write too.
		return Text{
			SV: "Kontots egna inlägg, dess svar till andra och kommentarerna under inläggen (på Mastodon, Bluesky och X fliken med inlägg och svar), under granskningsperioden.",
			EN: "The account's own posts, its replies to others and the comments under the posts (on Mastodon, Bluesky and X the tab of posts and replies), over the audit period.",
		}
	case ResponseTime:
		return Text{
			SV: "Svaren och kommentarerna under kontots senaste inlägg: vilka frågor andra har ställt, om kontot svarade och när.",
			EN: "The replies and comments under the account's latest posts: which questions others asked, whether the account answered and when.",
		}
	case RegistryComplete:
		return Text{SV: "Kontoförteckningen.", EN: "The registry."}
	}
	return pl.profile
}
