package rules

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// ResponseTime is the ID of the rule that the account answers the
// questions asked under its posts in office hours and without undue
// delay. Like every rule ID it is stable forever: results.json, the
// history and waivers name rules by it.
const ResponseTime = "response-time"

// responseTimeRule is the ResponseTime rule built with cfg.
func responseTimeRule(cfg Config) Rule {
	rc := cfg.Response
	limit := hours(officeLimit(rc))
	return Rule{
		ID:      ResponseTime,
		Section: reqAnswers,
		Checks: Text{
			SV: "Att kontot besvarar frågor som andra ställer i svar och kommentarer under kontots senaste inlägg, i tråden, inom " + limit.SV + ".",
			EN: "That the account answers the questions others ask in replies and comments under its latest posts, in the thread, within " + limit.EN + ".",
		},
		// True of every pass: enough questions were answered in time.
		PassTitle: Text{SV: "Frågor besvaras utan onödigt dröjsmål", EN: "Questions are answered without undue delay"},
		FailTitle: Text{SV: "Frågor till kontot besvaras inte eller för sent", EN: "Questions to the account go unanswered or are answered late"},
		Question: Text{
			SV: "Besvarar kontot frågor i kommentarer och svar under normal kontorstid och utan onödigt dröjsmål? Läs frågorna under de senaste inläggen och se om och när kontot svarade.",
			EN: "Does the account answer questions in comments and replies during normal office hours and without undue delay? Read the questions under the latest posts and see whether and when the account answered.",
		},
		// Severity medium: an unanswered question leaves a resident
		// without the service the account promises, but harms no one's
		// rights the way a published personnummer does.
		Severity: SeverityMedium,
		Fix: Text{
			SV: "Besvara de obesvarade frågorna i rapporten och läs kommentarerna på kontot varje arbetsdag, så att frågor får svar inom en arbetsdag.",
			EN: "Answer the unanswered questions in the report and read the comments on the account every working day, so that questions are answered within a working day.",
		},
		NeedsFetch: true,
		fix:        fixResponse,
		Thresholds: responseThresholds(cfg),
		check:      checkResponse(cfg),
		Samples:    responseSamples,
	}
}

// officeLimit is MaxOfficeHours as a duration.
func officeLimit(rc ResponseConfig) time.Duration {
	return time.Duration(rc.MaxOfficeHours * float64(time.Hour))
}

// responseReading states the policy's words and the city's limit.
func responseReading(rc ResponseConfig) Text {
	limit := hours(officeLimit(rc))
	return Text{
		SV: fmt.Sprintf("Policyn anger att frågor ska besvaras utan onödigt dröjsmål; staden granskar mot minst %s inom %s.", percent(rc.MinShare).SV, limit.SV),
		EN: fmt.Sprintf("The policy says questions shall be answered without undue delay; the city audits against at least %s within %s.", percent(rc.MinShare).EN, limit.EN),
	}
}

// percent writes a share, rounded down so a share below the limit never
// shows as the limit: "80 %", "80%".
func percent(share float64) Text {
	p := math.Floor(share*100 + 1e-9)
	return Text{SV: fmt.Sprintf("%s %%", decimal(p, -1).SV), EN: fmt.Sprintf("%s%%", decimal(p, -1).EN)}
}

// Nouns counted in response-time's findings.
var questionNoun = [2]Text{{SV: "fråga", EN: "question"}, {SV: "frågor", EN: "questions"}}

// checkResponse reads the questions others asked in the threads the
// adapter read and passes the account when at least MinShare of those
// counted were answered within MaxOfficeHours of office time. A question
// still within the limit on the audit date, or unanswered in a thread not
// read in full, is not counted. When the platform shows no replies, none
// were asked, or none can be counted, a person decides.
func checkResponse(cfg Config) func(Input) Finding {
	rc := cfg.Response
	clock, ok := newOfficeClock(rc.OfficeHours)
	words := make([]string, 0, len(rc.QuestionWords))
	for _, w := range rc.QuestionWords {
		words = append(words, foldPhrase(w))
	}
	limit := officeLimit(rc)
	return func(in Input) Finding {
		res := in.Result
		what := Text{SV: "hur snabbt kontot besvarar frågor", EN: "how quickly the account answers questions"}
		if !ok {
			return Finding{Status: Error, Message: Text{
				SV: "Kontorstiden i inställningarna (response-time.office-hours) går inte att läsa, så regeln kunde inte bedömas.",
				EN: "The office hours in the settings (response-time.office-hours) cannot be read, so the rule could not be judged.",
			}}
		}
		if f, hidden := postsHidden(res, nil, what); hidden {
			return f
		}
		page, source := postsPage(res)
		d := res.Fetched.Dialogue
		if d == nil {
			on := onPlatform(res.Account)
			return Finding{Status: Manual, Evidence: []Evidence{{Label: Text{SV: "Konto", EN: "Account"}, Value: res.Account.URL, URL: page}}, Message: Text{
				SV: fmt.Sprintf("smaudit läser inte svar och kommentarer %s, så det går inte att bedöma %s. Läs kommentarerna under kontots senaste inlägg.", on.SV, what.SV),
				EN: fmt.Sprintf("smaudit does not read replies and comments %s, so %s cannot be judged. Read the comments under the account's latest posts.", on.EN, what.EN),
			}}
		}
		if why := strings.TrimSpace(d.Hidden); why != "" {
			// why is the adapter's English, for logs and results.json.
			return Finding{Status: Manual, Evidence: []Evidence{{
				Label:     Text{SV: "Kommentarerna kunde inte läsas", EN: "The comments could not be read"},
				Value:     why,
				ValueText: Text{SV: "plattformen visar inte kommentarerna för smaudit utan en API-nyckel eller token", EN: why},
				URL:       page, Source: source,
			}}, Message: Text{
				SV: "Plattformen visar inte kommentarerna under kontots inlägg för smaudit, så det går inte att bedöma " + what.SV + ". Läs kommentarerna på plattformen.",
				EN: "The platform does not show the comments under the account's posts to smaudit, so " + what.EN + " cannot be judged. Read the comments on the platform.",
			}}
		}
		_, end := Window(in.AsOf, 0)
		ev := []Evidence{threadsEvidence(d, end, page, source)}
		ev = append(ev, cutEvidence(d, end)...)
		inPeriod, readable := threadsBefore(d, end)
		// An audit of a past date reads threads published since then as
		// not yet there: when every post with replies was read and all
		// came later, nobody had replied by the audit date.
		if d.WithReplies == 0 || inPeriod == 0 && len(d.Threads) >= d.WithReplies {
			return Finding{Status: Manual, Evidence: ev, Message: Text{
				SV: "Ingen har svarat på eller kommenterat kontots inlägg under granskningsperioden, så det finns inga frågor att bedöma. Regeln bedöms när någon ställer en fråga.",
				EN: "Nobody replied to or commented on the account's posts in the audit period, so there are no questions to judge. The rule is judged once someone asks one.",
			}}
		}
		if inPeriod == 0 {
			return Finding{Status: Manual, Evidence: ev, Message: Text{
				SV: "Alla inlägg med svar som lästes är publicerade efter granskningsdagen, och de äldre lästes inte, så det går inte att bedöma " + what.SV + ". Läs kommentarerna på plattformen.",
				EN: "Every post with replies that was read was published after the audit date, and the older ones were not read, so " + what.EN + " cannot be judged. Read the comments on the platform.",
			}}
		}
		if readable == 0 {
			return Finding{Status: Manual, Evidence: ev, Message: Text{
				SV: "Svaren under kontots inlägg kunde inte läsas, så det går inte att bedöma " + what.SV + ". Läs kommentarerna på plattformen.",
				EN: "The replies under the account's posts could not be read, so " + what.EN + " cannot be judged. Read the comments on the platform.",
			}}
		}
		due, _ := Window(in.AsOf, 1) // the audit date's start
		qs := questionsIn(d, accountHandles(res), words, clock, limit, due, end)
		var n [unknown + 1]int
		var took []time.Duration
		for _, q := range qs {
			n[q.state]++
			if q.state == answeredInTime || q.state == answeredLate {
				took = append(took, q.took)
			}
		}
		counted := n[answeredInTime] + n[answeredLate] + n[unanswered]
		ev = append(ev, questionEvidence(qs)...)
		if len(took) > 0 {
			m := median(took)
			ev = append(ev, Evidence{Label: Text{SV: "Mediantid till svar", EN: "Median time to an answer"}, Value: decimal(math.Round(m.Hours()*100)/100, -1).EN, ValueText: officeTime(m)})
		}
		left := notCounted(n[pending], n[unknown])
		if counted == 0 {
			why := Text{SV: "Inget av svaren under kontots inlägg är en fråga till kontot", EN: "None of the replies under the account's posts is a question to the account"}
			if len(qs) > 0 {
				be := "is"
				if len(qs) != 1 {
					be = "are"
				}
				why = Text{
					SV: "Ingen fråga till kontot kan räknas – det finns bara " + left.SV,
					EN: "No question to the account can be counted – there " + be + " only " + left.EN,
				}
			}
			return Finding{Status: Manual, Evidence: ev, Message: Text{
				SV: why.SV + ", så det går inte att bedöma " + what.SV + ". Läs kommentarerna på plattformen.",
				EN: why.EN + ", so " + what.EN + " cannot be judged. Read the comments on the platform.",
			}}
		}
		aside := Text{}
		if left.SV != "" {
			aside = Text{SV: " (räknas inte: " + left.SV + ")", EN: " (not counted: " + left.EN + ")"}
		}
		reading := responseReading(rc)
		share := float64(n[answeredInTime]) / float64(counted)
		of := Text{
			SV: fmt.Sprintf("%s av %s (%s)", groupSV(n[answeredInTime]), count(counted, questionNoun[0], questionNoun[1]).SV, percent(share).SV),
			EN: fmt.Sprintf("%d of %s (%s)", n[answeredInTime], count(counted, questionNoun[0], questionNoun[1]).EN, percent(share).EN),
		}
		lim := hours(limit)
		if float64(n[answeredInTime]) >= rc.MinShare*float64(counted)-1e-9 {
			med := officeTime(median(took))
			return Finding{Status: Pass, Evidence: ev, Message: Text{
				SV: fmt.Sprintf("Kontot besvarade %s inom %s%s; mediantiden till svar var %s. %s", of.SV, lim.SV, aside.SV, med.SV, reading.SV),
				EN: fmt.Sprintf("The account answered %s within %s%s; the median time to an answer was %s. %s", of.EN, lim.EN, aside.EN, med.EN, reading.EN),
			}}
		}
		late := missed(n[unanswered], n[answeredLate])
		// "bara" (only) for a share that falls short, not for none.
		only := Text{SV: "bara ", EN: "only "}
		if n[answeredInTime] == 0 {
			only = Text{}
		}
		return Finding{Status: Fail, Evidence: ev, Message: Text{
			SV: fmt.Sprintf("Kontot besvarade %s%s inom %s: %s%s. %s", only.SV, of.SV, lim.SV, late.SV, aside.SV, reading.SV),
			EN: fmt.Sprintf("The account answered %s%s within %s: %s%s. %s", only.EN, of.EN, lim.EN, late.EN, aside.EN, reading.EN),
		}}
	}
}

// missed words the counted questions not answered in time: "1
// obesvarad och 2 besvarade för sent".
func missed(unansweredN, lateN int) Text {
	var sv, en []string
	if unansweredN > 0 {
		w := Text{SV: "obesvarad", EN: "unanswered"}
		if unansweredN != 1 {
			w.SV = "obesvarade"
		}
		sv = append(sv, groupSV(unansweredN)+" "+w.SV)
		en = append(en, fmt.Sprint(unansweredN)+" "+w.EN)
	}
	if lateN > 0 {
		w := Text{SV: "besvarad för sent", EN: "answered late"}
		if lateN != 1 {
			w.SV = "besvarade för sent"
		}
		sv = append(sv, groupSV(lateN)+" "+w.SV)
		en = append(en, fmt.Sprint(lateN)+" "+w.EN)
	}
	return Text{SV: joinList(sv, "och"), EN: joinList(en, "and")}
}

// threadsBefore counts the threads of posts published before end, and
// of those the ones whose replies were read, in full or in part.
func threadsBefore(d *scanner.Dialogue, end time.Time) (inPeriod, readable int) {
	for _, t := range d.Threads {
		if !t.Published.Before(end) {
			continue
		}
		inPeriod++
		if t.Cut == nil || len(t.Replies) > 0 {
			readable++
		}
	}
	return inPeriod, readable
}

// notCounted words the questions left out of the share: "1 fråga som
// ställdes så nyligen att svarstiden inte hade gått ut före
// granskningsdagen"; empty when none was.
func notCounted(pendingN, unknownN int) Text {
	var sv, en []string
	if pendingN > 0 {
		c := count(pendingN, questionNoun[0], questionNoun[1])
		sv = append(sv, c.SV+" som ställdes så nyligen att svarstiden inte hade gått ut före granskningsdagen")
		en = append(en, c.EN+" asked so recently that the time to answer had not run out before the audit date")
	}
	if unknownN > 0 {
		c := count(unknownN, questionNoun[0], questionNoun[1])
		// "där tråden": one thread or several, the Swedish holds.
		where := Text{SV: " där tråden inte kunde läsas i sin helhet", EN: " in threads that could not be read in full"}
		if unknownN == 1 {
			where.EN = " in a thread that could not be read in full"
		}
		sv = append(sv, c.SV+where.SV)
		en = append(en, c.EN+where.EN)
	}
	return Text{SV: joinList(sv, "och"), EN: joinList(en, "and")}
}

// threadsEvidence says how many threads were read of how many, and the
// cap.
func threadsEvidence(d *scanner.Dialogue, end time.Time, page, source string) Evidence {
	posts := Text{SV: "inlägg", EN: "post"}
	if d.WithReplies != 1 {
		posts.EN = "posts"
	}
	if d.WithReplies == 0 {
		return Evidence{
			Label: Text{SV: "Lästa trådar", EN: "Threads read"}, Value: "0/0",
			ValueText: Text{SV: "inget av kontots inlägg under perioden har svar", EN: "none of the account's posts in the period has replies"},
			URL:       page, Source: source,
		}
	}
	later := 0
	for _, t := range d.Threads {
		if !t.Published.Before(end) {
			later++
		}
	}
	note := Text{}
	if later > 0 {
		// "inlägg" is neuter: publicerat, publicerade.
		published := Text{SV: "är publicerade", EN: "were"}
		if later == 1 {
			published = Text{SV: "är publicerat", EN: "was"}
		}
		note = Text{
			SV: fmt.Sprintf("; %s av dem %s efter granskningsdagen och räknas inte", groupSV(later), published.SV),
			EN: fmt.Sprintf("; %d of them %s published after the audit date and not counted", later, published.EN),
		}
	}
	return Evidence{
		Label: Text{SV: "Lästa trådar", EN: "Threads read"},
		Value: fmt.Sprintf("%d/%d", len(d.Threads), d.WithReplies),
		ValueText: Text{
			SV: fmt.Sprintf("läste svaren på %s av %s %s med svar (högst %s per konto)%s", groupSV(len(d.Threads)), groupSV(d.WithReplies), posts.SV, groupSV(d.MaxThreads), note.SV),
			EN: fmt.Sprintf("read the replies to %d of %d %s with replies (at most %d per account)%s", len(d.Threads), d.WithReplies, posts.EN, d.MaxThreads, note.EN),
		},
		URL: page, Source: source,
	}
}

// cutEvidence lists the threads of the audit period whose replies could
// not be read in full, with the reason.
func cutEvidence(d *scanner.Dialogue, end time.Time) []Evidence {
	var ev []Evidence
	for _, t := range d.Threads {
		if !t.Published.Before(end) || t.Cut == nil && !t.More {
			continue
		}
		why := Text{SV: "plattformen har fler svar än de som lästes", EN: "the platform holds more replies than were read"}
		value := "more"
		if t.Cut != nil {
			why = FetchReason(t.Cut)
			value = why.EN
		}
		ev = append(ev, Evidence{
			Label:     Text{SV: "Tråd som inte lästes i sin helhet", EN: "Thread not read in full"},
			Value:     dateOf(t.Published) + ": " + value,
			ValueText: Text{SV: "inlägget " + dateOf(t.Published) + ": " + why.SV, EN: "the post of " + dateOf(t.Published) + ": " + why.EN},
			URL:       t.URL,
			Source:    sourceOf(t.URL, t.Source),
		})
	}
	return ev
}

// sourceOf is the address a thread's evidence was read from, src, for
// results.json and the evidence bundle's citation, unless it is the page
// itself.
func sourceOf(page, src string) string {
	if src == page {
		return ""
	}
	return src
}

// questionEvidence lists every question not answered in time, with its
// link and when it was asked, never who asked: a visitor's name does not
// belong in the city's report.
func questionEvidence(qs []question) []Evidence {
	// In the order they were asked, across threads.
	qs = slices.Clone(qs)
	slices.SortStableFunc(qs, func(a, b question) int { return a.reply.Published.Compare(b.reply.Published) })
	var ev []Evidence
	for _, q := range qs {
		asked := wallClock(q.reply.Published)
		var e Evidence
		switch q.state {
		case answeredInTime:
			continue
		case unanswered:
			e = Evidence{Label: Text{SV: "Obesvarad fråga", EN: "Unanswered question"}, ValueText: Text{SV: "ställd " + asked.SV, EN: "asked " + asked.EN}}
		case answeredLate:
			took := officeTime(q.took)
			e = Evidence{Label: Text{SV: "Sent besvarad fråga", EN: "Question answered late"}, ValueText: Text{SV: "ställd " + asked.SV + ", besvarad efter " + took.SV, EN: "asked " + asked.EN + ", answered after " + took.EN}}
		case pending:
			e = Evidence{Label: Text{SV: "Fråga inom gränsen", EN: "Question within the limit"}, ValueText: Text{SV: "ställd " + asked.SV + ", ännu inte besvarad", EN: "asked " + asked.EN + ", not answered yet"}}
		case unknown:
			e = Evidence{Label: Text{SV: "Fråga utan känt svar", EN: "Question without a known answer"}, ValueText: Text{SV: "ställd " + asked.SV + " i en tråd som inte kunde läsas i sin helhet", EN: "asked " + asked.EN + " in a thread that could not be read in full"}}
		}
		e.Value = q.reply.Published.UTC().Format(time.RFC3339)
		e.URL = q.link()
		e.Source = sourceOf(e.URL, q.source)
		ev = append(ev, e)
	}
	return ev
}

// responseThresholds words the rule's limits for `smaudit rules`.
func responseThresholds(cfg Config) Text {
	rc := cfg.Response
	limit := hours(officeLimit(rc))
	h := rc.OfficeHours
	hsv := strings.Replace(strings.TrimSpace(h.Start), ":", ".", 1) + "–" + strings.Replace(strings.TrimSpace(h.End), ":", ".", 1)
	hen := strings.TrimSpace(h.Start) + "–" + strings.TrimSpace(h.End)
	threads := rc.MaxThreads
	if threads == 0 {
		threads = scanner.DefaultMaxThreads
	}
	return Text{
		SV: fmt.Sprintf("Minst %s av frågorna besvaras av kontot i tråden inom %s (kontorstid måndag–fredag kl. %s svensk tid; helgdagar samt midsommar-, jul- och nyårsafton räknas inte). En fråga är ett svar eller en kommentar från någon annan till kontot med frågetecken eller en mening som börjar med %s. Frågor vars svarstid inte hade gått ut före granskningsdagen räknas inte. Svaren läses under de %d senaste egna inläggen med svar. "+readingNote.SV,
			percent(rc.MinShare).SV, limit.SV, hsv, quoted(rc.QuestionWords, "”", "”"), threads, "”utan onödigt dröjsmål”"),
		EN: fmt.Sprintf("At least %s of the questions are answered by the account in the thread within %s (office hours Monday–Friday %s Swedish time; public holidays and Midsummer, Christmas and New Year's Eve do not count). A question is a reply or comment by someone else to the account with a question mark or a sentence starting with %s. Questions whose time to answer had not run out before the audit date are not counted. Replies are read under the %d latest own posts with replies. "+readingNote.EN,
			percent(rc.MinShare).EN, limit.EN, hen, quoted(rc.QuestionWords, "“", "”"), threads, "“without undue delay”"),
	}
}

// fixResponse names the platform.
func fixResponse(acc scanner.Account) Text {
	on := onPlatform(acc)
	return Text{
		SV: "Besvara de obesvarade frågorna " + on.SV + " och läs kommentarerna varje arbetsdag, så att frågor får svar inom en arbetsdag.",
		EN: "Answer the unanswered questions " + on.EN + " and read the comments every working day, so that questions are answered within a working day.",
	}
}

// officeTime writes an office-time duration as a person reads it, in
// hours and whole minutes: "2 timmar och 37 minuter kontorstid", "2 hours
// and 37 minutes of office time"; under a minute (an answer given outside
// office hours) as "mindre än 1 minut kontorstid".
func officeTime(d time.Duration) Text {
	mins := int64(math.Round(d.Minutes()))
	if mins < 1 {
		return Text{SV: "mindre än 1 minut kontorstid", EN: "less than 1 minute of office time"}
	}
	h, m := mins/60, mins%60
	var sv, en []string
	if h > 0 {
		c := count(int(h), Text{SV: "timme", EN: "hour"}, Text{SV: "timmar", EN: "hours"})
		sv, en = append(sv, c.SV), append(en, c.EN)
	}
	if m > 0 {
		c := count(int(m), Text{SV: "minut", EN: "minute"}, Text{SV: "minuter", EN: "minutes"})
		sv, en = append(sv, c.SV), append(en, c.EN)
	}
	return Text{SV: joinList(sv, "och") + " kontorstid", EN: joinList(en, "and") + " of office time"}
}
