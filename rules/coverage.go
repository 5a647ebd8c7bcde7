package rules

import (
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// coverage is how far back a source showed every post of an account.
type coverage struct {
	since time.Time // every post from here on was seen; zero: the whole history
	none  bool      // the source showed no post the audit can date
}

// coverageOf reads a fetch's coverage.
func coverageOf(f scanner.Fetched) coverage {
	if f.NoDatedPosts {
		return coverage{none: true}
	}
	return coverage{since: f.CompleteSince}
}

// startsAfter reports whether posts before t may be missing.
func (c coverage) startsAfter(t time.Time) bool {
	return c.none || !c.since.IsZero() && c.since.After(t)
}

// reach says, for a message, how far back the source showed every post
// when that is not far enough.
func (c coverage) reach() Text {
	if c.none {
		return Text{SV: "källan visar inga daterade inlägg (till exempel saknas ett RSS- eller Atom-flöde)",
			EN: "the source shows no dated posts (for example, there is no RSS or Atom feed)"}
	}
	return Text{SV: "flödet når bara tillbaka till " + dateOf(c.since), EN: "the feed only reaches back to " + dateOf(c.since)}
}

// evidence says how far back the source showed every post.
// It links page, where a person sees the posts, with the address
// they were read from as its Source.
func (c coverage) evidence(page, source string) Evidence {
	switch {
	case c.none:
		return Evidence{Label: Text{SV: "Källan visar inga daterade inlägg", EN: "The source shows no dated posts"}, URL: page, Source: source}
	case c.since.IsZero():
		return Evidence{Label: Text{SV: "Flödet visar kontots hela historik", EN: "The feed shows the account's whole history"}, URL: page, Source: source}
	}
	label := Text{SV: "Flödet visar alla inlägg sedan", EN: "The feed shows every post since"}
	return Evidence{Label: label, Value: dateOf(c.since), URL: page, Source: source}
}
