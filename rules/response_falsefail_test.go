package rules

import (
	"strings"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// The three ways response-time could fail an account that did nothing
// wrong: a question whose time ran out only on the audit date itself, a
// thread not read in full, and an answer given beside the question
// rather than under it.

// TestResponseTimeDueOnTheAuditDateIsPending: a question asked on Friday
// 20 November at 16.55 has 5 office minutes that Friday; its 9 hours run
// out on Monday at 16.55. An audit as of that Monday read the threads
// some time that day, before the answer may have come, so the question is
// pending; as of Tuesday it is due and unanswered.
func TestResponseTimeDueOnTheAuditDateIsPending(t *testing.T) {
	t.Parallel()
	post := "113500000000000031"
	friday := sampleThread(post, novemberAt(20, 9, 0),
		sampleReply("501", post, "lisa", novemberAt(20, 16, 55), "Är biblioteket öppet på lördag?"))
	r := ruleByID(t, DefaultConfig(), ResponseTime)
	for _, tt := range []struct {
		asOf time.Time
		want Status
		msg  string
	}{
		{novemberAt(23, 0, 0), Manual, "Ingen fråga till kontot kan räknas – det finns bara 1 fråga som ställdes så nyligen att svarstiden inte hade gått ut före granskningsdagen"},
		{novemberAt(23, 23, 59), Manual, "svarstiden inte hade gått ut"},
		{novemberAt(24, 0, 0), Fail, "Kontot besvarade 0 av 1 fråga (0 %) inom 9 kontorstimmar: 1 obesvarad."},
	} {
		res := withDialogue(friday)
		f := r.Check(Input{Result: &res, AsOf: tt.asOf})
		if f.Status != tt.want || !strings.Contains(f.Message.SV, tt.msg) {
			t.Errorf("as of %s: %s %q\nwant %s with %q\n%s", dateOf(tt.asOf), f.Status, f.Message.SV, tt.want, tt.msg, evidenceText(f, "sv"))
		}
	}
	// Beside an answered question it is left out of the share.
	res := withDialogue(append(answeredThreads(), friday)...)
	f := r.Check(Input{Result: &res, AsOf: novemberAt(23, 0, 0)})
	if f.Status != Pass || !strings.Contains(f.Message.SV, "2 av 2 frågor (100 %)") || !strings.Contains(evidenceText(f, "sv"), "Fråga inom gränsen: ställd 2026-11-20 kl. 16.55, ännu inte besvarad") {
		t.Errorf("with two answered questions: %s %q\n%s", f.Status, f.Message.SV, evidenceText(f, "sv"))
	}
}

// TestResponseTimeCutThreadNeverFails: whatever a thread not read in full
// holds, an answer may be in what was not read, so its questions never
// make the account fail; a whole thread beside it is judged as usual.
func TestResponseTimeCutThreadNeverFails(t *testing.T) {
	t.Parallel()
	post := "113500000000000028"
	cut := &scanner.FetchError{Kind: scanner.ErrHTTPStatus, StatusCode: 503, URL: "https://mastodon.demo.example/api/v1/statuses/" + post + "/context"}
	unanswered := func() scanner.Thread {
		return sampleThread(post, novemberAt(9, 9, 0),
			sampleReply("301", post, "lisa", novemberAt(10, 10, 0), "När öppnar utställningen?"),
			sampleReply("302", post, "omar", novemberAt(10, 11, 0), "Finns det hiss?"))
	}
	late := func() scanner.Thread {
		return sampleThread(post, novemberAt(9, 9, 0),
			sampleReply("301", post, "lisa", novemberAt(10, 10, 0), "När öppnar utställningen?"),
			sampleReply("302", "301", "", novemberAt(13, 10, 0), "Den öppnar 1 december."))
	}
	cutOf := func(th scanner.Thread) scanner.Thread { th.Cut = cut; return th }
	moreOf := func(th scanner.Thread) scanner.Thread { th.More = true; return th }
	for _, tt := range []struct {
		name    string
		threads []scanner.Thread
		want    Status
	}{
		{"unanswered questions in a cut thread", []scanner.Thread{cutOf(unanswered())}, Manual},
		{"a question answered late in a cut thread", []scanner.Thread{cutOf(late())}, Manual},
		{"unanswered questions in a thread with more replies", []scanner.Thread{moreOf(unanswered())}, Manual},
		{"a question answered late in a thread with more replies", []scanner.Thread{moreOf(late())}, Manual},
		{"a cut thread beside answered ones", append(answeredThreads(), cutOf(unanswered())), Pass},
		// The same questions in a whole thread do fail: the check can.
		{"unanswered questions in a whole thread", []scanner.Thread{unanswered()}, Fail},
		{"a question answered late in a whole thread", []scanner.Thread{late()}, Fail},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := judgeResponse(t, withDialogue(tt.threads...))
			if f.Status != tt.want {
				t.Errorf("%s %q, want %s\n%s", f.Status, f.Message.SV, tt.want, evidenceText(f, "sv"))
			}
		})
	}
}

// TestResponseTimeAnsweredBesideTheQuestion: the account may answer with
// a reply of its own to the post that names the asker, not under the
// question; Mastodon's remote handles and Facebook's display names count.
// A reply naming someone else answers nothing.
func TestResponseTimeAnsweredBesideTheQuestion(t *testing.T) {
	t.Parallel()
	post := "113500000000000032"
	thread := func(asker, answer string) scanner.Thread {
		return sampleThread(post, novemberAt(16, 9, 0),
			sampleReply("601", post, asker, novemberAt(16, 10, 0), "Behöver man boka plats?"),
			sampleReply("602", post, "", novemberAt(16, 11, 30), answer))
	}
	for _, tt := range []struct {
		name, asker, answer string
		want                Status
	}{
		{"a local handle", "lisa", "@lisa Nej, det är drop-in.", Pass},
		{"a remote handle, written whole", "lena@social.example", "@lena@social.example Nej, det är drop-in.", Pass},
		{"a remote handle, written short", "lena@social.example", "@lena Nej, det är drop-in.", Pass},
		{"a display name (Facebook)", "Lena Ek", "Lena Ek Nej, det är drop-in.", Pass},
		{"someone else named", "lisa", "@omar Tack för tipset!", Fail},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := judgeResponse(t, withDialogue(thread(tt.asker, tt.answer)))
			if f.Status != tt.want {
				t.Errorf("%s %q, want %s\n%s", f.Status, f.Message.SV, tt.want, evidenceText(f, "sv"))
			}
		})
	}
}
