// Package affiliation finds machine-checkable links between an account and
// the city's web: a city page that links back to the account with
// rel="me", or names it in its JSON-LD sameAs. Such a link proves that the
// account and the page belong together, which a profile's own words
// cannot.
package affiliation

import (
	"context"
	"net/url"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
	"github.com/stockholm-stad/smaudit/scanner/htmlpage"
)

// DefaultMaxPages bounds how many linked city pages are read per account.
const DefaultMaxPages = 3

// Prover reads the city pages an account links to and looks for links back.
type Prover struct {
	fetcher  scanner.Fetcher
	domains  func(scanner.Account) []string
	maxPages int
}

// New returns a Prover fetching through f. domains gives, per account, the
// domains that are the city's web for it (stockholm.se, the registry's
// Webbplats, ...).
func New(f scanner.Fetcher, domains func(scanner.Account) []string, maxPages int) *Prover {
	if maxPages < 1 {
		maxPages = DefaultMaxPages
	}
	return &Prover{fetcher: f, domains: domains, maxPages: maxPages}
}

// Wrap returns an adapter that fetches with inner and then adds the proofs
// found on the city pages the profile links to. A city page that cannot be
// read only means no proof from it; the account's fetch is not failed.
func (p *Prover) Wrap(inner scanner.Adapter) scanner.Adapter {
	return scanner.AdapterFunc(func(ctx context.Context, acc scanner.Account, since time.Time) (scanner.Fetched, error) {
		f, err := inner.Fetch(ctx, acc, since)
		if err != nil {
			return f, err
		}
		f.Proofs = append(f.Proofs, p.Prove(ctx, acc, f)...)
		return f, nil
	})
}

// Prove reads up to maxPages city pages that the profile links to and
// returns the rel="me" and sameAs links among them that point back at the
// account.
func (p *Prover) Prove(ctx context.Context, acc scanner.Account, f scanner.Fetched) []scanner.Proof {
	self := identities(acc, f)
	var proofs []scanner.Proof
	seen := map[scanner.Proof]bool{}
	for _, page := range cityPages(f.Profile.Links, p.domains(acc), p.maxPages) {
		resp, err := p.fetcher.Fetch(ctx, scanner.Request{URL: page, Accept: "text/html", Page: true})
		if err != nil {
			continue
		}
		for _, claim := range claims(htmlpage.Decode(resp.Body, resp.Header.Get("Content-Type")), resp.URL) {
			proof := scanner.Proof{Kind: claim.kind, From: resp.URL, To: claim.to}
			if self[normalise(claim.to)] && !seen[proof] {
				seen[proof] = true
				proofs = append(proofs, proof)
			}
		}
	}
	return proofs
}

// cityPages lists the distinct http(s) profile links on the given domains.
func cityPages(links []scanner.Link, domains []string, limit int) []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range links {
		u, err := url.Parse(l.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || seen[normalise(l.URL)] {
			continue
		}
		if !within(u.Hostname(), domains) {
			continue
		}
		seen[normalise(l.URL)] = true
		out = append(out, l.URL)
		if len(out) == limit {
			break
		}
	}
	return out
}

// within reports whether host is one of domains or a subdomain of one.
func within(host string, domains []string) bool {
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	for _, d := range domains {
		d = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(d)), "www.")
		if d != "" && (host == d || strings.HasSuffix(host, "."+d)) {
			return true
		}
	}
	return false
}

// identities are the URLs under which the account is known: its registry
// link and the profile URLs the adapter saw, normalised.
func identities(acc scanner.Account, f scanner.Fetched) map[string]bool {
	ids := map[string]bool{normalise(acc.URL): true}
	for _, s := range f.Sources {
		ids[normalise(s)] = true
	}
	delete(ids, "")
	return ids
}

// normalise makes two spellings of one URL compare equal: scheme, "www.",
// host case and a trailing slash do not matter.
func normalise(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	return host + strings.TrimSuffix(u.EscapedPath(), "/") + query(u)
}

func query(u *url.URL) string {
	if u.RawQuery == "" {
		return ""
	}
	return "?" + u.RawQuery
}

// claim is a page's statement that another URL is the same party.
type claim struct {
	kind scanner.ProofKind
	to   string
}

// claims returns a page's rel="me" links (anchors and <link>) in page
// order and then its JSON-LD sameAs URLs, resolved against the page's
// address or its <base href>.
func claims(body []byte, pageURL string) []claim {
	base, _ := url.Parse(pageURL)
	page, err := htmlpage.Parse(body, base)
	if err != nil {
		return nil
	}
	var out []claim
	for _, l := range page.Links {
		if (l.Tag == "a" || l.Tag == "link") && l.HasRel("me") && l.Href != "" && web(l.URL) {
			out = append(out, claim{kind: scanner.ProofRelMe, to: l.URL.String()})
		}
	}
	for _, href := range page.SameAs() {
		if u, ok := page.Resolve(href); ok && strings.TrimSpace(href) != "" && web(u) {
			out = append(out, claim{kind: scanner.ProofSameAs, to: u.String()})
		}
	}
	return out
}

// web reports whether u is an http(s) address: a claim to a mailto: or
// tel: link proves nothing about an account.
func web(u *url.URL) bool {
	return u != nil && (u.Scheme == "http" || u.Scheme == "https")
}
