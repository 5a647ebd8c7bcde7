package bluesky

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stockholm-stad/smaudit/scanner"
)

func TestFeedPage(t *testing.T) {
	const self = "did:plc:zpf5esomzvcq7roylouv3cdi"
	const other = "did:plc:7klfyylbeg3rhdsv5ucdrd6p"
	item := func(fields string) string { return `{"feed":[` + fields + `],"cursor":"2026-10-04T08:02:04.249Z"}` }
	post := func(repo, rkey, handle, record, indexed string) string {
		return `{"post":{"uri":"at://` + repo + `/app.bsky.feed.post/` + rkey + `","cid":"bafyrei","author":{"did":"` + repo +
			`","handle":"` + handle + `"},"record":` + record + `,"indexedAt":"` + indexed + `"}`
	}
	tests := []struct {
		name    string
		body    string
		want    []scanner.Post
		wantErr string
	}{
		{"future createdAt is capped at indexedAt",
			item(post(self, "3a", "kultur.stockholm.se", `{"createdAt":"2030-01-01T00:00:00Z","text":"x"}`, "2026-11-01T10:00:00.5Z") + `}`),
			[]scanner.Post{{ID: "at://" + self + "/app.bsky.feed.post/3a", URL: "https://bsky.app/profile/kultur.stockholm.se/post/3a", Published: day("2026-11-01T10:00:00.5Z")}}, ""},
		{"backdated createdAt is kept",
			item(post(self, "3b", "kultur.stockholm.se", `{"createdAt":"2019-05-01T12:00:00-04:00"}`, "2026-11-01T10:00:00Z") + `}`),
			[]scanner.Post{{ID: "at://" + self + "/app.bsky.feed.post/3b", URL: "https://bsky.app/profile/kultur.stockholm.se/post/3b", Published: day("2019-05-01T16:00:00Z")}}, ""},
		{"unreadable createdAt falls back to indexedAt",
			item(post(self, "3c", "kultur.stockholm.se", `{"createdAt":"igår"}`, "2026-11-01T10:00:00Z") + `}`),
			[]scanner.Post{{ID: "at://" + self + "/app.bsky.feed.post/3c", URL: "https://bsky.app/profile/kultur.stockholm.se/post/3c", Published: day("2026-11-01T10:00:00Z")}}, ""},
		{"reply to someone else",
			item(post(self, "3d", "kultur.stockholm.se", `{"createdAt":"2026-11-01T10:00:00Z","reply":{"root":{"uri":"at://`+other+`/app.bsky.feed.post/1"},"parent":{"uri":"at://`+other+`/app.bsky.feed.post/1"}}}`, "2026-11-01T10:00:01Z") + `}`),
			[]scanner.Post{{ID: "at://" + self + "/app.bsky.feed.post/3d", URL: "https://bsky.app/profile/kultur.stockholm.se/post/3d", Published: day("2026-11-01T10:00:00Z"), Reply: true}}, ""},
		{"own thread under someone else's root",
			item(post(self, "3e", "kultur.stockholm.se", `{"createdAt":"2026-11-01T10:00:00Z","reply":{"root":{"uri":"at://`+other+`/app.bsky.feed.post/1"},"parent":{"uri":"at://`+self+`/app.bsky.feed.post/3d"}}}`, "2026-11-01T10:00:01Z") + `}`),
			[]scanner.Post{{ID: "at://" + self + "/app.bsky.feed.post/3e", URL: "https://bsky.app/profile/kultur.stockholm.se/post/3e", Published: day("2026-11-01T10:00:00Z")}}, ""},
		{"a DID that merely starts like the account's is someone else",
			item(post(self, "3f", "kultur.stockholm.se", `{"createdAt":"2026-11-01T10:00:00Z","reply":{"root":{"uri":"x"},"parent":{"uri":"at://`+self+`x/app.bsky.feed.post/3d"}}}`, "2026-11-01T10:00:01Z") + `}`),
			[]scanner.Post{{ID: "at://" + self + "/app.bsky.feed.post/3f", URL: "https://bsky.app/profile/kultur.stockholm.se/post/3f", Published: day("2026-11-01T10:00:00Z"), Reply: true}}, ""},
		{"repost without a repost uri",
			item(post(other, "3g", "stockholmsstad.bsky.social", `{"createdAt":"2026-10-01T10:00:00Z"}`, "2026-10-01T10:00:01Z") +
				`,"reason":{"$type":"app.bsky.feed.defs#reasonRepost","by":{"did":"` + self + `"},"indexedAt":"2026-11-02T08:00:00.000Z"}}`),
			[]scanner.Post{{ID: "at://" + other + "/app.bsky.feed.post/3g", URL: "https://bsky.app/profile/stockholmsstad.bsky.social/post/3g", Published: day("2026-11-02T08:00:00Z"), Repost: true}}, ""},
		{"someone else's post without a reason is not own",
			item(post(other, "3h", "stockholmsstad.bsky.social", `{"createdAt":"2026-10-01T10:00:00Z"}`, "2026-10-01T10:00:01Z") + `}`),
			[]scanner.Post{{ID: "at://" + other + "/app.bsky.feed.post/3h", URL: "https://bsky.app/profile/stockholmsstad.bsky.social/post/3h", Published: day("2026-10-01T10:00:00Z"), Repost: true}}, ""},
		{"pinned item skipped",
			item(post(self, "3i", "kultur.stockholm.se", `{"createdAt":"2025-01-01T10:00:00Z"}`, "2025-01-01T10:00:01Z") + `,"reason":{"$type":"app.bsky.feed.defs#reasonPin"}}`),
			nil, ""},
		{"unverified handle and odd uri",
			item(post(self, "3j", "handle.invalid", `{"createdAt":"2026-11-01T10:00:00Z"}`, "2026-11-01T10:00:01Z") + `},` +
				`{"post":{"uri":"https://example.org/x","author":{"did":"` + self + `"},"record":{"createdAt":"2026-10-01T10:00:00Z"}}}`),
			[]scanner.Post{
				{ID: "at://" + self + "/app.bsky.feed.post/3j", URL: "https://bsky.app/profile/" + self + "/post/3j", Published: day("2026-11-01T10:00:00Z")},
				{ID: "https://example.org/x", Published: day("2026-10-01T10:00:00Z")},
			}, ""},
		{"no date at all", item(post(self, "3k", "kultur.stockholm.se", `{"text":"x"}`, "") + `}`), nil, "feed item 0: post at://"},
		{"zero date", item(post(self, "3l", "kultur.stockholm.se", `{"createdAt":"0001-01-01T00:00:00Z"}`, "0001-01-01T01:00:00+01:00") + `}`), nil, "is not an RFC 3339 time"},
		{"no uri", item(`{"post":{"record":{"createdAt":"2026-10-01T10:00:00Z"}}}`), nil, "feed item 0: the post has no uri"},
		{"feed is not a list", `{"feed":{}}`, nil, "not Bluesky XRPC JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cursor, err := feedPage("https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed?actor=x", []byte(tt.body), self, nil)
			if tt.wantErr != "" {
				var fe *scanner.FetchError
				if !errors.As(err, &fe) || fe.Kind != scanner.ErrUnparseable || !strings.Contains(fe.Detail, tt.wantErr) || fe.URL == "" {
					t.Errorf("feedPage error = %v, want ErrUnparseable with the URL and %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("feedPage: %v", err)
			}
			if cursor != "2026-10-04T08:02:04.249Z" {
				t.Errorf("cursor = %q", cursor)
			}
			if diff := cmp.Diff(tt.want, got, ignorePostText); diff != "" {
				t.Errorf("posts mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
