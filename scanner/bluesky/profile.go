package bluesky

import (
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// invalidHandle is what the AppView shows instead of a handle whose DNS
// or well-known proof no longer holds.
const invalidHandle = "handle.invalid"

// noUnauthenticated is the self-label of an account that asks not to be
// shown to logged-out visitors.
const noUnauthenticated = "!no-unauthenticated"

// profileOf normalises a profile view. Bluesky descriptions are plain
// text; the web addresses written in them become the profile's links.
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
		Links:       bareLinks(desc),
	}
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
