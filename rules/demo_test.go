package rules_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/demo"
	"github.com/stockholm-stad/smaudit/fixtureserver"
	"github.com/stockholm-stad/smaudit/registry"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
	"github.com/stockholm-stad/smaudit/scanner/affiliation"
	"github.com/stockholm-stad/smaudit/scanner/bluesky"
	"github.com/stockholm-stad/smaudit/scanner/mastodon"
	"github.com/stockholm-stad/smaudit/scanner/meta"
	"github.com/stockholm-stad/smaudit/scanner/terms"
	"github.com/stockholm-stad/smaudit/scanner/web"
	"github.com/stockholm-stad/smaudit/scanner/xapi"
	"github.com/stockholm-stad/smaudit/scanner/youtube"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/demo")

var (
	demoOnce   sync.Once
	demoJudged []rules.Judged
	demoErr    error
)

// judgedDemo scans the demo registry against its recordings, as `smaudit
// demo` does with tokens for Meta and X set, and judges every account on
// the demo's audit date. It is scanned once for all tests.
func judgedDemo(t testing.TB) []rules.Judged {
	t.Helper()
	demoOnce.Do(func() { demoJudged, demoErr = scanDemo(rules.SampleAsOf) })
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	return demoJudged
}

func scanDemo(asOf time.Time) ([]rules.Judged, error) {
	data, err := demo.Registry()
	if err != nil {
		return nil, err
	}
	reg, err := registry.ParseCSV("registry.csv", bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	hosts, err := demo.Hosts()
	if err != nil {
		return nil, err
	}
	srv, err := fixtureserver.Start(hosts)
	if err != nil {
		return nil, err
	}
	defer srv.Close()
	f, err := srv.Fetcher()
	if err != nil {
		return nil, err
	}
	cfg := rules.DefaultConfig()
	prover := affiliation.New(f, func(acc scanner.Account) []string {
		return rules.AccountDomains(cfg, acc.Website)
	}, affiliation.DefaultMaxPages)
	bc := bluesky.DefaultConfig()
	bc.AppView = "https://appview.demo.example"
	yc := youtube.DefaultConfig()
	yc.Site, yc.APIBase = "https://youtube.demo.example", "https://youtube-api.demo.example/youtube/v3"
	mc := meta.DefaultConfig()
	mc.GraphBase, mc.InstagramUserID, mc.Token = "https://graph.demo.example/v21.0", "17841400000000001", "demo"
	xc := xapi.DefaultConfig()
	xc.APIBase, xc.BearerToken = "https://api.x.demo.example/2", "demo"
	adapters := map[scanner.Platform]scanner.Adapter{
		scanner.Mastodon:  prover.Wrap(mastodon.New(f)),
		scanner.Bluesky:   prover.Wrap(bluesky.New(f, bc)),
		scanner.YouTube:   prover.Wrap(youtube.New(f, yc)),
		scanner.Web:       web.New(f),
		scanner.LinkedIn:  scanner.Unavailable(scanner.NoPublicSurface),
		scanner.Facebook:  prover.Wrap(meta.NewFacebook(f, mc)),
		scanner.Instagram: prover.Wrap(meta.NewInstagram(f, mc)),
		scanner.X:         prover.Wrap(xapi.New(f, xc)),
	}
	reader := terms.New(f, rules.TermsLink(cfg))
	for p, a := range adapters {
		if _, ok := a.(scanner.Unavailable); !ok {
			adapters[p] = reader.Wrap(a)
		}
	}
	catalog := rules.All(cfg)
	results := scanner.Scan(context.Background(), reg.Accounts, adapters, cfg.EarliestNeeded(asOf), scanner.Options{Concurrency: 4})
	judged := make([]rules.Judged, len(results))
	for i, res := range results {
		judged[i] = rules.Judge(catalog, res, asOf)
	}
	return judged, nil
}

// findingsText writes every judged account's findings in lang: status,
// rule, message and evidence, as a person reads them in a report.
func findingsText(judged []rules.Judged, lang string) string {
	var b strings.Builder
	catalog := rules.All(rules.DefaultConfig())
	for _, j := range judged {
		a := j.Result.Account
		fmt.Fprintf(&b, "## %s – %s (%s, rad %d)\n", a.Administration, a.Name, a.PlatformName, a.Row)
		for _, f := range j.Findings {
			fmt.Fprintf(&b, "%s %s: %s\n", f.Status, f.Rule, f.Message.In(lang))
			for _, e := range f.Evidence {
				fmt.Fprintf(&b, "    %s: %s", e.Label.In(lang), e.ValueIn(lang))
				if e.URL != "" && e.URL != e.ValueIn(lang) {
					fmt.Fprintf(&b, " <%s>", e.URL)
				}
				if e.Source != "" {
					fmt.Fprintf(&b, " [source %s]", e.Source)
				}
				b.WriteString("\n")
			}
			if r, ok := rules.Find(catalog, f.Rule); ok && f.Status == rules.Fail {
				fmt.Fprintf(&b, "    => %s\n", r.FixFor(j.Result.Account).In(lang))
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestDemoFindingsGolden holds every finding of the demo, in Swedish and
// English, to testdata/demo/findings.<lang>.txt; `go test ./rules -update`
// rewrites them, and the diff is read like code.
func TestDemoFindingsGolden(t *testing.T) {
	t.Parallel()
	judged := judgedDemo(t)
	for _, lang := range []string{"sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			got := findingsText(judged, lang)
			path := filepath.Join("testdata", "demo", "findings."+lang+".txt")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("findings differ from %s; run go test ./rules -update and read the diff", path)
			}
		})
	}
}

// englishWords are words of English that have no business in a Swedish
// report; the words of the issue that found them ("is not an http(s)
// URL", "Record not found", "Service Unavailable", "1 errors") among them.
var englishWords = []string{
	"the", "is", "not", "an", "and", "of", "found", "record", "unavailable",
	"error", "errors", "invalid", "input", "feed", "forbids", "account", "accounts",
	"page", "timeout", "request", "server", "answer", "days", "posts", "post", "week",
	"missing", "unknown", "skipped", "profile", "link", "links", "with", "without",
}

// wordRe splits prose into words; URLs and addresses are removed first.
var (
	urlRe  = regexp.MustCompile(`(?i)\b(?:https?|htps|mailto|tel)[:/][^\s>\])"]+|\S+@\S+\.\w+|\b[\w.-]+\.(?:se|example|stockholm|social)\b\S*`)
	wordRe = regexp.MustCompile(`[\p{L}-]+`)
)

// TestDemoSwedishHasNoEnglish reads every Swedish text the demo's findings
// carry (messages, evidence labels and values as a Swedish report shows
// them, fix texts) and fails on any English word. The account's own words
// quoted as evidence (matched text, descriptions) are the account's and
// are Swedish in the demo, so they are read too.
func TestDemoSwedishHasNoEnglish(t *testing.T) {
	t.Parallel()
	english := map[string]bool{}
	for _, w := range englishWords {
		english[w] = true
	}
	seen := 0
	catalog := rules.All(rules.DefaultConfig())
	for _, j := range judgedDemo(t) {
		for _, f := range j.Findings {
			texts := []string{f.Message.SV}
			if r, ok := rules.Find(catalog, f.Rule); ok {
				texts = append(texts, r.FixFor(j.Result.Account).SV)
			}
			for _, e := range f.Evidence {
				texts = append(texts, e.Label.SV, e.ValueIn("sv"))
			}
			for _, s := range texts {
				for _, w := range wordRe.FindAllString(urlRe.ReplaceAllString(s, " "), -1) {
					seen++
					if english[strings.ToLower(w)] {
						t.Errorf("%s, %s: English %q in %q", j.Result.Account.Name, f.Rule, w, s)
						break
					}
				}
			}
		}
	}
	if seen < 1000 {
		t.Errorf("read %d words; the demo's findings should hold thousands", seen)
	}
}

// TestDemoFiguresAgree holds every figure a finding's text shows to the
// same figure in its evidence, as a report in either language shows both:
// the posting rate and its period, the days since the latest post, the
// characters of a description.
func TestDemoFiguresAgree(t *testing.T) {
	t.Parallel()
	checked := 0
	for _, j := range judgedDemo(t) {
		for _, f := range j.Findings {
			for _, lang := range []string{"sv", "en"} {
				msg := f.Message.In(lang)
				for _, e := range f.Evidence {
					var want string
					switch e.Label.SV {
					case "Egna inlägg per vecka":
						want = e.ValueIn(lang) + map[string]string{"sv": " per vecka", "en": " a week"}[lang]
					case "Period":
						// "2026-09-28 – 2026-11-20 (54 dagar)" in the
						// evidence is "54 dagar (2026-09-28 – 2026-11-20)"
						// in the text.
						v := e.ValueIn(lang)
						i := strings.Index(v, " (")
						want = strings.TrimSuffix(v[i+2:], ")") + " (" + v[:i] + ")"
					case "Egna inlägg i perioden":
						want = e.ValueIn(lang) + " "
					case "Dagar sedan dess":
						if e.Value == "0" {
							continue
						}
						want = e.ValueIn(lang) + " "
					case "Antal tecken (utan länkar och kontaktuppgifter)":
						want = e.ValueIn(lang) + " "
					default:
						continue
					}
					checked++
					if !strings.Contains(msg, want) {
						t.Errorf("%s, %s (%s): text %q does not show the evidence's %q", j.Result.Account.Name, f.Rule, lang, msg, want)
					}
					if lang == "sv" && regexp.MustCompile(`\d\.\d`).MatchString(e.ValueIn(lang)) {
						t.Errorf("%s, %s: Swedish evidence %q has a decimal point", j.Result.Account.Name, f.Rule, e.ValueIn(lang))
					}
				}
				if lang == "sv" && regexp.MustCompile(`\b1 dagar|\b1 errors|\b1 egna|\d\.\d+ per vecka`).MatchString(msg) {
					t.Errorf("%s, %s: %q", j.Result.Account.Name, f.Rule, msg)
				}
			}
		}
	}
	if checked < 50 {
		t.Errorf("compared %d figures; the demo has far more", checked)
	}
}

// TestDemoFixesNameTheirOwnAdministration checks every failing finding's
// fix in the demo: it names no administration but the account's own.
func TestDemoFixesNameTheirOwnAdministration(t *testing.T) {
	t.Parallel()
	catalog := rules.All(rules.DefaultConfig())
	admins := map[string]bool{}
	judged := judgedDemo(t)
	for _, j := range judged {
		admins[j.Result.Account.Administration] = true
	}
	checked := 0
	for _, j := range judged {
		own := j.Result.Account.Administration
		for _, f := range j.Findings {
			r, ok := rules.Find(catalog, f.Rule)
			if !ok || f.Status != rules.Fail {
				continue
			}
			fix := r.FixFor(j.Result.Account)
			for _, lang := range []string{"sv", "en"} {
				for a := range admins {
					if a != own && strings.Contains(fix.In(lang), a) {
						t.Errorf("%s (%s), %s: fix names %s: %q", j.Result.Account.Name, own, f.Rule, a, fix.In(lang))
					}
				}
			}
			if f.Rule == rules.CityAffiliation && !strings.Contains(fix.SV, own) {
				t.Errorf("%s, %s: fix %q does not name %s", j.Result.Account.Name, f.Rule, fix.SV, own)
			}
			checked++
		}
	}
	if checked < 20 {
		t.Errorf("checked %d fixes; the demo fails far more", checked)
	}
}

// TestDemoEvidenceLinksPages checks every evidence link of the demo: it
// opens a page a person would look at, never an API endpoint (those are
// Sources), and a report writing "value (URL)" prints no address twice.
func TestDemoEvidenceLinksPages(t *testing.T) {
	t.Parallel()
	api := regexp.MustCompile(`/api/|/xrpc/|graph\.|api\.x\.|youtube-api\.|/youtube/v3/`)
	links := 0
	for _, j := range judgedDemo(t) {
		for _, f := range j.Findings {
			for _, e := range f.Evidence {
				if e.URL == "" {
					continue
				}
				links++
				if api.MatchString(e.URL) {
					t.Errorf("%s, %s: %q links the API %s", j.Result.Account.Name, f.Rule, e.Label.SV, e.URL)
				}
				for _, lang := range []string{"sv", "en"} {
					if v := e.ValueIn(lang); v != e.URL && strings.Contains(v, e.URL) {
						t.Errorf("%s, %s: value %q repeats its link %s", j.Result.Account.Name, f.Rule, v, e.URL)
					}
				}
				if e.Source == e.URL {
					t.Errorf("%s, %s: Source repeats URL %s", j.Result.Account.Name, f.Rule, e.URL)
				}
			}
		}
	}
	if links < 100 {
		t.Errorf("%d evidence links; the demo has far more", links)
	}
}
