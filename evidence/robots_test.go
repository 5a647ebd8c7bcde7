package evidence

import (
	"bytes"
	"net/http"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

// TestRecordRobotsKeepsWhatTheScanObeyed hears the robots.txt answers of
// three page requests of one account: the answer is archived once, under
// the origin's robots.txt, and the page it forbade is cited with it, so a
// finding "robots.txt forbids the page" points at the rule it obeyed.
// An answer that never arrived keeps nothing. The bundle verifies.
func TestRecordRobotsKeepsWhatTheScanObeyed(t *testing.T) {
	dir := t.TempDir()
	w, err := NewWriter(dir, Options{FileBase: slugs, Now: testClock()})
	if err != nil {
		t.Fatal(err)
	}
	acc := scanner.Account{Row: 3, Administration: "Kulturförvaltningen", URL: "https://mastodon.example/@stadsbiblioteket"}
	answer := &scanner.Response{URL: "https://biblioteket.stockholm.se/robots.txt", StatusCode: 200,
		Header: http.Header{"Content-Type": {"text/plain; charset=utf-8"}}, Body: []byte("User-agent: *\nDisallow: /om-biblioteket/\n")}
	forbidden := "https://biblioteket.stockholm.se/om-biblioteket/kommentarsregler"
	allowed := "https://biblioteket.stockholm.se/"
	w.RecordRobots(acc, forbidden, false, answer)
	w.RecordRobots(acc, allowed, true, answer)
	w.RecordRobots(acc, "https://start.stockholm/villkor/", false, nil)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	cites := w.Citations(acc)
	robots, ok := cites[answer.URL]
	if !ok {
		t.Fatalf("citations %v lack %s", cites, answer.URL)
	}
	if got := cites[forbidden]; got != robots {
		t.Errorf("the forbidden page cites %+v, want the robots.txt record %+v", got, robots)
	}
	for _, u := range []string{allowed, "https://start.stockholm/villkor/", "https://start.stockholm/robots.txt"} {
		if c, ok := cites[u]; ok {
			t.Errorf("%s cited %+v: it rests on no robots.txt answer of its own", u, c)
		}
	}
	files := unpacked(t, dir)
	if len(files) != 1 {
		t.Fatalf("%d files, want the administration's one", len(files))
	}
	var raw []byte
	for _, b := range files {
		raw = b
	}
	if n := bytes.Count(raw, []byte("WARC-Type: response")); n != 1 {
		t.Errorf("%d response records, want the robots.txt answer once", n)
	}
	if !bytes.Contains(raw, []byte("Disallow: /om-biblioteket/")) {
		t.Error("the archived answer lacks the rule that was obeyed")
	}
	writeResults(t, dir, cites)
	c, err := Verify(dir)
	if err != nil || !c.OK() {
		t.Errorf("Verify = %+v, %v", c, err)
	}
}
