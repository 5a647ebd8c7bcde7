package mastodon

import "testing"

func TestPostTellsThreadsFromReplies(t *testing.T) {
	self, other, parent := "109", "555", "1"
	tests := []struct {
		name       string
		s          status
		wantReply  bool
		wantRepost bool
	}{
		{"original post", status{ID: "2"}, false, false},
		{"reply to someone else", status{ID: "3", InReplyToID: &parent, InReplyToAccountID: &other}, true, false},
		{"thread: reply to own post", status{ID: "4", InReplyToID: &parent, InReplyToAccountID: &self}, false, false},
		{"reply without account id", status{ID: "5", InReplyToID: &parent}, true, false},
		{"boost", status{ID: "6", Reblog: []byte(`{"id":"9"}`)}, false, true},
		{"null reblog", status{ID: "7", Reblog: []byte(`null`)}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.s.CreatedAt = "2026-11-18T09:12:00.000Z"
			p, err := tt.s.post("https://h/page", self)
			if err != nil {
				t.Fatal(err)
			}
			if p.Reply != tt.wantReply || p.Repost != tt.wantRepost {
				t.Errorf("Reply=%v Repost=%v, want %v %v", p.Reply, p.Repost, tt.wantReply, tt.wantRepost)
			}
		})
	}
}
