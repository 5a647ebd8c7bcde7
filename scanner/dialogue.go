package scanner

import (
	"context"
	"strings"
	"time"
)

// DefaultMaxThreads is how many of an account's own posts with replies an
// adapter reads the replies of, the newest first, unless told otherwise:
// one request a post (a page more on platforms that page replies), so a
// scan of 800 accounts asks at most a few thousand more.
const DefaultMaxThreads = 10

// Dialogue is what an adapter read of the public conversation under the
// account's own posts: the questions others asked and the account's
// answers, for the response-time rule, and the visible replies the
// personal-data rule reads. A nil *Dialogue means the adapter reads no
// replies (a blog, X, LinkedIn); the rules then hand the question to a
// person.
type Dialogue struct {
	// Threads are the own posts whose replies were read, newest first.
	Threads []Thread
	// WithReplies is how many own posts published since the scan's
	// window start had replies by the platform's own count (or may have
	// had: a platform that gives no count counts every post). Threads
	// holds at most MaxThreads of them, the newest; the rest were not
	// read, and the reports say so.
	WithReplies int
	// MaxThreads is the cap the adapter applied.
	MaxThreads int
	// Hidden, when not empty, says (in English, for logs and evidence)
	// why no reply could be read at all although the posts could: the
	// platform needs a key or token smaudit was not given. Threads is
	// then empty.
	Hidden string
}

// Thread is one own post and the public replies under it.
type Thread struct {
	PostID    string // the own post's ID, as in Post.ID
	URL       string // the post's page as a person opens it
	Published time.Time
	// Source is the address the replies were read from, as requested
	// (Mastodon's context, Bluesky's getPostThread, the first page of
	// YouTube's commentThreads or Graph's comments): a finding resting
	// on a reply cites that answer in the evidence bundle, as a post's
	// finding cites Post.Source.
	Source string
	// Replies holds every reply read, at any depth, oldest first.
	Replies []Reply
	// Cut, when set, says why the replies could not be read in full: the
	// request for them, or a later page of them, failed. The replies read
	// before are kept. A question without an answer in a cut thread is
	// not counted as unanswered: the answer may be in what was not read.
	Cut *FetchError
	// More says the platform holds more replies than were read (a
	// Bluesky thread deeper than the depth asked, a comment's replies
	// beyond the page cap): as with Cut, a missing answer may be there.
	More bool
}

// Reply is one public reply in a thread, by anyone, the account included.
type Reply struct {
	ID  string
	URL string // the reply's page; empty when the platform gives none
	// Parent is the ID of the post or reply it answers; the thread's
	// PostID (or empty) for a direct reply to the own post. Mastodon and
	// Bluesky always name it (in_reply_to_id, record.reply.parent).
	Parent string
	// Author is the author's handle or name as the platform shows it,
	// without a leading "@", for the answer-by-mention test and for
	// evidence: Mastodon's acct ("anna" on the account's own server,
	// "anna@social.example" on another), a Bluesky handle (its DID when
	// the handle failed verification).
	Author string
	// ByAccount marks a reply the audited account wrote itself.
	ByAccount bool
	Published time.Time
	// Text is the reply's words as plain text.
	Text string
}

// MaxReplyRunes bounds the Text a Reply keeps, in runes: enough for any
// question and its context, while a scan of a thousand accounts with ten
// long threads each stays within its memory budget.
const MaxReplyRunes = 2000

// ReplyText is s trimmed and cut to MaxReplyRunes runes, the way every
// adapter stores a reply's plain text. A cut text is copied, so it does
// not keep the rest of a long original alive.
func ReplyText(s string) string {
	s = strings.TrimSpace(s)
	n := 0
	for i := range s {
		if n == MaxReplyRunes {
			return strings.Clone(strings.TrimSpace(s[:i]))
		}
		n++
	}
	return s
}

// ReadDialogue reads the replies under an account's posts as every
// adapter that reads them does: of the own posts published from since on
// for which hasReplies is true (the platform counts replies for them),
// in the order given, newest first, the first maxThreads are read through
// read and the rest only counted in WithReplies. read gives back the
// thread with Cut set when its replies could not be read in full, and an
// error only when the scan was cancelled: the account is then reported
// as not reached rather than judged on part of its threads.
func ReadDialogue(ctx context.Context, posts []Post, since time.Time, maxThreads int,
	hasReplies func(Post) bool, read func(context.Context, Post) (Thread, error)) (*Dialogue, error) {
	d := &Dialogue{MaxThreads: maxThreads}
	for _, p := range posts {
		if !p.Own() || p.Published.Before(since) || !hasReplies(p) {
			continue
		}
		d.WithReplies++
		if len(d.Threads) == maxThreads {
			continue
		}
		th, err := read(ctx, p)
		if err != nil {
			return nil, err
		}
		d.Threads = append(d.Threads, th)
	}
	return d, nil
}
