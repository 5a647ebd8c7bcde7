// Package scanner holds the plain data model of a scan (registry accounts,
// normalised profiles and posts, fetch outcomes) and the interfaces that
// platform adapters and the crawl layer implement. It imports nothing from
// rules or reports.
package scanner

import (
	"context"
	"time"
)

// Platform is the normalised kind of an account, as the scanner knows it.
type Platform string

// The platforms the scanner knows. Any other registry value is kept as
// written (lower-cased) and treated as known but unsupported.
const (
	Mastodon  Platform = "mastodon"
	Web       Platform = "web"
	Bluesky   Platform = "bluesky"
	YouTube   Platform = "youtube"
	Facebook  Platform = "facebook"
	Instagram Platform = "instagram"
	X         Platform = "x"
	LinkedIn  Platform = "linkedin"
)

// Account is one row of the registry, with its values exactly as written.
type Account struct {
	Source         string // registry file name, as given on the command line
	Row            int    // row number as the spreadsheet shows it (header is row 1)
	Administration string // Förvaltning
	Name           string // Konto
	PlatformName   string // Plattform, as written
	Platform       Platform
	URL            string // Länk, as written
	Purpose        string // Syfte
	Goals          string // Mål
	Audience       string // Målgrupp
	Owner          string // Ansvarig
	Website        string // Webbplats (optional)

	// Problems lists what is wrong with this row. A row with problems is
	// kept in every report but never fetched.
	Problems []RowProblem
}

// RowProblem is one input problem of a registry row.
type RowProblem struct {
	Column    string // the column as the registry header names it
	Message   string // in English, for logs and the command line
	MessageSV string // in Swedish, for the reports; empty when not translated
}

// Link is a hyperlink found on a profile.
type Link struct {
	URL  string // absolute URL
	Text string // visible text, or the field name for profile fields
}

// Field is a name/value pair of a profile (Mastodon's profile metadata).
type Field struct {
	Name       string
	Value      string    // plain text
	VerifiedAt time.Time // zero unless the platform verified the link (rel="me")
}

// Profile is an account's public self-presentation, normalised.
type Profile struct {
	DisplayName string
	// Description is the prose the account writes about itself: a Mastodon
	// note, a site's meta description.
	Description string
	// Text is every piece of visible profile text, Description included:
	// display name, bio, field names and values, page title and body text.
	Text   string
	Links  []Link
	Fields []Field
	// LinksHidden, when not empty, says (in English, for logs) why not every
	// link of the profile could be seen: YouTube shows only the first
	// header link to a visitor and loads the rest through an address
	// robots.txt forbids. Rules that look for a link then hand the account
	// to a person instead of failing it for a link they could not see.
	LinksHidden string
}

// Post is one published item of an account.
type Post struct {
	ID        string
	URL       string
	Published time.Time
	Reply     bool // an answer to someone else's post
	Repost    bool // a boost/reblog/repost of someone else's post
	// Text is the post's words as plain text (a feed item's title and
	// summary, a video's title and description), for the rules that read
	// what an account published: a holiday notice, personal data. Empty
	// when the platform gives none; Settle drops it with the posts.
	Text string
	// Source is the address whose answer the post was read from (a page
	// of the timeline, the feed; see ReadFrom), so that a finding resting
	// on the post cites that answer's record in the evidence bundle. It
	// may carry what the platform put in its paging links; it is a key
	// into Result.Records, never shown.
	Source string
}

// Own reports whether the post is the account's own original post.
func (p Post) Own() bool { return !p.Reply && !p.Repost }

// Proof is a machine-checkable link between an account and the city's
// web: a platform-verified profile link, a rel="me" link back from a city
// page, or a JSON-LD sameAs naming the account.
type Proof struct {
	Kind ProofKind
	From string // the page or profile that makes the claim
	To   string // the URL it points at
}

// ProofKind names how an affiliation was proven.
type ProofKind string

// Kinds of affiliation proof.
const (
	ProofVerifiedField ProofKind = "verified-field" // Mastodon checked the link with rel="me"
	ProofRelMe         ProofKind = "rel-me"         // a city page links back with rel="me"
	ProofSameAs        ProofKind = "same-as"        // a city page's JSON-LD sameAs names the account
	ProofDomainHandle  ProofKind = "domain-handle"  // a Bluesky handle on a city domain, verified by DNS or well-known
)

// Fetched is what an adapter learned about an account.
type Fetched struct {
	Profile Profile
	// Posts holds the posts seen, newest first, own and not own alike.
	Posts []Post
	// CompleteSince is the instant from which Posts hold every post the
	// account published. The zero time means the whole history was seen.
	CompleteSince time.Time
	// NoDatedPosts says the source shows no post the audit can date: a
	// protected X account, a site without a feed, a channel whose feed
	// robots.txt forbids. No period is then known in full, CompleteSince
	// is not used, and the post rules hand the account to a person
	// instead of failing it. (A flag, not a date far in the future: an
	// audit date never lands on it by chance.)
	NoDatedPosts bool
	// Sources lists the URLs the facts came from (profile, API, feed).
	Sources []string
	// Page is the account's own page as a person opens it in a browser
	// (the profile, the channel, the site), for the links reports give
	// as evidence; Sources may hold only API addresses. Empty when the
	// adapter knows none.
	Page string
	// Proofs are the machine-checkable links between the account and the
	// city's web that were found.
	Proofs []Proof
	// PostsCut, when set, says why the adapter stopped paging back before
	// it meant to: a later page of the timeline failed, or repeated a page
	// already read. Posts and the profile read before it are kept, and
	// CompleteSince is then the oldest instant the pages read cover (the
	// oldest post read). Rules judge the posts only as far as they settle
	// the question; otherwise the finding is an error with this reason.
	PostsCut *FetchError
	// Dialogue is the public replies to the account's own posts that the
	// adapter read; nil when the adapter reads none (see Dialogue).
	Dialogue *Dialogue
	// PostsHidden, when not empty, says (in English, for logs and
	// evidence) why no post could be read at all although the profile
	// could: YouTube's robots.txt forbids its video feed to a scanner
	// without a Data API key. The post rules then hand the account to a
	// person with the reason, and no count of posts is shown.
	PostsHidden string
	// Terms is the terms page the profile links to, when the scan
	// followed such a link (see TermsPage); nil when it did not.
	Terms *TermsPage
}

// FetchStatus is the outcome of fetching one account.
type FetchStatus string

// Fetch outcomes.
const (
	FetchOK          FetchStatus = "ok"
	FetchFailed      FetchStatus = "error"
	FetchUnsupported FetchStatus = "unsupported"
	// FetchNotReached marks an account the scan never got to, or gave up
	// on, because it was interrupted: nothing is known about it, and no
	// rule that needs fetched data has a verdict.
	FetchNotReached FetchStatus = "not-reached"
)

// UnsupportedReason says why an account is not fetched automatically.
type UnsupportedReason string

// Reasons for not fetching an account.
const (
	NoAdapter       UnsupportedReason = "no-adapter"        // smaudit has no adapter for the platform
	NoPublicSurface UnsupportedReason = "no-public-surface" // the platform shows nothing without a login (LinkedIn)
	NeedsMetaToken  UnsupportedReason = "needs-meta-token"  // Facebook and Instagram need a Graph API token
	NeedsXToken     UnsupportedReason = "needs-x-token"     // X needs an API bearer token
)

// Unsupported is the error an adapter returns for an account it will not
// fetch, so the account is reported as unsupported with the reason.
type Unsupported struct{ Reason UnsupportedReason }

// Error implements error.
func (u *Unsupported) Error() string { return "not fetched: " + string(u.Reason) }

// Result is one account with what the scanner found out about it.
type Result struct {
	Account Account
	Status  FetchStatus
	// Unsupported says why, when Status is FetchUnsupported.
	Unsupported UnsupportedReason
	Err         *FetchError // set when Status is FetchFailed
	Fetched     Fetched     // meaningful only when Status is FetchOK
	// Records maps each URL fetched for the account, as requested and
	// as finally answered, to the archived record of its answer. Nil
	// unless the scan kept evidence (see Recorder).
	Records map[string]Citation
}

// Adapter fetches one platform's accounts.
type Adapter interface {
	// Fetch returns the account's normalised profile and posts. It pages
	// back at least until since (the start of the oldest audit window) or
	// until the source has nothing older. Errors are *FetchError.
	Fetch(ctx context.Context, acc Account, since time.Time) (Fetched, error)
}

// AdapterFunc lets a function be an Adapter, as http.HandlerFunc lets
// one be a handler: the wrappers that add to what an adapter fetched
// (proofs of affiliation, the terms page) are built with it.
type AdapterFunc func(ctx context.Context, acc Account, since time.Time) (Fetched, error)

// Fetch implements Adapter.
func (fn AdapterFunc) Fetch(ctx context.Context, acc Account, since time.Time) (Fetched, error) {
	return fn(ctx, acc, since)
}
