package youtube

import (
	"errors"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestParseAccountURL(t *testing.T) {
	const id = "UC7zcn1CGj73DF_KWsJwpIzA"
	tests := []struct {
		raw     string
		want    Channel
		wantErr bool
	}{
		{raw: "https://www.youtube.com/@kulturforvaltningen", want: Channel{Path: "/@kulturforvaltningen"}},
		{raw: "https://youtube.com/@kulturforvaltningen/", want: Channel{Path: "/@kulturforvaltningen"}},
		{raw: "https://m.youtube.com/@kulturforvaltningen/videos", want: Channel{Path: "/@kulturforvaltningen"}},
		{raw: "  www.youtube.com/@Stadsbiblioteket.Sthlm?si=x1Yq  ", want: Channel{Path: "/@Stadsbiblioteket.Sthlm"}},
		{raw: "https://www.youtube.com/@kulturf%C3%B6rvaltningen", want: Channel{Path: "/@kulturf%C3%B6rvaltningen"}},
		{raw: "@fritid_skarholmen", want: Channel{Path: "/@fritid_skarholmen"}},
		{raw: "https://www.youtube.com/channel/" + id, want: Channel{Path: "/channel/" + id, ID: id}},
		{raw: "http://m.youtube.com/channel/" + id + "/featured", want: Channel{Path: "/channel/" + id, ID: id}},
		{raw: "https://www.youtube.com/c/StockholmsStadsbibliotek", want: Channel{Path: "/c/StockholmsStadsbibliotek"}},
		{raw: "youtube.com/c/StockholmsStadsbibliotek/about/", want: Channel{Path: "/c/StockholmsStadsbibliotek"}},
		{raw: "https://www.youtube.com/user/stockholmsstad?sub_confirmation=1", want: Channel{Path: "/user/stockholmsstad"}},
		{raw: "https://www.youtube.com/channel/UC123", wantErr: true},
		{raw: "https://www.youtube.com/channel/", wantErr: true},
		{raw: "https://www.youtube.com/watch?v=xbJNHWMaunM", wantErr: true},
		{raw: "https://www.youtube.com/", wantErr: true},
		{raw: "https://www.youtube.com/c/", wantErr: true},
		{raw: "https://www.youtube.com/@", wantErr: true},
		{raw: "https://www.youtube.com/@a b", wantErr: true},
		{raw: "https://vimeo.com/@kultur", wantErr: true},
		{raw: "https://youtube.com.evil.example/@kultur", wantErr: true},
		{raw: "ftp://www.youtube.com/@kultur", wantErr: true},
		{raw: "", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			got, err := ParseAccountURL(tt.raw)
			if tt.wantErr {
				var fe *scanner.FetchError
				if !errors.As(err, &fe) || fe.Kind != scanner.ErrInvalidInput || fe.URL != tt.raw {
					t.Fatalf("ParseAccountURL(%q) = %+v, %v; want an ErrInvalidInput naming the link", tt.raw, got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseAccountURL(%q) = %+v, %v; want %+v", tt.raw, got, err, tt.want)
			}
		})
	}
}

func TestChannelPageURL(t *testing.T) {
	c := Channel{Path: "/@kulturforvaltningen"}
	for _, site := range []string{"https://www.youtube.com", "https://www.youtube.com/"} {
		if got := c.PageURL(site); got != "https://www.youtube.com/@kulturforvaltningen" {
			t.Errorf("PageURL(%q) = %q", site, got)
		}
	}
}
