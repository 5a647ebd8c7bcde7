package youtube

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// channelList is the Data API's answer to channels.list.
type channelList struct {
	Items []struct {
		ID             string `json:"id"`
		ContentDetails struct {
			RelatedPlaylists struct {
				Uploads string `json:"uploads"`
			} `json:"relatedPlaylists"`
		} `json:"contentDetails"`
	} `json:"items"`
}

// playlistItemList is one page of playlistItems.list.
type playlistItemList struct {
	NextPageToken string `json:"nextPageToken"`
	Items         []struct {
		ContentDetails struct {
			VideoID          string `json:"videoId"`
			VideoPublishedAt string `json:"videoPublishedAt"`
		} `json:"contentDetails"`
		Snippet struct {
			PublishedAt string `json:"publishedAt"`
			Title       string `json:"title"`
			Description string `json:"description"`
		} `json:"snippet"`
	} `json:"items"`
}

// apiVideos pages through the channel's uploads playlist, newest first,
// until a page reaches back past since, the playlist ends or the page cap
// is reached. The first page must be read; after that a page that fails, a
// page token already used and a page without a video not seen before end
// the paging with what was read, and the videos' cut says why: an API
// handing out an old token again would otherwise count the same videos
// twice. Only a cancelled scan fails the whole list.
func (a *Adapter) apiVideos(ctx context.Context, channelID string, since time.Time) (videos, error) {
	cu := a.cfg.APIBase + "/channels?part=contentDetails,snippet&id=" + url.QueryEscape(channelID)
	var cl channelList
	if err := a.getAPI(ctx, cu, &cl); err != nil {
		return videos{}, err
	}
	if len(cl.Items) == 0 {
		return videos{}, &scanner.FetchError{Kind: scanner.ErrNotFound, URL: cu, Detail: "the YouTube API knows no channel " + channelID}
	}
	uploads := cl.Items[0].ContentDetails.RelatedPlaylists.Uploads
	if uploads == "" {
		return videos{}, &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: cu, Detail: "the channel has no uploads playlist"}
	}
	v := videos{sources: []string{cu}}
	var pg scanner.Pages
	token := ""
	pg.Use(token)
	done := false // the playlist ended
	for page := 1; ; page++ {
		pu := a.cfg.APIBase + "/playlistItems?part=contentDetails,snippet&playlistId=" + url.QueryEscape(uploads) + "&maxResults=50"
		if token != "" {
			pu += "&pageToken=" + url.QueryEscape(token)
		}
		if page == 1 {
			v.sources = append(v.sources, pu)
		}
		posts, next, err := a.playlistPage(ctx, pu)
		if err != nil {
			var fe *scanner.FetchError
			if page == 1 && errors.As(err, &fe) && fe.Kind == scanner.ErrNotFound {
				// A channel that never uploaded has no uploads playlist yet.
				return videos{sources: v.sources}, nil
			}
			if v.cut = scanner.LaterPageCut(ctx, page, err); v.cut == nil {
				return videos{}, err
			}
			break
		}
		fresh := pg.AddFrom(pu, posts...)
		if next == "" || len(posts) == 0 {
			done = true
			break
		}
		if fresh == 0 {
			v.cut = scanner.RepeatedPage(pu, "videos")
			break
		}
		if pg.Oldest().Before(since) || page >= a.cfg.MaxPages {
			break
		}
		if pg.Use(next) {
			v.cut = scanner.ReusedCursor(pu, "page token", next)
			break
		}
		token = next
	}
	v.posts = pg.Posts()
	if !done {
		v.completeSince = pg.Oldest()
	}
	return v, nil
}

// playlistPage fetches and converts one page of the uploads playlist.
func (a *Adapter) playlistPage(ctx context.Context, pu string) ([]scanner.Post, string, error) {
	var pl playlistItemList
	if err := a.getAPI(ctx, pu, &pl); err != nil {
		return nil, "", err
	}
	posts, _, err := pl.posts(a.cfg.Site, pu)
	if err != nil {
		return nil, "", err
	}
	return posts, pl.NextPageToken, nil
}

// posts converts a page of the uploads playlist; oldest is the date of
// its oldest video. A video's publication time is videoPublishedAt, or
// when the API leaves that out, the time it joined the playlist.
func (pl playlistItemList) posts(site, pageURL string) (posts []scanner.Post, oldest time.Time, err error) {
	for i, it := range pl.Items {
		id := strings.TrimSpace(it.ContentDetails.VideoID)
		if id == "" {
			// Videos are counted once by id: one without an id cannot be.
			return nil, time.Time{}, &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: pageURL,
				Detail: fmt.Sprintf("playlist item %d has no videoId", i+1)}
		}
		at := firstNonEmpty(it.ContentDetails.VideoPublishedAt, it.Snippet.PublishedAt)
		t, err := time.Parse(time.RFC3339, at)
		if err != nil {
			return nil, time.Time{}, &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: pageURL,
				Detail: fmt.Sprintf("video %q: videoPublishedAt %q is not an RFC 3339 time", id, at), Err: err}
		}
		if i == 0 || t.Before(oldest) {
			oldest = t
		}
		posts = append(posts, scanner.Post{ID: id, URL: watchURL(site, id), Published: t, Text: scanner.JoinText(it.Snippet.Title, it.Snippet.Description)})
	}
	return posts, oldest, nil
}

// getAPI fetches a Data API URL with the key in its header and decodes
// the JSON answer into v.
func (a *Adapter) getAPI(ctx context.Context, u string, v any) error {
	resp, err := a.fetcher.Fetch(ctx, scanner.Request{
		URL:    u,
		Accept: "application/json",
		Header: http.Header{"X-Goog-Api-Key": {a.cfg.APIKey.Reveal()}},
	})
	if err != nil {
		return a.apiError(u, resp, err)
	}
	if err := json.Unmarshal(resp.Body, v); err != nil {
		return &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: u, Detail: "the answer is not YouTube Data API JSON: " + err.Error(), Err: err}
	}
	return nil
}

// redact hides the API key should an answer ever quote it.
func (a *Adapter) redact(s string) string {
	if a.cfg.APIKey == "" {
		return s
	}
	return strings.ReplaceAll(s, a.cfg.APIKey.Reveal(), "[api-key]")
}
