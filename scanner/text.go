package scanner

import "strings"

// JoinText joins the non-empty, trimmed parts with newlines: the way every
// adapter builds Profile.Text from a profile's pieces.
func JoinText(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, "\n")
}
