package audit

import (
	"context"
	"fmt"
	"maps"

	"github.com/stockholm-stad/smaudit/evidence"
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
	"github.com/stockholm-stad/smaudit/scanner/crawl"
)

// evidenceWriter opens the evidence bundle, when o asks for one, and has
// the crawl layer tell it which robots.txt answer decided each page an
// account's fetch asked for. Without --evidence it returns nil and leaves
// crawlCfg alone, and the scan runs exactly as before.
func evidenceWriter(o Options, crawlCfg *crawl.Config) (*evidence.Writer, error) {
	if !o.Evidence {
		return nil, nil
	}
	p := o.Config.Platforms
	w, err := evidence.NewWriter(o.Out, evidence.Options{
		FileBase:  model.Slug,
		Secrets:   []string{p.Meta.Token.Reveal(), p.X.BearerToken.Reveal(), p.YouTube.APIKey.Reveal()},
		UserAgent: crawlCfg.UserAgent,
		Software:  generatedBy(o),
	})
	if err != nil {
		return nil, err
	}
	crawlCfg.OnRobots = func(ctx context.Context, page string, allowed bool, answer *scanner.Response) {
		if acc, ok := scanner.AccountOf(ctx); ok {
			w.RecordRobots(acc, page, allowed, answer)
		}
	}
	return w, nil
}

// evidenceFor wraps the fetcher so every response an account's fetch
// receives is written into the bundle w; with no bundle it is f.
func evidenceFor(f scanner.Fetcher, w *evidence.Writer) scanner.Fetcher {
	if w == nil {
		return f
	}
	return scanner.RecordingFetcher(f, w)
}

// closeEvidence finishes the bundle and lets each result cite its
// records. A bundle that could not be finished is cited by nothing, so
// results.json never points into an incomplete archive; the person
// running the scan is told.
func closeEvidence(o Options, w *evidence.Writer, results []scanner.Result) {
	if w == nil {
		return
	}
	if err := w.Close(); err != nil {
		fmt.Fprintf(o.Notices, "warning: the evidence bundle is incomplete and results.json cites none of it: %v\n", err)
		return
	}
	w.Cite(results)
	fmt.Fprintf(o.Notices, "evidence: %d WARC files in %s (check them with: smaudit evidence verify %s)\n", len(w.Files()), evidence.Folder, o.Out)
}

// citePosts lets the findings that rest on a post or a reply cite the
// answer it was read from. A post's own page (its link in a report) was
// never fetched: the post came from a page of the timeline or the feed
// (Post.Source); a reply came from its thread's context, getPostThread,
// commentThreads or comments answer (Thread.Source). For each post or
// reply a finding names, the account's Records gain its page with that
// answer's record, so results.json cites it on the evidence and lists it
// with the account's records. Only pages a finding names are added, and
// only before Settle drops the posts and the replies.
func citePosts(j *rules.Judged) {
	res := &j.Result
	if len(res.Records) == 0 {
		return
	}
	read := map[string]string{} // post or reply page -> the address it was read from
	add := func(page, src string) {
		if page == "" || src == "" {
			return
		}
		if _, ok := read[page]; !ok {
			read[page] = src
		}
	}
	for _, p := range res.Fetched.Posts {
		add(p.URL, p.Source)
	}
	if d := res.Fetched.Dialogue; d != nil {
		for _, t := range d.Threads {
			for _, r := range t.Replies {
				add(r.URL, t.Source)
			}
			// A thread's page is its post's, whose own answer comes
			// first; only a post not among the posts read cites the
			// answer its replies came in.
			add(t.URL, t.Source)
		}
	}
	if len(read) == 0 {
		return
	}
	var recs map[string]scanner.Citation
	for _, f := range j.Findings {
		for _, e := range f.Evidence {
			src, ok := read[e.URL]
			if !ok {
				continue
			}
			c, ok := res.Records[src]
			if _, have := res.Records[e.URL]; !ok || have {
				continue
			}
			if recs == nil {
				// The writer's own map: extend a copy.
				recs = maps.Clone(res.Records)
			}
			recs[e.URL] = c
		}
	}
	if recs != nil {
		res.Records = recs
	}
}
