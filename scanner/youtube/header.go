package youtube

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// browseAPI is where YouTube's web client loads the about panel, and with
// it every channel link after the first. robots.txt disallows /youtubei/
// for every crawler, so the adapter never asks it.
const browseAPI = "/youtubei/v1/browse"

// attributionViewModel is the link line of the channel header
// (header.pageHeaderRenderer.content.pageHeaderViewModel.attribution): the
// first link the channel lists, and, when it lists more, a suffix such as
// "and 7 more links" whose tap opens the about panel.
type attributionViewModel struct {
	Text struct {
		Content     string       `json:"content"`
		CommandRuns []commandRun `json:"commandRuns"`
	} `json:"text"`
	Suffix struct {
		Content string `json:"content"`
	} `json:"suffix"`
}

// pageHeaderViewModel is the part of the 2024– channel header the adapter
// reads.
type pageHeaderViewModel struct {
	Attribution struct {
		AttributionViewModel *attributionViewModel `json:"attributionViewModel"`
	} `json:"attribution"`
}

// channelHeader is what the channel header says about the channel's links.
type channelHeader struct {
	Seen bool // the page has a pageHeaderViewModel
	// Link is the first link, when the header shows one.
	Link *externalLink
	// Shown is the link line as a visitor reads it ("shop.example/x and 7
	// more links"); More is its suffix alone.
	Shown, More string
}

// readHeader reads the channel header's link line. A header without an
// attribution belongs to a channel that lists no links at all.
func readHeader(tree any) channelHeader {
	var h channelHeader
	for _, v := range findAll(tree, "pageHeaderViewModel") {
		var m pageHeaderViewModel
		if !decodeInto(v, &m) {
			continue
		}
		h.Seen = true
		a := m.Attribution.AttributionViewModel
		if a == nil {
			continue
		}
		text := strings.TrimSpace(a.Text.Content)
		h.More = strings.TrimSpace(a.Suffix.Content)
		h.Shown = strings.TrimSpace(text + " " + h.More)
		target := runsTarget(a.Text.CommandRuns)
		if target == "" {
			target = webURL(text)
		}
		if target != "" {
			h.Link = &externalLink{Content: text, URL: target}
		}
		return h
	}
	return h
}

// moreCount reads the number in a suffix such as "and 7 more links" or
// "och 7 länkar till"; ok is false when the suffix names none.
func moreCount(suffix string) (n int, ok bool) {
	digits := strings.FieldsFunc(suffix, func(r rune) bool { return !unicode.IsDigit(r) })
	if len(digits) == 0 {
		return 0, false
	}
	n, err := strconv.Atoi(digits[0])
	return n, err == nil
}

// hiddenLinks says why not every link of the channel can be seen, or ""
// when every one is in the page: the about panel when the page carries it
// (and it holds as many links as the header announces), else the header's
// first link and nothing more when the header announces others.
func hiddenLinks(aboutSeen bool, h channelHeader, seen int) string {
	n, counted := moreCount(h.More)
	switch {
	case aboutSeen && (!counted || seen >= n+1):
		return ""
	case aboutSeen:
		return fmt.Sprintf("the about panel shows %d of the %d links the channel header announces (%q)", seen, n+1, h.Shown)
	case h.More != "":
		return fmt.Sprintf("the channel header shows only the first of the channel's links (%q); the others load through %s, which robots.txt disallows", h.Shown, browseAPI)
	case !h.Seen:
		return "the channel page carries neither the about panel nor the channel header; the channel's links load through " + browseAPI + ", which robots.txt disallows"
	}
	return ""
}
