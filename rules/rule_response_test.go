package rules

import (
	"errors"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/stockholm-stad/smaudit/scanner"
)

// judgeResponse runs response-time with the default config on res as of
// the demo's audit date, Friday 2026-11-20.
func judgeResponse(t *testing.T, res scanner.Result) Finding {
	t.Helper()
	return ruleByID(t, DefaultConfig(), ResponseTime).Check(Input{Result: &res, AsOf: SampleAsOf})
}

// evidenceText is every evidence row of f as a Swedish report shows it.
func evidenceText(f Finding, lang string) string {
	var b strings.Builder
	for _, e := range f.Evidence {
		b.WriteString(e.Label.In(lang) + ": " + e.ValueIn(lang) + " <" + e.URL + ">\n")
	}
	return b.String()
}

func TestResponseTime(t *testing.T) {
	t.Parallel()
	post := "113500000000000028"
	posted := novemberAt(9, 9, 0)
	q := func(id, by string, at time.Time, text string) scanner.Reply {
		return sampleReply(id, post, by, at, text)
	}
	cut := &scanner.FetchError{Kind: scanner.ErrHTTPStatus, StatusCode: 503, URL: "https://mastodon.demo.example/api/v1/statuses/" + post + "/context"}
	tests := []struct {
		name    string
		res     scanner.Result
		want    Status
		msg     string   // in the Swedish message
		ev      []string // in the Swedish evidence
		notInEv []string
	}{
		{
			name: "answered by a reply to the question and by a mention",
			res:  withDialogue(answeredThreads()...),
			want: Pass,
			msg:  "Kontot besvarade 2 av 2 frågor (100 %) inom 9 kontorstimmar; mediantiden till svar var 1 timme och 38 minuter kontorstid.",
			ev:   []string{"Lästa trådar: läste svaren på 2 av 2 inlägg med svar (högst 10 per konto)", "Mediantid till svar: 1 timme och 38 minuter kontorstid"},
		},
		{
			name: "unanswered since 10 November",
			res: withDialogue(sampleThread(post, posted,
				q("301", "lisa", novemberAt(10, 10, 0), "När öppnar utställningen?"),
				q("302", "omar", novemberAt(10, 11, 0), "Finns det hiss till våning tre"),
			)),
			want:    Fail,
			msg:     "Kontot besvarade 0 av 2 frågor (0 %) inom 9 kontorstimmar: 2 obesvarade.",
			ev:      []string{"Obesvarad fråga: ställd 2026-11-10 kl. 10.00 <https://social.example/@lisa/301>", "Obesvarad fråga: ställd 2026-11-10 kl. 11.00 <https://social.example/@omar/302>"},
			notInEv: []string{"lisa:", "omar:", "Mediantid"},
		},
		{
			name: "answered by a reply further down the thread",
			res: withDialogue(sampleThread(post, posted,
				q("301", "lisa", novemberAt(10, 10, 0), "När öppnar utställningen?"),
				sampleReply("302", "301", "omar", novemberAt(10, 10, 20), "Undrar också!"),
				sampleReply("303", "302", "", novemberAt(10, 11, 0), "Den öppnar 1 december."),
			)),
			want: Pass, msg: "mediantiden till svar var 1 timme kontorstid",
		},
		{
			name: "answered in the same comment's replies (a flat platform)",
			res: withDialogue(sampleThread(post, posted,
				q("c1", "lisa", novemberAt(10, 9, 0), "Fin utställning."),
				sampleReply("c1r1", "c1", "omar", novemberAt(10, 10, 0), "@kulturforvaltningen hur länge pågår den?"),
				sampleReply("c1r2", "c1", "", novemberAt(10, 12, 0), "Till och med mars."),
			)),
			want: Pass, msg: "1 av 1 fråga (100 %) inom 9 kontorstimmar; mediantiden till svar var 2 timmar kontorstid",
		},
		{
			name: "answered late, after three working days",
			res: withDialogue(sampleThread(post, posted,
				q("301", "lisa", novemberAt(10, 10, 0), "När öppnar utställningen?"),
				sampleReply("302", "301", "", novemberAt(13, 10, 0), "Den öppnar 1 december."),
			)),
			want: Fail, msg: "Kontot besvarade 0 av 1 fråga (0 %) inom 9 kontorstimmar: 1 besvarad för sent",
			ev: []string{"Sent besvarad fråga: ställd 2026-11-10 kl. 10.00, besvarad efter 27 timmar kontorstid", "Mediantid till svar: 27 timmar kontorstid"},
		},
		{
			name: "median of three answers",
			res: withDialogue(sampleThread(post, posted,
				q("301", "lisa", novemberAt(10, 10, 0), "Är det gratis?"),
				sampleReply("302", "301", "", novemberAt(10, 11, 0), "Ja."),
				q("303", "omar", novemberAt(11, 10, 0), "Behöver man boka?"),
				sampleReply("304", "303", "", novemberAt(11, 12, 0), "Nej."),
				q("305", "eva", novemberAt(12, 10, 0), "Finns det parkering?"),
				sampleReply("306", "305", "", novemberAt(12, 17, 0), "Ja, i garaget."),
			)),
			want: Pass, ev: []string{"Mediantid till svar: 2 timmar kontorstid"},
		},
		{
			name: "a question asked on the audit date is pending, not counted",
			res: withDialogue(sampleThread(post, posted,
				q("301", "lisa", novemberAt(10, 10, 0), "Är det gratis?"),
				sampleReply("302", "301", "", novemberAt(10, 11, 0), "Ja."),
				q("303", "omar", novemberAt(20, 14, 0), "Behöver man boka?"),
			)),
			want: Pass, msg: "1 av 1 fråga (100 %)", ev: []string{"Fråga inom gränsen: ställd 2026-11-20 kl. 14.00, ännu inte besvarad"},
		},
		{
			name: "only a pending question",
			res: withDialogue(sampleThread(post, posted,
				q("303", "omar", novemberAt(20, 14, 0), "Behöver man boka?"),
			)),
			want: Manual, msg: "Ingen fråga till kontot kan räknas – det finns bara 1 fråga som ställdes så nyligen att svarstiden inte hade gått ut före granskningsdagen, så det går inte att bedöma",
		},
		{
			name: "unanswered in a cut thread is not counted",
			res: func() scanner.Result {
				th := sampleThread(post, posted, q("301", "lisa", novemberAt(10, 10, 0), "När öppnar utställningen?"))
				th.Cut = cut
				return withDialogue(th)
			}(),
			want: Manual, msg: "Ingen fråga till kontot kan räknas – det finns bara 1 fråga där tråden inte kunde läsas i sin helhet, så",
			ev: []string{"Tråd som inte lästes i sin helhet: inlägget 2026-11-09", "Fråga utan känt svar: ställd 2026-11-10 kl. 10.00"},
		},
		{
			name: "a thread with more replies than read",
			res: func() scanner.Result {
				th := sampleThread(post, posted, q("301", "lisa", novemberAt(10, 10, 0), "När öppnar utställningen?"))
				th.More = true
				return withDialogue(th)
			}(),
			want: Manual, ev: []string{"plattformen har fler svar än de som lästes"},
		},
		{
			name: "every thread cut before any reply",
			res: func() scanner.Result {
				th := sampleThread(post, posted)
				th.Cut = cut
				return withDialogue(th)
			}(),
			want: Manual, msg: "Svaren under kontots inlägg kunde inte läsas",
		},
		{
			name: "no replies at all",
			res:  withDialogue(),
			want: Manual, msg: "Ingen har svarat på eller kommenterat kontots inlägg", ev: []string{"Lästa trådar: inget av kontots inlägg under perioden har svar"},
		},
		{
			name: "visitors asking each other, and the account asking",
			res: withDialogue(sampleThread(post, posted,
				q("301", "lisa", novemberAt(10, 10, 0), "Snygg affisch."),
				sampleReply("302", "301", "omar", novemberAt(10, 11, 0), "Vem har gjort den?"),
				q("303", "", novemberAt(10, 12, 0), "Vad tycker ni om affischen?"),
			)),
			want: Manual, msg: "Inget av svaren under kontots inlägg är en fråga till kontot",
		},
		{
			name: "replies after the audit date are not seen",
			res: withDialogue(sampleThread(post, posted,
				q("301", "lisa", novemberAt(10, 10, 0), "När öppnar utställningen?"),
				sampleReply("302", "301", "", novemberAt(23, 9, 0), "Den öppnar 1 december."),
			)),
			want: Fail, ev: []string{"Obesvarad fråga"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := judgeResponse(t, tt.res)
			ev := evidenceText(f, "sv")
			if f.Status != tt.want || !strings.Contains(f.Message.SV, tt.msg) {
				t.Errorf("%s: %q\nwant %s with %q\n%s", f.Status, f.Message.SV, tt.want, tt.msg, ev)
			}
			for _, w := range tt.ev {
				if !strings.Contains(ev, w) {
					t.Errorf("evidence lacks %q:\n%s", w, ev)
				}
			}
			for _, w := range tt.notInEv {
				if strings.Contains(ev, w) {
					t.Errorf("evidence holds %q:\n%s", w, ev)
				}
			}
			if f.Message.EN == "" || f.Message.EN == f.Message.SV {
				t.Errorf("English message %q", f.Message.EN)
			}
		})
	}
}

// TestResponseTimeWithoutReplies hands the rule to a person when the
// platform shows no replies, and never fails it.
func TestResponseTimeWithoutReplies(t *testing.T) {
	t.Parallel()
	none := demoFetched(demoProfile(), ownPosts(3, sampleNewest, 24*time.Hour)...)
	hidden := withDialogue()
	hidden.Fetched.Dialogue.Hidden = "the YouTube Data API key is needed to read comments"
	hidden.Fetched.Dialogue.WithReplies = 4
	postsHid := withDialogue(answeredThreads()...)
	postsHid.Fetched.PostsHidden = "robots.txt forbids the feed"
	web := none
	web.Account.Platform, web.Account.PlatformName = scanner.Web, "Webbplats"
	tests := []struct {
		name string
		res  scanner.Result
		msg  string
	}{
		{"an adapter that reads no replies", none, "smaudit läser inte svar och kommentarer på Mastodon"},
		{"a web site", web, "smaudit läser inte svar och kommentarer på webbplatsen"},
		{"replies hidden without a key", hidden, "Plattformen visar inte kommentarerna"},
		{"posts hidden", postsHid, "Plattformen visar inte kontots inlägg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := judgeResponse(t, tt.res)
			if f.Status != Manual || !strings.Contains(f.Message.SV, tt.msg) {
				t.Errorf("%s: %q, want manual with %q", f.Status, f.Message.SV, tt.msg)
			}
		})
	}
	f := judgeResponse(t, hidden)
	if f.Evidence[0].Value != hidden.Fetched.Dialogue.Hidden || strings.Contains(f.Evidence[0].ValueIn("sv"), "API key") {
		t.Errorf("hidden evidence %+v", f.Evidence[0])
	}
}

// TestResponseShare holds the verdict to min-share: 4 of 5 answered in
// time passes at 0,8 and fails at 0,9.
func TestResponseShare(t *testing.T) {
	t.Parallel()
	post := "113500000000000028"
	var rs []scanner.Reply
	for i, day := range []int{10, 11, 12, 13, 16} {
		id := string(rune('a' + i))
		rs = append(rs, sampleReply(id, post, "lisa", novemberAt(day, 10, 0), "Är det gratis?"))
		if i < 4 {
			rs = append(rs, sampleReply(id+"r", id, "", novemberAt(day, 11, 0), "Ja."))
		}
	}
	res := withDialogue(sampleThread(post, novemberAt(9, 9, 0), rs...))
	for _, tt := range []struct {
		share float64
		want  Status
		msg   string
	}{{0.8, Pass, "4 av 5 frågor (80 %)"}, {0.9, Fail, "4 av 5 frågor (80 %)"}} {
		cfg := DefaultConfig()
		cfg.Response.MinShare = tt.share
		f := ruleByID(t, cfg, ResponseTime).Check(Input{Result: &res, AsOf: SampleAsOf})
		if f.Status != tt.want || !strings.Contains(f.Message.SV, tt.msg) {
			t.Errorf("min-share %v: %s %q, want %s", tt.share, f.Status, f.Message.SV, tt.want)
		}
	}
}

func TestIsQuestion(t *testing.T) {
	t.Parallel()
	words := make([]string, 0)
	for _, w := range DefaultConfig().Response.QuestionWords {
		words = append(words, foldPhrase(w))
	}
	tests := []struct {
		text string
		want bool
	}{
		{"När öppnar ni?", true},
		{"Tack! Hur anmäler man sig", true},
		{"Kan ni skicka programmet till skolan", true},
		{"@kulturforvaltningen Finns det hiss", true},
		{"How do I sign up", true},
		{"Hur fint som helst!", false},
		{"Vad fint! Tack för tipset.", false},
		{"Läs mer på https://kultur.stockholm.se/?sida=2", false},
		{"Se kultur.stockholm.se/sok?q=konst", false},
		{"Hurra för biblioteket.", false},
		{"Jag undrar hur det går.", false},
		{"Vi kan ses där.", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isQuestion(tt.text, words); got != tt.want {
			t.Errorf("isQuestion(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestMentions(t *testing.T) {
	tests := []struct {
		text, handle string
		want         bool
	}{
		{"@erik Anmälan görs på webben.", "erik", true},
		{"@erik@social.example tack!", "erik@social.example", true},
		{"Hej @Erik!", "@erik", true},
		{"@erika hej", "erik", false},
		{"Tack @anna.bsky.social", "anna.bsky.social", true},
		{"Hej Anna Berg, det stämmer.", "Anna Berg", true},
		{"Hej Anna, det stämmer.", "Anna Berg", false},
		{"Hej", "", false},
	}
	for _, tt := range tests {
		if got := mentions(tt.text, tt.handle); got != tt.want {
			t.Errorf("mentions(%q, %q) = %v, want %v", tt.text, tt.handle, got, tt.want)
		}
	}
}

func TestMedian(t *testing.T) {
	h := time.Hour
	for _, tt := range []struct {
		in   []time.Duration
		want time.Duration
	}{{nil, 0}, {[]time.Duration{3 * h}, 3 * h}, {[]time.Duration{10 * h, h, 2 * h}, 2 * h}, {[]time.Duration{4 * h, h, 2 * h, 3 * h}, 150 * time.Minute}} {
		if got := median(tt.in); got != tt.want {
			t.Errorf("median(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestResponseConfigFromYAML(t *testing.T) {
	cfg := DefaultConfig()
	in := `
response-time:
  max-office-hours: 4.5
  min-share: 0.9
  question-words: [undrar]
  office-hours: {start: "09:00", end: "16:00"}
  max-threads: 5
`
	if err := yaml.Unmarshal([]byte(in), &cfg); err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	r := ruleByID(t, cfg, ResponseTime)
	for _, want := range []string{"Minst 90 %", "inom 4,5 kontorstimmar", "kl. 09.00–16.00", "”undrar”", "de 5 senaste", "kommunikationsenhetens tolkning av policyns ”utan onödigt dröjsmål”"} {
		if !strings.Contains(r.Thresholds.SV, want) {
			t.Errorf("thresholds %q lack %q", r.Thresholds.SV, want)
		}
	}
	if !strings.Contains(r.Thresholds.EN, "within 4.5 office hours") || !strings.Contains(r.Checks.SV, "4,5 kontorstimmar") {
		t.Errorf("thresholds %q, checks %q", r.Thresholds.EN, r.Checks.SV)
	}
}

func TestResponseConfigErrors(t *testing.T) {
	tests := []struct {
		edit func(*ResponseConfig)
		key  string
	}{
		{func(c *ResponseConfig) { c.MaxOfficeHours = 0 }, "response-time.max-office-hours"},
		{func(c *ResponseConfig) { c.MinShare = 1.5 }, "response-time.min-share"},
		{func(c *ResponseConfig) { c.MinShare = 0 }, "response-time.min-share"},
		{func(c *ResponseConfig) { c.QuestionWords = []string{"hur", " "} }, "response-time.question-words[1]"},
		{func(c *ResponseConfig) { c.OfficeHours.Start = "8" }, "response-time.office-hours.start"},
		{func(c *ResponseConfig) { c.OfficeHours.End = "24:30" }, "response-time.office-hours.end"},
		{func(c *ResponseConfig) { c.OfficeHours = OfficeHours{Start: "17:00", End: "08:00"} }, "response-time.office-hours.end"},
		{func(c *ResponseConfig) { c.MaxThreads = -1 }, "response-time.max-threads"},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			cfg := DefaultConfig()
			tt.edit(&cfg.Response)
			var ce ConfigError
			if err := cfg.Validate(); !errors.As(err, &ce) || ce.Key != tt.key {
				t.Errorf("Validate() = %v, want an error at %s", err, tt.key)
			}
		})
	}
}

// TestPersonalDataReadsReplies fails an account under whose post a
// visitor's reply holds a valid personnummer, linking the reply with the
// number masked, and counts the replies it read; a reply with a bad check
// digit, or one published before the audit period, fails nothing.
func TestPersonalDataReadsReplies(t *testing.T) {
	t.Parallel()
	post := "113500000000000028"
	res := withDialogue(sampleThread(post, novemberAt(9, 9, 0),
		sampleReply("301", post, "lisa", novemberAt(10, 10, 0), "Min son 20120304-2393 fick ingen plats, varför?"),
		sampleReply("302", "301", "", novemberAt(10, 11, 0), "Vi hör av oss i ett direktmeddelande."),
		sampleReply("303", post, "omar", novemberAt(10, 12, 0), "Mitt nummer 20120304-2394 stämmer inte."),
		sampleReply("304", post, "eva", time.Date(2026, 1, 2, 10, 0, 0, 0, Stockholm), "Gammalt: 20120304-2393."),
	))
	r := ruleByID(t, DefaultConfig(), PersonalData)
	f := r.Check(Input{Result: &res, AsOf: SampleAsOf})
	if f.Status != Fail || !strings.Contains(f.Message.SV, "1 av 3 svar under kontots 30 inlägg (2026-08-22 – 2026-11-20) innehåller") {
		t.Fatalf("%s: %q, want fail naming 1 of 3 replies", f.Status, f.Message.SV)
	}
	ev := evidenceText(f, "sv")
	for _, want := range []string{"Personnummer i ett svar: 2026-11-10: 20120304-**** <https://social.example/@lisa/301>", "Lästa inlägg och svar: 30 inlägg och 3 svar under dem (2026-08-22 – 2026-11-20)"} {
		if !strings.Contains(ev, want) {
			t.Errorf("evidence lacks %q:\n%s", want, ev)
		}
	}
	for _, e := range f.Evidence {
		for _, s := range []string{e.Value, e.ValueText.SV, e.ValueText.EN, f.Message.SV, f.Message.EN} {
			if strings.Contains(s, "2393") || strings.Contains(s, "Min son") {
				t.Errorf("%q shows the number", s)
			}
		}
	}
	res.Fetched.Dialogue.Threads[0].Replies = res.Fetched.Dialogue.Threads[0].Replies[1:]
	for i := range res.Fetched.Posts {
		res.Fetched.Posts[i].Text = "Välkommen till biblioteket!"
	}
	if f := r.Check(Input{Result: &res, AsOf: SampleAsOf}); f.Status != Pass {
		t.Errorf("without the valid number: %s %q", f.Status, f.Message.SV)
	}
}

// TestResponseTimeAsOfAPastDate reads threads published after the audit
// date as not yet there: nobody had replied then, or, when older posts
// with replies were left unread by the cap, a person decides.
func TestResponseTimeAsOfAPastDate(t *testing.T) {
	t.Parallel()
	res := withDialogue(answeredThreads()...)
	r := ruleByID(t, DefaultConfig(), ResponseTime)
	f := r.Check(Input{Result: &res, AsOf: SummerAsOf})
	if f.Status != Manual || !strings.Contains(f.Message.SV, "Ingen har svarat på eller kommenterat kontots inlägg under granskningsperioden") {
		t.Errorf("every thread after the audit date: %s %q", f.Status, f.Message.SV)
	}
	if ev := evidenceText(f, "sv"); !strings.Contains(ev, "läste svaren på 2 av 2 inlägg med svar (högst 10 per konto); 2 av dem är publicerade efter granskningsdagen och räknas inte") {
		t.Errorf("evidence does not say the threads came later:\n%s", ev)
	}
	res.Fetched.Dialogue.WithReplies = 5
	f = r.Check(Input{Result: &res, AsOf: SummerAsOf})
	if f.Status != Manual || !strings.Contains(f.Message.SV, "de äldre lästes inte") {
		t.Errorf("older posts with replies unread: %s %q", f.Status, f.Message.SV)
	}
}
