package affiliation

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stockholm-stad/smaudit/scanner"
)

// TestClaimsReadPageAsBrowsers reads claims the way the shared page
// reader does for every caller: relative links resolve against <base
// href>, link types are case-insensitive, a blank href claims nothing, and
// mailto: links prove nothing.
func TestClaimsReadPageAsBrowsers(t *testing.T) {
	t.Parallel()
	const html = `<head><base href="https://kultur.stockholm.se/sv/"></head><body>
<a rel="Me" href="@kultur">Mastodon</a>
<a rel="me" href="  ">tom</a>
<a rel="me" href="mailto:kultur@stockholm.se">E-post</a>
<a href="https://bsky.app/profile/kultur.stockholm.se">utan rel</a>
<script type="application/ld+json">{"sameAs": ["youtube", " "]}</script></body>`
	got := claims([]byte(html), "https://kultur.stockholm.se/om/index.html")
	want := []claim{
		{kind: scanner.ProofRelMe, to: "https://kultur.stockholm.se/sv/@kultur"},
		{kind: scanner.ProofSameAs, to: "https://kultur.stockholm.se/sv/youtube"},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(claim{})); diff != "" {
		t.Errorf("claims (-want +got):\n%s", diff)
	}
}
