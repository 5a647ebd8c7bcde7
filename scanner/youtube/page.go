package youtube

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// channelPage is what a channel's about page says about the channel.
type channelPage struct {
	ChannelID   string
	Title       string
	Description string
	Links       []externalLink // the about panel's links, in its order, then the header's
	// HiddenLinks says why not every link of the channel is in the page,
	// or is empty when every one is.
	HiddenLinks string
}

// externalLink is one link of the about panel.
type externalLink struct {
	Title   string // "Webbplats"
	Content string // the link as shown: "stockholm.se/kultur"
	URL     string // where it leads
}

// errConsent says the page is YouTube's cookie consent form.
var errConsent = errors.New("the page is the cookie consent form")

// unavailableError says the page is YouTube's notice that the channel is
// gone (terminated, removed, not available in the country).
type unavailableError struct{ Alert string }

// Error quotes YouTube's alert.
func (e *unavailableError) Error() string { return "the channel is not available: " + e.Alert }

// initialData is the part of a channel page's ytInitialData the adapter
// reads by path; the about panel is found by walking the tree.
type initialData struct {
	Header struct {
		PageHeaderRenderer struct {
			PageTitle string `json:"pageTitle"`
		} `json:"pageHeaderRenderer"`
	} `json:"header"`
	Metadata struct {
		ChannelMetadataRenderer struct {
			Title            string   `json:"title"`
			Description      string   `json:"description"`
			ExternalID       string   `json:"externalId"`
			VanityChannelURL string   `json:"vanityChannelUrl"`
			OwnerURLs        []string `json:"ownerUrls"`
		} `json:"channelMetadataRenderer"`
	} `json:"metadata"`
	Microformat struct {
		MicroformatDataRenderer struct {
			URLCanonical string `json:"urlCanonical"`
			Title        string `json:"title"`
			Description  string `json:"description"`
		} `json:"microformatDataRenderer"`
	} `json:"microformat"`
}

// aboutChannelViewModel is the about panel's model.
type aboutChannelViewModel struct {
	Description string `json:"description"`
	ChannelID   string `json:"channelId"`
}

// alertRenderer is a notice YouTube shows instead of or above a page.
type alertRenderer struct {
	Type string `json:"type"`
	Text struct {
		SimpleText string `json:"simpleText"`
		Runs       []struct {
			Text string `json:"text"`
		} `json:"runs"`
	} `json:"text"`
}

// parseChannelPage reads a channel page: errConsent for the consent form,
// errNoInitialData without the page state, an *unavailableError for a
// gone channel, and an error when no channel id can be found.
func parseChannelPage(body []byte) (channelPage, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return channelPage{}, err
	}
	if isConsentForm(doc) {
		return channelPage{}, errConsent
	}
	raw, err := pageInitialData(doc)
	if err != nil {
		return channelPage{}, err
	}
	var data initialData
	var tree any
	if err := json.Unmarshal(raw, &data); err != nil {
		return channelPage{}, err
	}
	if err := json.Unmarshal(raw, &tree); err != nil {
		return channelPage{}, err
	}
	md := data.Metadata.ChannelMetadataRenderer
	mf := data.Microformat.MicroformatDataRenderer
	var about aboutChannelViewModel
	abouts := findAll(tree, "aboutChannelViewModel")
	for _, v := range abouts {
		if decodeInto(v, &about) && (about.Description != "" || about.ChannelID != "") {
			break
		}
	}
	if md.ExternalID == "" {
		// A gone channel's page keeps the site's frame, and so other
		// channels' ids, but loses the channel's metadata.
		if alert := errorAlert(tree); alert != "" {
			return channelPage{}, &unavailableError{Alert: alert}
		}
	}
	p := channelPage{
		ChannelID:   pageChannelID(doc, md.ExternalID, tree),
		Title:       firstNonEmpty(md.Title, mf.Title, data.Header.PageHeaderRenderer.PageTitle),
		Description: strings.TrimSpace(firstNonEmpty(md.Description, about.Description, mf.Description)),
		Links:       externalLinks(tree),
	}
	if p.ChannelID == "" {
		return channelPage{}, errors.New("the page names no channel id")
	}
	// The header shows the first link even when the about panel, and with
	// it every other link, is left to a request robots.txt forbids.
	header := readHeader(tree)
	if l := header.Link; l != nil && !hasLink(p.Links, l.URL) {
		p.Links = append(p.Links, *l)
	}
	p.HiddenLinks = hiddenLinks(len(abouts) > 0, header, len(p.Links))
	return p, nil
}

// pageInitialData finds the ytInitialData object among the page's scripts.
func pageInitialData(doc *goquery.Document) (json.RawMessage, error) {
	var raw json.RawMessage
	err := errNoInitialData
	doc.Find("script").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		text := s.Text()
		if !strings.Contains(text, initialDataName) {
			return true
		}
		raw, err = extractInitialData([]byte(text))
		return err != nil
	})
	return raw, err
}

// isConsentForm tells YouTube's cookie consent page, whose form posts the
// visitor's choice to consent.youtube.com/save, from a channel page.
func isConsentForm(doc *goquery.Document) bool {
	found := false
	doc.Find("form[action]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		action, _ := s.Attr("action")
		found = isConsentURL(action)
		return !found
	})
	return found
}

// isConsentURL reports whether u is on YouTube's or Google's consent host.
func isConsentURL(u string) bool {
	pu, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return false
	}
	switch strings.ToLower(pu.Hostname()) {
	case "consent.youtube.com", "consent.google.com":
		return true
	}
	return false
}

// pageChannelID resolves the channel id: the page's channelId (or
// identifier) microdata, its canonical link, the channel metadata's
// externalId, and last any externalId or channelId in the page state.
func pageChannelID(doc *goquery.Document, externalID string, tree any) string {
	for _, sel := range []string{`meta[itemprop="channelId"]`, `meta[itemprop="identifier"]`} {
		if id, _ := doc.Find(sel).First().Attr("content"); channelIDRe.MatchString(id) {
			return id
		}
	}
	if href, ok := doc.Find(`link[rel="canonical"]`).First().Attr("href"); ok {
		if u, err := url.Parse(href); err == nil {
			if id, ok := strings.CutPrefix(strings.TrimSuffix(u.Path, "/"), "/channel/"); ok && channelIDRe.MatchString(id) {
				return id
			}
		}
	}
	if channelIDRe.MatchString(externalID) {
		return externalID
	}
	for _, key := range []string{"externalId", "channelId"} {
		for _, v := range findAll(tree, key) {
			if id, ok := v.(string); ok && channelIDRe.MatchString(id) {
				return id
			}
		}
	}
	return ""
}

// errorAlert returns the text of an error notice in the page state, such
// as "Den här kanalen är inte tillgänglig.", or "".
func errorAlert(tree any) string {
	for _, v := range findAll(tree, "alertRenderer") {
		var a alertRenderer
		if !decodeInto(v, &a) || a.Type != "ERROR" {
			continue
		}
		text := a.Text.SimpleText
		for _, r := range a.Text.Runs {
			text += r.Text
		}
		if text = strings.TrimSpace(text); text != "" {
			return text
		}
	}
	return ""
}

// hasLink reports whether links lead to target.
func hasLink(links []externalLink, target string) bool {
	for _, l := range links {
		if l.URL == target {
			return true
		}
	}
	return false
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
