package rules

import (
	"fmt"
	"strings"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/se"

	"github.com/stockholm-stad/smaudit/scanner"
)

// The policy lets an account post less "vid semester och helgdagar" if it
// says so in a post. Which weeks count as holiday is the communications
// unit's reading, set in config as periods whose ends are a date or a
// Swedish holiday's name; the holidays' dates come from rickar/cal's
// Swedish calendar (midsommarafton moves between 19 and 25 June), not from
// a list kept here.

// HolidayConfig sets the holiday periods and what counts as a post
// announcing a lower pace for one.
type HolidayConfig struct {
	// Periods are the holiday periods; a posting window that overlaps one
	// may hold fewer posts if the account announced it.
	Periods []HolidayPeriod `yaml:"periods"`
	// NoticePhrases are words in a post that announce a lower pace,
	// matched case-insensitively as whole words.
	NoticePhrases []string `yaml:"notice-phrases"`
	// NoticeDaysBefore is how many days before a period's first day a
	// post may announce it; a post on the first day itself counts too.
	NoticeDaysBefore int `yaml:"notice-days-before"`
}

// HolidayPeriod is one holiday period of every year, From to To
// inclusive. Each end is a date "MM-DD" or the name of a Swedish holiday
// ("midsommarafton", "trettondedag jul"; see HolidayNames). A To earlier
// in the year than From ends in the next year.
type HolidayPeriod struct {
	Name   string `yaml:"name"`    // in Swedish, as reports name it: "sommaren"
	NameEN string `yaml:"name-en"` // in English: "the summer"
	From   string `yaml:"from"`
	To     string `yaml:"to"`
}

// DefaultHolidays are the communications unit's holiday periods: summer
// from midsommarafton to 15 August (the weeks most staff take their
// holiday, until schools start), and Christmas to Epiphany, 23 December
// to trettondedag jul (6 January).
func DefaultHolidays() HolidayConfig {
	return HolidayConfig{
		Periods: []HolidayPeriod{
			{Name: "sommaren", NameEN: "the summer", From: "midsommarafton", To: "08-15"},
			{Name: "jul- och nyårshelgerna", NameEN: "the Christmas and New Year holidays", From: "12-23", To: "trettondedag jul"},
		},
		NoticePhrases: []string{
			"sommaruppehåll", "sommaruppehållet", "sommarpaus", "sommarpausen", "semester", "semestern",
			"juluppehåll", "juluppehållet", "uppehåll", "färre inlägg", "mer sällan", "tillbaka i augusti",
			"tillbaka efter sommaren", "tillbaka efter semestern", "tillbaka efter helgerna",
			"summer break", "holiday break", "fewer posts", "back in August", "less often",
		},
		NoticeDaysBefore: 30,
	}
}

// swedishHolidays are the holidays a period may name, by folded name: the
// calendar's own names and the short forms people write.
var swedishHolidays = func() map[string]*cal.Holiday {
	m := map[string]*cal.Holiday{}
	for _, h := range append(se.Holidays[:len(se.Holidays):len(se.Holidays)], se.Paskdagen, se.Pingstdagen) {
		m[foldPhrase(h.Name)] = h
	}
	m["nationaldagen"] = se.Nationaldagen
	m["kristi himmelfärdsdag"] = se.KristiHimmelfardsdag
	return m
}()

// HolidayNames lists the holiday names a period's From or To may give.
func HolidayNames() []string { return sortedKeys(swedishHolidays) }

// dayOf resolves one end of a period in year: midnight Stockholm of that
// day. ok is false when end is neither MM-DD nor a known holiday.
func dayOf(end string, year int) (time.Time, bool) {
	if h, ok := swedishHolidays[foldPhrase(end)]; ok {
		actual, _ := h.Calc(year)
		if actual.IsZero() {
			return time.Time{}, false
		}
		return time.Date(year, actual.Month(), actual.Day(), 0, 0, 0, 0, Stockholm), true
	}
	t, err := time.Parse("01-02", strings.TrimSpace(end))
	if err != nil || t.Format("01-02") != strings.TrimSpace(end) {
		return time.Time{}, false
	}
	return time.Date(year, t.Month(), t.Day(), 0, 0, 0, 0, Stockholm), true
}

// holidayRun is one period of one year: [From, To) at Stockholm
// midnights, To the day after its last day.
type holidayRun struct {
	Period   HolidayPeriod
	From, To time.Time
}

// name is the period's name in both languages.
func (h holidayRun) name() Text {
	return Text{SV: h.Period.Name, EN: h.Period.NameEN}
}

// dates writes the run's first and last day, "2026-06-19 – 2026-08-15".
func (h holidayRun) dates() string {
	return dateOf(h.From) + " – " + dateOf(h.To.AddDate(0, 0, -1))
}

// runsIn returns the periods' runs that overlap [start, end), in time
// order; a period whose ends do not resolve is left out (Validate
// refuses it).
func runsIn(periods []HolidayPeriod, start, end time.Time) []holidayRun {
	var out []holidayRun
	for y := start.In(Stockholm).Year() - 1; y <= end.In(Stockholm).Year(); y++ {
		for _, p := range periods {
			from, ok1 := dayOf(p.From, y)
			to, ok2 := dayOf(p.To, y)
			if !ok1 || !ok2 {
				continue
			}
			if to.Before(from) {
				if to, ok2 = dayOf(p.To, y+1); !ok2 {
					continue
				}
			}
			r := holidayRun{Period: p, From: from, To: to.AddDate(0, 0, 1)}
			if r.From.Before(end) && r.To.After(start) {
				out = append(out, r)
			}
		}
	}
	for i := 1; i < len(out); i++ {
		for k := i; k > 0 && out[k].From.Before(out[k-1].From); k-- {
			out[k], out[k-1] = out[k-1], out[k]
		}
	}
	return out
}

// holidayDays counts the calendar days of [start, end) that fall in one
// of runs.
func holidayDays(runs []holidayRun, start, end time.Time) int {
	n := 0
	for d := start; d.Before(end); d = d.AddDate(0, 0, 1) {
		if inRuns(runs, d) {
			n++
		}
	}
	return n
}

// inRuns reports whether t falls in one of runs.
func inRuns(runs []holidayRun, t time.Time) bool {
	for _, r := range runs {
		if !t.Before(r.From) && t.Before(r.To) {
			return true
		}
	}
	return false
}

// ownPostsOutside counts own posts in [start, end) outside runs.
func ownPostsOutside(posts []scanner.Post, runs []holidayRun, start, end time.Time) int {
	n := 0
	for _, p := range posts {
		if p.Own() && !p.Published.Before(start) && p.Published.Before(end) && !inRuns(runs, p.Published) {
			n++
		}
	}
	return n
}

// notice is an own post announcing a lower pace for a run.
type notice struct {
	post  scanner.Post
	quote string // the sentence that holds the phrase
}

// noticeFrom is the first instant a notice of r may be published.
func (h HolidayConfig) noticeFrom(r holidayRun) time.Time {
	return r.From.AddDate(0, 0, -h.NoticeDaysBefore)
}

// noticeFor finds the own post, published from NoticeDaysBefore days
// before the run's first day to the end of that day, whose text holds a
// notice phrase: the latest such post.
func (h HolidayConfig) noticeFor(posts []scanner.Post, r holidayRun) (notice, bool) {
	from, until := h.noticeFrom(r), r.From.AddDate(0, 0, 1)
	var best notice
	found := false
	for _, p := range posts {
		if !p.Own() || p.Published.Before(from) || !p.Published.Before(until) || p.Text == "" {
			continue
		}
		m, ok := findAny([]string{p.Text}, h.NoticePhrases)
		if !ok || found && !p.Published.After(best.post.Published) {
			continue
		}
		best, found = notice{post: p, quote: sentenceAround(m.text, m.start, m.end)}, true
	}
	return best, found
}

// holidayPart words the holiday part of a period of nDays days: "sommaren
// (2026-06-19 – 2026-08-15) ligger i perioden: 58 av 91 dagar".
func holidayPart(runs []holidayRun, hDays, nDays int) Text {
	var sv, en []string
	for _, r := range runs {
		sv = append(sv, fmt.Sprintf("%s (%s)", r.name().SV, r.dates()))
		en = append(en, fmt.Sprintf("%s (%s)", r.name().EN, r.dates()))
	}
	verb := Text{SV: "infaller", EN: "fall"}
	if hDays == 1 {
		verb.EN = "falls"
	}
	return Text{
		SV: fmt.Sprintf("%s i perioden %s under %s", dayShare(hDays, nDays).SV, verb.SV, joinList(sv, "och")),
		EN: fmt.Sprintf("%d of the period's %s %s in %s", hDays, days(nDays).EN, verb.EN, joinList(en, "and")),
	}
}

// dayShare writes "58 av 91 dagar" / "58 of 91 days".
func dayShare(part, whole int) Text {
	w := days(whole)
	return Text{SV: groupSV(part) + " av " + w.SV, EN: fmt.Sprint(part) + " of " + w.EN}
}

// holidayEvidence lists the holiday runs in the period, one line each.
func holidayEvidence(runs []holidayRun, start, end time.Time) []Evidence {
	var ev []Evidence
	for _, r := range runs {
		in := holidayDays([]holidayRun{r}, start, end)
		ev = append(ev, Evidence{
			Label: Text{SV: "Semesterperiod", EN: "Holiday period"},
			Value: r.dates(),
			ValueText: Text{
				SV: r.name().SV + " " + r.dates() + " (" + days(in).SV + " i perioden)",
				EN: r.name().EN + " " + r.dates() + " (" + days(in).EN + " in the period)",
			},
		})
	}
	return ev
}

// noticeEvidence links the post that announced the lower pace.
func noticeEvidence(n notice) Evidence {
	return Evidence{
		Label:     Text{SV: "Meddelande om lägre takt", EN: "Notice of a lower pace"},
		Value:     dateOf(n.post.Published) + ": " + n.quote,
		ValueText: Text{SV: dateOf(n.post.Published) + ": ”" + n.quote + "”", EN: dateOf(n.post.Published) + ": “" + n.quote + "”"},
		URL:       n.post.URL,
	}
}
