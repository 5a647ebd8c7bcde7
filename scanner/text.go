package scanner

import (
	"strings"
	"time"
	"unicode/utf8"
)

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

// MaxPostText bounds the Text a post keeps, in bytes: a long article's
// words past it are not read by any rule.
const MaxPostText = 8 << 10

// keepPostText keeps in memory only the post text the rules read: that of
// the account's own posts and replies published from since on (the
// earliest instant any rule looks at), each cut to MaxPostText. A scan
// holds every account's posts until all are read, and the text of
// reposts and of posts older than the audit period would only add to
// that peak. The newest own post keeps its text however old it is: a
// quiet account's last word is where it says it is closing
// (closure-notice).
func keepPostText(posts []Post, since time.Time) {
	newest := -1
	for i, p := range posts {
		if p.Own() && (newest < 0 || p.Published.After(posts[newest].Published)) {
			newest = i
		}
	}
	for i := range posts {
		p := &posts[i]
		if p.Repost || p.Published.Before(since) && i != newest {
			p.Text = ""
			continue
		}
		if len(p.Text) > MaxPostText {
			cut := MaxPostText
			for cut > 0 && !utf8.RuneStart(p.Text[cut]) {
				cut--
			}
			p.Text = strings.Clone(p.Text[:cut])
		}
	}
}
