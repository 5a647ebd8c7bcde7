package rules

import (
	"strings"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// TestOfficeTime writes answer times in hours and minutes, as a person
// reads them, never as a decimal fraction of an hour.
func TestOfficeTime(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		d      time.Duration
		sv, en string
	}{
		{0, "mindre än 1 minut kontorstid", "less than 1 minute of office time"},
		{29 * time.Second, "mindre än 1 minut kontorstid", "less than 1 minute of office time"},
		{time.Minute, "1 minut kontorstid", "1 minute of office time"},
		{20 * time.Minute, "20 minuter kontorstid", "20 minutes of office time"},
		{time.Hour, "1 timme kontorstid", "1 hour of office time"},
		{75 * time.Minute, "1 timme och 15 minuter kontorstid", "1 hour and 15 minutes of office time"},
		{2*time.Hour + 36*time.Minute + 40*time.Second, "2 timmar och 37 minuter kontorstid", "2 hours and 37 minutes of office time"},
		{27*time.Hour + time.Minute, "27 timmar och 1 minut kontorstid", "27 hours and 1 minute of office time"},
	} {
		if got := officeTime(tt.d); got.SV != tt.sv || got.EN != tt.en {
			t.Errorf("officeTime(%v) = %q / %q, want %q / %q", tt.d, got.SV, got.EN, tt.sv, tt.en)
		}
	}
}

// TestResponseTimeWords reads the fail message as a communicator would:
// "bara" (only) for a share that falls short, not for none; late answers
// "för sent"; a lone thread after the audit date "publicerat".
func TestResponseTimeWords(t *testing.T) {
	t.Parallel()
	post := "113500000000000028"
	part := withDialogue(append(answeredThreads(), sampleThread(post, novemberAt(9, 9, 0),
		sampleReply("301", post, "lisa", novemberAt(10, 10, 0), "När öppnar utställningen?"),
		sampleReply("302", "301", "", novemberAt(13, 10, 0), "Den öppnar 1 december."),
	))...)
	f := judgeResponse(t, part)
	if want := "Kontot besvarade bara 2 av 3 frågor (66 %) inom 9 kontorstimmar: 1 besvarad för sent."; f.Status != Fail || !strings.Contains(f.Message.SV, want) {
		t.Errorf("%s %q, want fail with %q", f.Status, f.Message.SV, want)
	}
	if want := "The account answered only 2 of 3 questions (66%) within 9 office hours: 1 answered late."; !strings.Contains(f.Message.EN, want) {
		t.Errorf("%q, want %q", f.Message.EN, want)
	}
	none := withDialogue(sampleThread(post, novemberAt(9, 9, 0),
		sampleReply("301", post, "lisa", novemberAt(10, 10, 0), "När öppnar utställningen?")))
	f = judgeResponse(t, none)
	if strings.Contains(f.Message.SV, "bara") || strings.Contains(f.Message.EN, "only") || !strings.Contains(f.Message.EN, "The account answered 0 of 1 question (0%)") {
		t.Errorf("none answered: %q / %q", f.Message.SV, f.Message.EN)
	}

	// One thread of two published after the audit date.
	res := withDialogue(sampleThread(post, novemberAt(9, 9, 0)), sampleThread("113500000000000040", novemberAt(23, 9, 0)))
	res.Fetched.Dialogue.Threads[0].Replies = []scanner.Reply{sampleReply("301", post, "lisa", novemberAt(10, 10, 0), "Tack!")}
	ev := evidenceText(judgeResponse(t, res), "sv")
	if want := "; 1 av dem är publicerat efter granskningsdagen och räknas inte"; !strings.Contains(ev, want) {
		t.Errorf("evidence lacks %q:\n%s", want, ev)
	}
}
