package rules

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/stockholm-stad/smaudit/scanner"
)

// ResponseConfig sets what response-time holds an account's answers to.
// The policy asks for answers "under normal kontorstid och utan onödigt
// dröjsmål" and names no number: the defaults are the communications
// unit's reading of it.
type ResponseConfig struct {
	// MaxOfficeHours is how many office hours may pass between a question
	// and the account's answer.
	MaxOfficeHours float64 `yaml:"max-office-hours"`
	// MinShare is the share of counted questions, 0 to 1, that must be
	// answered within MaxOfficeHours.
	MinShare float64 `yaml:"min-share"`
	// QuestionWords make a sentence a question when it opens with one,
	// though it ends without a question mark; matched case-insensitively
	// as whole words.
	QuestionWords []string `yaml:"question-words"`
	// OfficeHours is the working day the clock runs in, Monday to Friday
	// in Stockholm, Swedish holidays excluded.
	OfficeHours OfficeHours `yaml:"office-hours"`
	// MaxThreads caps how many own posts with replies an adapter reads the
	// replies of, the newest first; 0 leaves the adapters' default
	// (scanner.DefaultMaxThreads).
	MaxThreads int `yaml:"max-threads"`
}

// defaultResponse is one working day: 9 office hours (08–17), for 80 %
// of the questions. The question words open questions that are often
// written without a question mark; words that as often open an
// exclamation ("Vad fint", "Vilken bild", "How nice") are left out, since
// a reply taken for an unanswered question would fail the account.
func defaultResponse() ResponseConfig {
	return ResponseConfig{
		MaxOfficeHours: 9,
		MinShare:       0.8,
		QuestionWords: []string{
			"varför", "hur", "vem", "vart", "undrar", "kan ni", "kan man", "kan jag", "finns det", "går det", "får man", "har ni", "vet ni",
			"why", "how do", "how can", "where", "who", "can you", "can i", "could you", "is there", "are there", "do you", "does",
		},
		OfficeHours: OfficeHours{Start: "08:00", End: "17:00"},
		MaxThreads:  scanner.DefaultMaxThreads,
	}
}

// problems reports r's unusable values through bad, under the key
// response-time.
func (r ResponseConfig) problems(bad func(key, format string, args ...any)) {
	const k = "response-time."
	if !(r.MaxOfficeHours > 0) || math.IsInf(r.MaxOfficeHours, 0) {
		bad(k+"max-office-hours", "%v must be a number above 0", r.MaxOfficeHours)
	}
	if !(r.MinShare > 0 && r.MinShare <= 1) {
		bad(k+"min-share", "%v must be above 0 and at most 1", r.MinShare)
	}
	for i, w := range r.QuestionWords {
		if foldPhrase(w) == "" {
			bad(fmt.Sprintf("%squestion-words[%d]", k, i), "must not be blank")
		}
	}
	start, ok1 := clockTime(r.OfficeHours.Start)
	end, ok2 := clockTime(r.OfficeHours.End)
	if !ok1 {
		bad(k+"office-hours.start", "%q is not a time of day HH:MM", r.OfficeHours.Start)
	}
	if !ok2 {
		bad(k+"office-hours.end", "%q is not a time of day HH:MM", r.OfficeHours.End)
	}
	if ok1 && ok2 && start >= end {
		bad(k+"office-hours.end", "%q must be later than the start %q", r.OfficeHours.End, r.OfficeHours.Start)
	}
	if r.MaxThreads < 0 {
		bad(k+"max-threads", "%d must not be negative (0 keeps the default of %d)", r.MaxThreads, scanner.DefaultMaxThreads)
	}
}

// isQuestion reports whether a reply asks something: a question mark in
// its words (links and handles removed first, so a link's query string
// asks nothing), or a sentence opening with one of words, which are
// folded, unless the sentence ends with an exclamation mark.
func isQuestion(text string, words []string) bool {
	s := urlPattern.ReplaceAllString(text, " ")
	s = bareURLPattern.ReplaceAllString(s, " ")
	s = mentionPattern.ReplaceAllString(s, " ")
	if strings.ContainsAny(s, "?？¿") {
		return true
	}
	start := 0
	for i, r := range s + "\n" {
		if r != '.' && r != '!' && r != '\n' && r != '…' {
			continue
		}
		sentence := s[start:min(i, len(s))]
		start = i + len(string(r))
		if r == '!' {
			continue
		}
		if opensWith(sentence, words) {
			return true
		}
	}
	return false
}

// opensWith reports whether sentence's first words, folded, are one of
// words.
func opensWith(sentence string, words []string) bool {
	s := foldPhrase(sentence)
	s = strings.TrimLeftFunc(s, func(r rune) bool { return !isWordRune(r) })
	for _, w := range words {
		if !strings.HasPrefix(s, w) {
			continue
		}
		rest := s[len(w):]
		if rest == "" || !isWordRune([]rune(rest)[0]) {
			return true
		}
	}
	return false
}

// questionState is what became of one question.
type questionState int

const (
	answeredInTime questionState = iota // answered within the limit
	answeredLate                        // answered, after the limit
	unanswered                          // no answer, and the limit has passed
	pending                             // no answer yet, and the limit has not passed
	unknown                             // no answer in time seen, in a thread not read in full
)

// question is one question to the account and what became of it.
type question struct {
	reply  scanner.Reply
	thread string // the own post's page
	source string // the address the thread's replies were read from
	state  questionState
	took   time.Duration // office time to the answer, when answered
}

// link is the question's page, or its thread's when the platform gives
// the reply none.
func (q question) link() string {
	if q.reply.URL != "" {
		return q.reply.URL
	}
	return q.thread
}

// questionsIn finds the questions others asked the account in the threads
// of d published before end, and what became of each: answered within
// limit office hours or later, unanswered, still within the limit when
// the audit date began (pending), or not answered in time in a thread not
// read in full (unknown: the answer may be in what was not read). Replies
// published at or after end are not seen: an audit of a past date reads
// the threads as they stood then.
//
// A question counts as unanswered only when its time ran out before the
// audit date (due, the start of that day), not during it: the threads
// were read at some hour of the audit date, which the rules do not know,
// and an answer may still have come in time after it. A question asked
// Friday at 16.55 is due Monday at 16.55, so an audit as of that Monday
// holds it pending.
func questionsIn(d *scanner.Dialogue, handles []string, words []string, clock officeClock, limit time.Duration, due, end time.Time) []question {
	var out []question
	for _, t := range d.Threads {
		if !t.Published.Before(end) {
			continue
		}
		replies := make([]scanner.Reply, 0, len(t.Replies))
		byID := make(map[string]scanner.Reply, len(t.Replies))
		for _, r := range t.Replies {
			if r.Published.Before(end) {
				replies = append(replies, r)
				byID[r.ID] = r
			}
		}
		whole := t.Cut == nil && !t.More
		for _, r := range replies {
			if r.ByAccount || !addressed(r, t.PostID, byID, handles) || !isQuestion(r.Text, words) {
				continue
			}
			q := question{reply: r, thread: t.URL, source: t.Source}
			if a, ok := answerTo(r, t.PostID, replies, byID); ok {
				q.took = clock.between(r.Published, a.Published)
				switch {
				case q.took <= limit:
					q.state = answeredInTime
				case whole:
					q.state = answeredLate
				default:
					// An earlier answer may be in what was not read.
					q.state = unknown
				}
			} else {
				switch {
				case !clock.reached(r.Published, due, limit):
					q.state = pending
				case whole:
					q.state = unanswered
				default:
					q.state = unknown
				}
			}
			out = append(out, q)
		}
	}
	return out
}

// addressed reports whether a reply speaks to the account: a direct
// reply to the own post (or a top-level comment), a reply to one of the
// account's replies, or one that mentions the account. Visitors talking
// among themselves under a post ask the account nothing.
func addressed(r scanner.Reply, postID string, byID map[string]scanner.Reply, handles []string) bool {
	if r.Parent == "" || r.Parent == postID {
		return true
	}
	if p, ok := byID[r.Parent]; ok && p.ByAccount {
		return true
	}
	for _, h := range handles {
		if mentions(r.Text, h) {
			return true
		}
	}
	return false
}

// answerTo finds the account's first reply after q that answers it: one
// below q in the thread, one in the same comment's replies (platforms
// that keep a comment's replies flat under it), or one that mentions the
// asker.
func answerTo(q scanner.Reply, postID string, replies []scanner.Reply, byID map[string]scanner.Reply) (scanner.Reply, bool) {
	for _, a := range replies {
		if !a.ByAccount || !a.Published.After(q.Published) {
			continue
		}
		sameComment := q.Parent != "" && q.Parent != postID && a.Parent == q.Parent
		if sameComment || below(a, q.ID, postID, byID) || mentions(a.Text, q.Author) {
			return a, true
		}
	}
	return scanner.Reply{}, false
}

// below reports whether reply a descends from the reply with ID id.
func below(a scanner.Reply, id, postID string, byID map[string]scanner.Reply) bool {
	// A thread's replies are finite; the bound guards against a loop of
	// parents in a malformed answer.
	for range len(byID) + 1 {
		if a.Parent == "" || a.Parent == postID {
			return false
		}
		if a.Parent == id {
			return true
		}
		p, ok := byID[a.Parent]
		if !ok {
			return false
		}
		a = p
	}
	return false
}

// mentions reports whether text names handle: "@anna" for a handle
// "anna", "@anna@social.example" or "@anna.bsky.social"; a display name
// with a space ("Anna Berg", as Facebook tags people) as itself.
func mentions(text, handle string) bool {
	h := strings.TrimPrefix(strings.TrimSpace(handle), "@")
	if h == "" {
		return false
	}
	if strings.ContainsFunc(h, unicode.IsSpace) {
		return containsFold(text, h)
	}
	if i := strings.Index(h, "@"); i > 0 {
		h = h[:i]
	}
	_, ok := foldText(text).find("@" + h)
	return ok
}

// accountHandles are the names the account goes by in its threads: its
// own replies' authors and the last part of its registry link
// ("kulturforvaltningen" of …/@kulturforvaltningen).
func accountHandles(res *scanner.Result) []string {
	var hs []string
	seen := map[string]bool{}
	add := func(h string) {
		h = strings.TrimPrefix(strings.TrimSpace(h), "@")
		if h != "" && !seen[strings.ToLower(h)] {
			seen[strings.ToLower(h)] = true
			hs = append(hs, h)
		}
	}
	u := strings.TrimRight(res.Account.URL, "/")
	if i := strings.LastIndexAny(u, "/"); i >= 0 && strings.Contains(u, "://") {
		add(u[i+1:])
	}
	if d := res.Fetched.Dialogue; d != nil {
		for _, t := range d.Threads {
			for _, r := range t.Replies {
				if r.ByAccount {
					add(r.Author)
				}
			}
		}
	}
	return hs
}

// reached reports whether limit office hours pass between from and to. It
// walks a week at a time and stops once the limit is met, so a question
// asked months before the audit date costs a week's arithmetic, not the
// months'.
func (c officeClock) reached(from, to time.Time, limit time.Duration) bool {
	var sum time.Duration
	for t := from; t.Before(to); {
		next := t.AddDate(0, 0, 7)
		if next.After(to) {
			next = to
		}
		sum += c.between(t, next)
		if sum >= limit {
			return true
		}
		t = next
	}
	return sum >= limit
}

// median is the middle of ds, or the mean of the two middle ones.
func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
