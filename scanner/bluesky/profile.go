package bluesky

import (
	"net/url"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// invalidHandle is what the AppView shows instead of a handle whose DNS
// or well-known proof no longer holds.
const invalidHandle = "handle.invalid"

// noUnauthenticated is the self-label of an account that asks not to be
// shown to logged-out visitors.
const noUnauthenticated = "!no-unauthenticated"

// profileOf normalises a profile view. The website field is the
// profile's first link; Bluesky descriptions are plain text, and the web
// addresses written in them are its other links.
func profileOf(pv profileView) scanner.Profile {
	desc := strings.TrimSpace(pv.Description)
	name := strings.TrimSpace(pv.DisplayName)
	handle := pv.Handle
	if handle == invalidHandle {
		handle = ""
	}
	return scanner.Profile{
		DisplayName: name,
		Description: desc,
		Text:        scanner.JoinText(name, desc, handle),
		Links:       profileLinks(pv.Website, desc),
	}
}

// profileLinks returns the website field, when it is a web address, and
// the addresses written in the description, each address once. An account
// may keep its site only in the field, so a rule that reads the
// description alone would fail it for a link it shows.
func profileLinks(website, desc string) []scanner.Link {
	links := bareLinks(desc)
	w := webAddress(website)
	if w == "" {
		return links
	}
	out := []scanner.Link{{URL: w, Text: strings.TrimSpace(website)}}
	for _, l := range links {
		if l.URL != w {
			out = append(out, l)
		}
	}
	return out
}

// webAddress returns s as an absolute http(s) address with a host, or ""
// for anything else the record accepts (the lexicon allows any URI: wss:,
// at:, a bare word from another AppView).
func webAddress(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return ""
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	return u.String()
}

// optedOut reports whether the account is labelled as not to be shown to
// logged-out visitors (a negated label withdraws it). Bluesky's own web
// app hides such a profile whoever set the label.
func (pv profileView) optedOut() bool {
	for _, l := range pv.Labels {
		if l.Val == noUnauthenticated && !l.Neg {
			return true
		}
	}
	return false
}

// proofs returns the domain-handle proof of a handle on the account's own
// domain: the AppView shows such a handle only while DNS or the domain's
// /.well-known/atproto-did names the account. Handles under bsky.social
// prove nothing about an organisation.
func (pv profileView) proofs() []scanner.Proof {
	h := strings.ToLower(pv.Handle)
	if !validHandle(h) || h == invalidHandle || strings.HasSuffix(h, ".bsky.social") {
		return nil
	}
	return []scanner.Proof{{
		Kind: scanner.ProofDomainHandle,
		From: webApp + "/profile/" + h,
		To:   "https://" + h,
	}}
}
