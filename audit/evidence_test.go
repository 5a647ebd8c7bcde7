package audit

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// TestCitePostsCitesThePageThePostCameFrom gives an account two pages of
// posts in the bundle: a finding naming a post of the second page cites
// that page's record, not the first page's nor the account's profile.
func TestCitePostsCitesThePageThePostCameFrom(t *testing.T) {
	page1 := "https://mastodon.example/api/v1/accounts/1/statuses?limit=40"
	page2 := "https://mastodon.example/api/v1/accounts/1/statuses?limit=40&max_id=200"
	writers := map[string]scanner.Citation{
		"https://mastodon.example/api/v1/accounts/lookup?acct=kultur": {File: "bevis/kultur.warc.gz", RecordID: "urn:uuid:profile"},
		page1: {File: "bevis/kultur.warc.gz", RecordID: "urn:uuid:page1"},
		page2: {File: "bevis/kultur.warc.gz", RecordID: "urn:uuid:page2"},
	}
	recs := map[string]scanner.Citation{}
	for k, v := range writers {
		recs[k] = v
	}
	j := rules.Judged{
		Result: scanner.Result{
			Records: recs,
			Fetched: scanner.Fetched{Posts: []scanner.Post{
				{ID: "300", URL: "https://mastodon.example/@kultur/300", Source: page1},
				{ID: "150", URL: "https://mastodon.example/@kultur/150", Source: page2},
				{ID: "140", URL: "https://mastodon.example/@kultur/140", Source: page2},
			}},
		},
		Findings: []rules.Finding{
			{Rule: rules.PersonalData, Status: rules.Fail, Evidence: []rules.Evidence{{Value: "19811218-****", URL: "https://mastodon.example/@kultur/150"}}},
			{Rule: rules.InactiveAccount, Status: rules.Pass, Evidence: []rules.Evidence{{Value: "2026-11-20", URL: "https://mastodon.example/@kultur/300"}, {Value: "–", URL: "https://mastodon.example/@kultur"}}},
		},
	}
	citePosts(&j)
	for post, want := range map[string]string{"https://mastodon.example/@kultur/150": "urn:uuid:page2", "https://mastodon.example/@kultur/300": "urn:uuid:page1"} {
		if got := j.Result.Records[post].RecordID; got != want {
			t.Errorf("%s cites %q, want %q", post, got, want)
		}
	}
	if _, ok := j.Result.Records["https://mastodon.example/@kultur/140"]; ok {
		t.Error("a post no finding names was added to the records")
	}
	if len(j.Result.Records) != len(writers)+2 {
		t.Errorf("%d records, want the %d fetched and the 2 posts named", len(j.Result.Records), len(writers))
	}
	if len(recs) != len(writers) {
		t.Error("citePosts changed the writer's own map")
	}

	// Without a bundle nothing is added.
	j.Result.Records = nil
	citePosts(&j)
	if j.Result.Records != nil {
		t.Errorf("records %v without a bundle", j.Result.Records)
	}
}

// TestDemoPostFindingsCiteTheirPage audits the demo with --evidence and
// follows every citation of a Mastodon account's own post in results.json
// into the bundle: it must be a response record whose body holds that
// post. A page robots.txt forbade cites the robots.txt answer. A reply
// under a post (Östermalm's unanswered questions and the personnummer in
// a visitor's reply) cites the thread's answer, which holds the reply.
func TestDemoPostFindingsCiteTheirPage(t *testing.T) {
	t.Parallel()
	opts, _ := demoOptions(t)
	opts.Evidence = true
	a, err := Open(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := a.Run(context.Background(), &recordingProgress{}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(opts.Out, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Accounts []struct {
			URL      string `json:"url"`
			Findings []struct {
				Rule     string `json:"rule"`
				Evidence []struct {
					URL    string `json:"url"`
					Record *struct {
						File string `json:"file"`
						ID   string `json:"id"`
					} `json:"record"`
				} `json:"evidence"`
			} `json:"findings"`
		} `json:"accounts"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	postPage := regexp.MustCompile(`^https://mastodon\.demo\.example/@[a-z_]+/(\d+)$`)
	checked := map[string]bool{}
	// A reply's page on any Mastodon server: a visitor may be elsewhere.
	replyPage := regexp.MustCompile(`^https://[a-z.]+\.demo\.example/@[a-z_]+/\d+$`)
	checkedReply := map[string]bool{}
	for _, acc := range doc.Accounts {
		for _, f := range acc.Findings {
			for _, e := range f.Evidence {
				m := postPage.FindStringSubmatch(e.URL)
				if reply := replyPage.MatchString(e.URL) && !strings.HasPrefix(e.URL, acc.URL+"/"); reply &&
					(f.Rule == rules.ResponseTime || f.Rule == rules.PersonalData) {
					// A reply by someone else, read from its thread:
					// the answer cited must hold the reply's page.
					if e.Record == nil {
						t.Errorf("%s: the evidence of reply %s cites no record", f.Rule, e.URL)
						continue
					}
					body := responseRecord(t, filepath.Join(opts.Out, e.Record.File), e.Record.ID)
					if !regexp.MustCompile(`"url":\s*"`+regexp.QuoteMeta(e.URL)+`"`).Match(body) || !bytes.Contains(body, []byte(`"descendants"`)) {
						t.Errorf("%s: reply %s cites %s, whose answer is not the thread holding the reply", f.Rule, e.URL, e.Record.ID)
					}
					checkedReply[f.Rule] = true
					continue
				}
				if m == nil || !strings.HasPrefix(e.URL, acc.URL+"/") {
					continue
				}
				if e.Record == nil {
					t.Errorf("%s: the evidence of post %s cites no record", f.Rule, e.URL)
					continue
				}
				body := responseRecord(t, filepath.Join(opts.Out, e.Record.File), e.Record.ID)
				if !regexp.MustCompile(`"id":\s*"` + m[1] + `"`).Match(body) {
					t.Errorf("%s: post %s cites %s, whose answer does not hold the post", f.Rule, e.URL, e.Record.ID)
				}
				checked[f.Rule] = true
			}
		}
	}
	for _, r := range []string{rules.InactiveAccount, rules.PersonalData} {
		if !checked[r] {
			t.Errorf("no %s evidence naming a post was checked; checked %v", r, checked)
		}
	}
	for _, r := range []string{rules.ResponseTime, rules.PersonalData} {
		if !checkedReply[r] {
			t.Errorf("no %s evidence naming a reply was checked; checked %v", r, checkedReply)
		}
	}

	// Stadsbiblioteket's comment rules sit where biblioteket.stockholm.se's
	// robots.txt forbids: moderation-info's evidence of the page cites the
	// robots.txt answer the scan obeyed.
	const terms = "https://biblioteket.stockholm.se/om-biblioteket/kommentarsregler"
	robots := false
	for _, acc := range doc.Accounts {
		for _, f := range acc.Findings {
			for _, e := range f.Evidence {
				if f.Rule != rules.ModerationInfo || e.URL != terms || e.Record == nil {
					continue
				}
				rec := responseRecord(t, filepath.Join(opts.Out, e.Record.File), e.Record.ID)
				if !bytes.Contains(rec, []byte("WARC-Target-URI: https://biblioteket.stockholm.se/robots.txt")) || !bytes.Contains(rec, []byte("Disallow: /om-biblioteket/")) {
					t.Errorf("the forbidden terms page cites %s, which is not the robots.txt that forbade it:\n%s", e.Record.ID, rec)
				}
				robots = true
			}
		}
	}
	if !robots {
		t.Errorf("no moderation-info evidence of %s cites a record", terms)
	}
}

// responseRecord returns the response record id in the WARC file at path,
// its whole header and block.
func responseRecord(t *testing.T, path, id string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(raw, []byte("WARC-Record-ID: <"+id+">"))
	if at < 0 {
		t.Fatalf("%s has no record %s", path, id)
	}
	start := bytes.LastIndex(raw[:at], []byte("WARC/1.1\r\n"))
	if !bytes.Contains(raw[start:at], []byte("WARC-Type: response")) {
		t.Fatalf("%s: record %s is not a response", path, id)
	}
	rec := raw[start:]
	if end := bytes.Index(rec, []byte("\r\n\r\nWARC/1.1\r\n")); end >= 0 {
		rec = rec[:end]
	}
	return rec
}

// TestCitePostsCitesTheThreadARepliesCameFrom gives an account a post and
// two threads in the bundle: a finding naming a reply cites its thread's
// answer, a reply of the other thread the other answer; the post's page
// keeps the timeline it came from though its thread was read too, and a
// thread whose answer was not recorded adds nothing.
func TestCitePostsCitesTheThreadARepliesCameFrom(t *testing.T) {
	timeline := "https://mastodon.example/api/v1/accounts/1/statuses?limit=40"
	ctx1 := "https://mastodon.example/api/v1/statuses/300/context"
	ctx2 := "https://mastodon.example/api/v1/statuses/200/context"
	ctx3 := "https://mastodon.example/api/v1/statuses/100/context" // not in the bundle
	recs := map[string]scanner.Citation{
		timeline: {File: "bevis/kultur.warc.gz", RecordID: "urn:uuid:timeline"},
		ctx1:     {File: "bevis/kultur.warc.gz", RecordID: "urn:uuid:ctx1"},
		ctx2:     {File: "bevis/kultur.warc.gz", RecordID: "urn:uuid:ctx2"},
	}
	post := "https://mastodon.example/@kultur/300"
	q1 := "https://social.example/@lena/901"
	q2 := "https://mastodon.example/@omar/902"
	q3 := "https://mastodon.example/@anna/903"
	j := rules.Judged{
		Result: scanner.Result{
			Records: recs,
			Fetched: scanner.Fetched{
				Posts: []scanner.Post{{ID: "300", URL: post, Source: timeline}},
				Dialogue: &scanner.Dialogue{Threads: []scanner.Thread{
					{PostID: "300", URL: post, Source: ctx1, Replies: []scanner.Reply{{ID: "11", URL: q1}}},
					{PostID: "200", URL: "https://mastodon.example/@kultur/200", Source: ctx2, Replies: []scanner.Reply{{ID: "12", URL: q2}}},
					{PostID: "100", URL: "https://mastodon.example/@kultur/100", Source: ctx3, Replies: []scanner.Reply{{ID: "13", URL: q3}}},
				}},
			},
		},
		Findings: []rules.Finding{
			{Rule: rules.ResponseTime, Status: rules.Fail, Evidence: []rules.Evidence{{URL: q2}, {URL: q3}}},
			{Rule: rules.PersonalData, Status: rules.Fail, Evidence: []rules.Evidence{{URL: post}, {URL: q1}}},
		},
	}
	citePosts(&j)
	for page, want := range map[string]string{post: "urn:uuid:timeline", q1: "urn:uuid:ctx1", q2: "urn:uuid:ctx2"} {
		if got := j.Result.Records[page].RecordID; got != want {
			t.Errorf("%s cites %q, want %q", page, got, want)
		}
	}
	if c, ok := j.Result.Records[q3]; ok {
		t.Errorf("a reply whose thread is not in the bundle cites %v", c)
	}
	if len(j.Result.Records) != 6 {
		t.Errorf("%d records, want the 3 fetched and the 3 pages named: %v", len(j.Result.Records), j.Result.Records)
	}
}
