package youtube

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// hiddenWithoutKey is the Dialogue's Hidden for a channel scanned without
// a Data API key: YouTube shows comments only through the API (the watch
// page loads them through /youtubei/, which robots.txt disallows).
const hiddenWithoutKey = "the YouTube Data API key is needed to read comments"

// errCommentsDisabled marks the Data API's answer for a video whose
// comments are turned off: a thread nobody can ask a question in, not a
// failed read.
var errCommentsDisabled = errors.New("comments are turned off on the video")

// commentThreadList is one page of commentThreads.list with
// part=snippet,replies.
type commentThreadList struct {
	NextPageToken string `json:"nextPageToken"`
	Items         []struct {
		ID      string `json:"id"`
		Snippet struct {
			TopLevelComment apiComment `json:"topLevelComment"`
			TotalReplyCount int        `json:"totalReplyCount"`
		} `json:"snippet"`
		Replies struct {
			Comments []apiComment `json:"comments"`
		} `json:"replies"`
	} `json:"items"`
}

// apiComment is a youtube#comment: a top-level comment or a reply.
type apiComment struct {
	ID      string `json:"id"`
	Snippet struct {
		AuthorDisplayName string `json:"authorDisplayName"`
		AuthorChannelID   struct {
			Value string `json:"value"`
		} `json:"authorChannelId"`
		TextOriginal string `json:"textOriginal"`
		TextDisplay  string `json:"textDisplay"`
		ParentID     string `json:"parentId"`
		PublishedAt  string `json:"publishedAt"`
	} `json:"snippet"`
}

// maxThreads is the configured cap of threads read per channel.
func (a *Adapter) maxThreads() int {
	if a.cfg.MaxThreads < 1 {
		return scanner.DefaultMaxThreads
	}
	return a.cfg.MaxThreads
}

// dialogue reads the comments under the channel's own videos published
// from since on that have comments, the newest MaxThreads of them, one
// commentThreads.list request each (the newest 100 top-level comments
// with the replies the API includes). The uploads playlist gives no
// comment count, so one videos.list request asks for the counts of the
// newest 50 such videos; a video it gives no count for may have comments.
// A video whose request fails is a thread cut short, never a failed
// channel; only a cancelled scan fails it.
func (a *Adapter) dialogue(ctx context.Context, channelID string, posts []scanner.Post, since time.Time) (*scanner.Dialogue, error) {
	var own []scanner.Post
	for _, p := range posts {
		if p.Own() && !p.Published.Before(since) {
			own = append(own, p)
		}
	}
	counts, err := a.commentCounts(ctx, own)
	if err != nil {
		return nil, err
	}
	commented := func(p scanner.Post) bool {
		n, known := counts[p.ID]
		return !known || n > 0
	}
	return scanner.ReadDialogue(ctx, own, since, a.maxThreads(), commented, func(ctx context.Context, p scanner.Post) (scanner.Thread, error) {
		return a.thread(ctx, channelID, p)
	})
}

// maxStatisticsIDs is how many video ids one videos.list request takes.
const maxStatisticsIDs = 50

// videoList is videos.list with part=statistics. Counts are strings;
// commentCount is left out for a video whose comments are turned off.
type videoList struct {
	Items []struct {
		ID         string `json:"id"`
		Statistics struct {
			CommentCount *string `json:"commentCount"`
		} `json:"statistics"`
	} `json:"items"`
}

// commentCounts asks for the comment counts of the newest 50 videos of
// posts: a video's count, 0 when its comments are off. A video left out
// of the map has no known count. When the request fails, no count is
// known and every video is read as far as the cap goes; only a cancelled
// scan is an error.
func (a *Adapter) commentCounts(ctx context.Context, posts []scanner.Post) (map[string]int, error) {
	if len(posts) == 0 {
		return nil, nil
	}
	var ids []string
	for _, p := range posts[:min(len(posts), maxStatisticsIDs)] {
		ids = append(ids, url.QueryEscape(p.ID))
	}
	u := a.cfg.APIBase + "/videos?part=statistics&id=" + strings.Join(ids, ",") + "&maxResults=" + strconv.Itoa(maxStatisticsIDs)
	var vl videoList
	if err := a.getAPI(ctx, u, &vl); err != nil {
		if fe := scanner.AsFetchError(err); ctx.Err() != nil || fe.Kind == scanner.ErrCanceled {
			return nil, err
		}
		return nil, nil
	}
	counts := map[string]int{}
	for _, it := range vl.Items {
		n := 0
		if c := it.Statistics.CommentCount; c != nil {
			v, err := strconv.Atoi(strings.TrimSpace(*c))
			if err != nil {
				// A count that is no number is no count.
				continue
			}
			n = v
		}
		counts[it.ID] = n
	}
	return counts, nil
}

// thread reads the comments of one video.
func (a *Adapter) thread(ctx context.Context, channelID string, p scanner.Post) (scanner.Thread, error) {
	u := a.cfg.APIBase + "/commentThreads?part=snippet,replies&videoId=" + url.QueryEscape(p.ID) +
		"&maxResults=100&textFormat=plainText"
	th := scanner.Thread{PostID: p.ID, URL: p.URL, Published: p.Published, Source: u}
	var list commentThreadList
	if err := a.getAPI(ctx, u, &list); err != nil {
		if errors.Is(err, errCommentsDisabled) {
			return th, nil
		}
		fe := scanner.AsFetchError(err)
		if ctx.Err() != nil || fe.Kind == scanner.ErrCanceled {
			return th, err
		}
		th.Cut = fe
		return th, nil
	}
	replies, more, err := list.replies(a.cfg.Site, p.ID, channelID)
	if err != nil {
		th.Cut = &scanner.FetchError{Kind: scanner.ErrUnparseable, URL: u, Detail: err.Error()}
		return th, nil
	}
	th.Replies = replies
	th.More = more
	return th, nil
}

// replies converts a page of comment threads: every top-level comment (its
// parent the video) and the replies the API included (their parent the
// top-level comment), oldest first. more says the video has comments the
// page did not hold: a further page of threads, or a thread with more
// replies than the API includes.
func (l commentThreadList) replies(site, videoID, channelID string) (out []scanner.Reply, more bool, err error) {
	more = l.NextPageToken != ""
	for _, it := range l.Items {
		top, err := reply(site, videoID, channelID, it.Snippet.TopLevelComment, videoID)
		if err != nil {
			return nil, false, err
		}
		out = append(out, top)
		for _, c := range it.Replies.Comments {
			r, err := reply(site, videoID, channelID, c, top.ID)
			if err != nil {
				return nil, false, err
			}
			out = append(out, r)
		}
		if it.Snippet.TotalReplyCount > len(it.Replies.Comments) {
			more = true
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Published.Before(out[j].Published) })
	return out, more, nil
}

// reply converts one comment; parent is what it answers when the API does
// not say (a top-level comment answers the video).
func reply(site, videoID, channelID string, c apiComment, parent string) (scanner.Reply, error) {
	s := c.Snippet
	if strings.TrimSpace(c.ID) == "" {
		return scanner.Reply{}, fmt.Errorf("a comment on video %s has no id", videoID)
	}
	t, err := time.Parse(time.RFC3339, s.PublishedAt)
	if err != nil {
		return scanner.Reply{}, fmt.Errorf("comment %s: publishedAt %q is not an RFC 3339 time", c.ID, s.PublishedAt)
	}
	if p := strings.TrimSpace(s.ParentID); p != "" {
		parent = p
	}
	author := strings.TrimSpace(s.AuthorChannelID.Value)
	return scanner.Reply{
		ID:        c.ID,
		URL:       watchURL(site, videoID) + "&lc=" + url.QueryEscape(c.ID),
		Parent:    parent,
		Author:    strings.TrimPrefix(strings.TrimSpace(s.AuthorDisplayName), "@"),
		ByAccount: author != "" && author == channelID,
		Published: t,
		Text:      scanner.ReplyText(firstNonEmpty(s.TextOriginal, s.TextDisplay)),
	}, nil
}
