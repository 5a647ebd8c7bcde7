package rules

import (
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// novemberAt is an instant of the demo's November, Stockholm time.
func novemberAt(day, hour, minute int) time.Time {
	return time.Date(2026, 11, day, hour, minute, 0, 0, Stockholm)
}

// sampleReply is one reply in a thread of Kulturförvaltningen's; by ""
// is the account itself.
func sampleReply(id, parent, by string, t time.Time, text string) scanner.Reply {
	r := scanner.Reply{ID: id, Parent: parent, Author: by, Published: t, Text: text,
		URL: "https://mastodon.demo.example/@kulturforvaltningen/" + id}
	if by == "" {
		r.Author, r.ByAccount = "kulturforvaltningen", true
		return r
	}
	r.URL = "https://social.example/@" + by + "/" + id
	return r
}

// sampleThread is Kulturförvaltningen's own post id, published at t, with
// replies.
func sampleThread(id string, t time.Time, replies ...scanner.Reply) scanner.Thread {
	return scanner.Thread{PostID: id, URL: "https://mastodon.demo.example/@kulturforvaltningen/" + id, Published: t, Replies: replies}
}

// withDialogue is Kulturförvaltningen's account with its own posts and the
// replies to them, every thread read.
func withDialogue(threads ...scanner.Thread) scanner.Result {
	posts := ownPosts(30, sampleNewest, 3*24*time.Hour)
	res := demoFetched(demoProfile(), posts...)
	res.Fetched.Dialogue = &scanner.Dialogue{Threads: threads, WithReplies: len(threads), MaxThreads: scanner.DefaultMaxThreads}
	return res
}

// answeredThreads: a question on Friday 13 November at 16.30 answered on
// Monday at 08.45 (1,25 office hours), and one without a question mark,
// "Hur anmäler man sig", answered two hours later by mentioning the asker.
func answeredThreads() []scanner.Thread {
	return []scanner.Thread{
		sampleThread("113500000000000030", novemberAt(17, 9, 0),
			sampleReply("201", "113500000000000030", "erik", novemberAt(17, 11, 0), "Hur anmäler man sig till skrivarkursen"),
			sampleReply("202", "113500000000000030", "", novemberAt(17, 13, 0), "@erik Anmälan görs på kultur.stockholm.se/kurser, välkommen!"),
		),
		sampleThread("113500000000000029", novemberAt(13, 10, 0),
			sampleReply("101", "113500000000000029", "anna", novemberAt(13, 16, 30), "Är Kulturhuset öppet på söndag?"),
			sampleReply("102", "101", "", novemberAt(16, 8, 45), "Ja, kl. 11–17."),
			sampleReply("103", "102", "anna", novemberAt(16, 9, 10), "Tack!"),
		),
	}
}

// responseSamples: questions answered in office hours; two questions of
// 10 November never answered; replies that ask nothing.
var responseSamples = []Sample{
	{Name: "answered in 1,25 and 2 office hours", Result: withDialogue(answeredThreads()...), Want: Pass},
	{Name: "two questions of 2026-11-10 never answered", Result: withDialogue(
		sampleThread("113500000000000028", novemberAt(9, 9, 0),
			sampleReply("301", "113500000000000028", "lisa", novemberAt(10, 10, 0), "När öppnar utställningen?"),
			sampleReply("302", "113500000000000028", "omar", novemberAt(10, 11, 0), "Finns det hiss till våning tre?"),
		)), Want: Fail},
	{Name: "replies without a question", Result: withDialogue(
		sampleThread("113500000000000028", novemberAt(9, 9, 0),
			sampleReply("401", "113500000000000028", "lisa", novemberAt(10, 10, 0), "Vad fint! Tack för tipset."),
			sampleReply("402", "401", "", novemberAt(10, 10, 30), "Varsågod!"),
		)), Want: Manual},
}
