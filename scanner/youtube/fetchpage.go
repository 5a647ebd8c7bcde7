package youtube

import (
	"context"
	"errors"
	"net/http"

	"github.com/stockholm-stad/smaudit/scanner"
)

// pageAccept asks for the HTML page.
const pageAccept = "text/html,application/xhtml+xml;q=0.9"

// declineCookies is the answer YouTube's consent form stores when a
// visitor rejects all optional cookies. Sending it saves visitors from
// EU addresses the consent detour; the crawl layer keeps no cookies, so
// without it every channel would end on the consent form.
const declineCookies = "SOCS=CAI"

// consentDetail explains a consent page in place of the channel.
const consentDetail = "YouTube showed its cookie consent page instead of the channel (consent redirect)"

// fetchChannelPage fetches and reads the channel's about page, which
// carries the whole about panel (description and every link) in its
// ytInitialData; the plain channel page only names the first link. It
// returns the page and the URL it was fetched from.
func (a *Adapter) fetchChannelPage(ctx context.Context, ch Channel) (channelPage, string, error) {
	u := ch.PageURL(a.cfg.Site) + "/about"
	resp, err := a.fetcher.Fetch(ctx, scanner.Request{
		URL:    u,
		Accept: pageAccept,
		Page:   true,
		Header: http.Header{"Cookie": {declineCookies}},
	})
	// The consent detour is a fetch problem whatever its status, never a
	// channel without a description.
	if resp != nil && isConsentURL(resp.URL) {
		return channelPage{}, u, &scanner.FetchError{Kind: scanner.ErrBlocked, URL: u, Detail: consentDetail}
	}
	if err != nil {
		fe := *scanner.AsFetchError(err)
		fe.URL = u
		if resp != nil && (resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone) {
			fe.Kind = scanner.ErrNotFound
			fe.Detail = "the channel does not exist"
		}
		return channelPage{}, u, &fe
	}
	page, err := parseChannelPage(resp.Body)
	if err == nil {
		return page, u, nil
	}
	var gone *unavailableError
	switch {
	case errors.Is(err, errConsent):
		return channelPage{}, u, &scanner.FetchError{Kind: scanner.ErrBlocked, URL: u, Detail: consentDetail, Err: err}
	case errors.As(err, &gone):
		return channelPage{}, u, &scanner.FetchError{Kind: scanner.ErrNotFound, URL: u, Detail: gone.Error(), Err: err}
	case errors.Is(err, errNoInitialData):
		return channelPage{}, u, &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: u, Detail: "the channel page has no ytInitialData script", Err: err}
	}
	return channelPage{}, u, &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: u, Detail: "the channel page cannot be read: " + err.Error(), Err: err}
}
