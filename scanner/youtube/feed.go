package youtube

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// feedCap is how many videos a channel feed lists at most: the newest.
const feedCap = 15

// feedAccept asks for the Atom feed.
const feedAccept = "application/atom+xml, application/xml;q=0.9, text/xml;q=0.8"

// atomFeed is the part of a channel's Atom feed the adapter reads.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Entries []atomEntry `xml:"http://www.w3.org/2005/Atom entry"`
}

// atomEntry is one video of the feed.
type atomEntry struct {
	VideoID   string     `xml:"http://www.youtube.com/xml/schemas/2015 videoId"`
	Published string     `xml:"http://www.w3.org/2005/Atom published"`
	Links     []atomLink `xml:"http://www.w3.org/2005/Atom link"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Href string `xml:"href,attr"`
}

// feedURL is the Atom feed of a channel's newest videos.
func (a *Adapter) feedURL(channelID string) string {
	return a.cfg.Site + "/feeds/videos.xml?channel_id=" + url.QueryEscape(channelID)
}

// feedForbidden is the Fetched.PostsHidden of a channel whose feed
// robots.txt forbids: it says what would make the posts readable.
const feedForbidden = "YouTube's robots.txt forbids its video feed (/feeds/videos.xml) to crawlers; with a YouTube Data API key (SMAUDIT_YOUTUBE_API_KEY) smaudit reads the channel's uploads instead"

// feedVideos reads the channel's feed. The feed lists only the newest
// videos: when it is full, the posts are complete only from the oldest
// one listed; when it holds fewer, they are the whole history.
//
// The feed lives on YouTube's site, so robots.txt is asked first, as for
// the channel page: YouTube's robots.txt has disallowed /feeds/videos.xml
// since 2025. A feed robots.txt forbids is not read, and the channel is
// then known to have no dated posts (videos.undated), never to have none.
func (a *Adapter) feedVideos(ctx context.Context, channelID string) (videos, error) {
	u := a.feedURL(channelID)
	resp, err := a.fetcher.Fetch(ctx, scanner.Request{URL: u, Accept: feedAccept, Page: true})
	var fe *scanner.FetchError
	if errors.As(err, &fe) && fe.Kind == scanner.ErrRobots {
		return videos{undated: true, hidden: feedForbidden}, nil
	}
	if err != nil {
		fe := *scanner.AsFetchError(err)
		fe.URL = u
		fe.Detail = "video feed: " + fe.Detail
		return videos{}, &fe
	}
	posts, err := parseFeed(resp.Body, a.cfg.Site)
	if err != nil {
		return videos{}, &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: u, Detail: "the video feed cannot be read: " + err.Error(), Err: err}
	}
	v := videos{posts: scanner.ReadFrom(u, posts), sources: []string{u}}
	if len(posts) >= feedCap {
		v.completeSince = posts[len(posts)-1].Published
	}
	return v, nil
}

// parseFeed returns the feed's videos, newest first. A video without a
// link gets its watch page on site.
func parseFeed(body []byte, site string) ([]scanner.Post, error) {
	var f atomFeed
	if err := xml.Unmarshal(body, &f); err != nil {
		return nil, fmt.Errorf("not an Atom feed: %w", err)
	}
	posts := make([]scanner.Post, 0, len(f.Entries))
	for i, e := range f.Entries {
		id := strings.TrimSpace(e.VideoID)
		if id == "" {
			return nil, fmt.Errorf("entry %d has no yt:videoId", i+1)
		}
		t, err := time.Parse(time.RFC3339, strings.TrimSpace(e.Published))
		if err != nil {
			return nil, fmt.Errorf("video %s: published %q is not an RFC 3339 time: %w", id, e.Published, err)
		}
		p := scanner.Post{ID: id, URL: watchURL(site, id), Published: t}
		for _, l := range e.Links {
			if l.Rel == "alternate" && l.Href != "" {
				p.URL = l.Href
				break
			}
		}
		posts = append(posts, p)
	}
	scanner.SortNewestFirst(posts)
	return posts, nil
}

// watchURL is a video's page on site.
func watchURL(site, id string) string {
	return site + "/watch?v=" + url.QueryEscape(id)
}
