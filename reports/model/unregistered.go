package model

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
