package rules

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// ClosureNotice is the ID of the rule that an account about to be closed
// says so on the account, and why. Like every rule ID it is stable
// forever: results.json, the history and waivers name rules by it.
const ClosureNotice = "closure-notice"

// ClosureConfig holds the words closure-notice reads a post with.
type ClosureConfig struct {
	// ClosingPhrases say that the account is closing, "avslutas",
	// "läggs ner".
	ClosingPhrases []string `yaml:"closing-phrases"`
	// ReasonPhrases mark a sentence that gives a reason, "eftersom",
	// "i stället". A notice without one goes to a person: a reason can
	// be worded without them, so their absence never fails an account.
	ReasonPhrases []string `yaml:"reason-phrases"`
}

// defaultClosure are Swedish and English words of a closing notice.
func defaultClosure() ClosureConfig {
	return ClosureConfig{
		ClosingPhrases: []string{
			"avslutas", "avslutar", "läggs ner", "lägger ner", "stängs", "upphör",
			"kommer inte längre", "uppdateras inte längre",
			"closing", "will be closed", "shutting down", "no longer be updated",
		},
		ReasonPhrases: []string{
			"eftersom", "därför att", "därför", "på grund av", "med anledning av", "beror på", "anledningen",
			"i stället", "istället", "ersätts", "flyttar", "samlar", "slås ihop", "har avslutats", "är avslutat",
			"because", "since", "due to", "instead", "moving", "merged",
		},
	}
}

// closureNoticeRule is the ClosureNotice rule built with cfg.
func closureNoticeRule(cfg Config) Rule {
	return Rule{
		ID:      ClosureNotice,
		Section: reqClosureNotice,
		Checks: Text{
			SV: "Att ett konto som föreslås för avslut (det verkar inte användas längre, eller förvaltningen har svarat ”Kontot avslutas”) har ett senaste eget inlägg som säger att kontot ska avslutas, varför, och hänvisar till en annan kanal (en länk eller ett @konto).",
			EN: "That an account proposed for closing (it seems no longer used, or its administration answered “Account will be closed”) has a newest own post saying that the account will be closed, why, and pointing to another channel (a link or an @account).",
		},
		// True of every pass: an account not proposed for closing needs
		// no notice.
		PassTitle: Text{SV: "Inget avslut utan information på kontot", EN: "No closing without a notice on the account"},
		FailTitle: Text{SV: "Kontot informerar inte om att det ska avslutas", EN: "The account does not say that it will be closed"},
		Question: Text{
			SV: "Om kontot ska avslutas: informerar kontots senaste inlägg om att det ska avslutas och varför, och hänvisar det till en annan kanal?",
			EN: "If the account is to be closed: does its newest post say that it will be closed and why, and does it point to another channel?",
		},
		// Severity medium: followers of a closing account lose their way
		// to the city unless the account tells them where to go.
		Severity: SeverityMedium,
		Fix: Text{
			SV: "Skriv ett sista inlägg på kontot om att det ska avslutas, varför, och var följarna hittar verksamheten i stället (en länk eller ett annat konto).",
			EN: "Write a last post on the account saying that it will be closed, why, and where its followers find the operation instead (a link or another account).",
		},
		NeedsFetch: true,
		fix:        fixClosure,
		Thresholds: closureThresholds(cfg),
		check:      checkClosure(cfg),
		Samples:    closureSamples,
	}
}

// closureReading states the policy's words and the city's reading of the
// other channel.
var closureReading = Text{
	SV: "Policyn anger att det på kontot ska informeras om att det ska avslutas och varför; staden läser det som ett inlägg som också hänvisar till en annan kanal.",
	EN: "The policy says the account shall inform that it is going to be closed and why; the city reads that as a post that also points to another channel.",
}

// checkClosure passes an account not proposed for closing; for one that
// is (inactive-account fails it, or its administration answered that it
// will be closed) it reads the newest own post: it fails when the post
// does not say the account is closing or names no other channel, passes
// when it also gives a reason, and hands it to a person when no reason
// word is found, since a reason can be worded without one.
func checkClosure(cfg Config) func(Input) Finding {
	inactive := checkInactive(cfg)
	return func(in Input) Finding {
		res := in.Result
		var why Evidence
		if a := in.Closing; a != nil {
			v := "Kontot avslutas"
			if c := strings.TrimSpace(a.Comment); c != "" {
				v += ": " + c
			}
			why = Evidence{Label: Text{SV: "Förvaltningens svar", EN: "The administration's answer"}, Value: v, ValueText: Text{
				SV: fmt.Sprintf("”%s” (granskningen %s)", v, dateOf(a.AsOf)),
				EN: fmt.Sprintf("“%s” (the audit of %s)", v, dateOf(a.AsOf)),
			}}
		} else {
			f := inactive(in)
			switch f.Status {
			case Pass:
				// The newest post's link, not the days since: the
				// message is about closing, not about the pace.
				return Finding{Status: Pass, Evidence: f.Evidence[:1], Message: Text{
					SV: "Kontot är inte föreslaget för avslut: det används och förvaltningen har inte svarat att det ska avslutas, så inget meddelande om avslut behövs.",
					EN: "The account is not proposed for closing: it is in use and its administration has not answered that it will be closed, so no notice of closing is needed.",
				}}
			case Fail:
				why = Evidence{Label: Text{SV: "Föreslaget för avslut", EN: "Proposed for closing"}, Value: InactiveAccount, ValueText: Text{
					SV: "kontot verkar inte användas längre (se " + reqClosing.Title.SV + ")",
					EN: "the account seems no longer used (see " + reqClosing.Title.EN + ")",
				}}
			default:
				// Whether the account is used could not be told, so
				// neither can whether it must say it is closing.
				return Finding{Status: f.Status, Evidence: f.Evidence, Message: Text{
					SV: "Det går inte att avgöra om kontot är föreslaget för avslut, eftersom det inte går att se om det används. Om kontot ska avslutas: kontrollera på plattformen att det senaste inlägget säger det, varför, och hänvisar till en annan kanal.",
					EN: "Whether the account is proposed for closing cannot be told, since whether it is used cannot be seen. If the account is to be closed: check on the platform that its newest post says so, why, and points to another channel.",
				}}
			}
		}
		what := Text{SV: "om kontot informerar om att det ska avslutas", EN: "whether the account says it will be closed"}
		if f, hidden := postsHidden(res, []Evidence{why}, what); hidden {
			return f
		}
		_, end := Window(in.AsOf, 1)
		post, ok := newestOwnPost(res.Fetched.Posts, end)
		page, source := postsPage(res)
		if !ok {
			if res.Fetched.NoDatedPosts {
				return Finding{Status: Manual, Evidence: []Evidence{why}, Message: Text{
					SV: "Kontot föreslås för avslut, men källan visar inga daterade inlägg. Kontrollera på plattformen att det senaste inlägget säger att kontot ska avslutas, varför, och hänvisar till en annan kanal.",
					EN: "The account is proposed for closing, but the source shows no dated posts. Check on the platform that its newest post says the account will be closed, why, and points to another channel.",
				}}
			}
			return Finding{Status: Fail, Evidence: []Evidence{why, {Label: Text{SV: "Senaste egna inlägg", EN: "Latest own post"}, Value: "–", URL: page, Source: source}}, Message: Text{
				SV: "Kontot föreslås för avslut men har inga egna inlägg, så inget inlägg informerar om att det ska avslutas. " + closureReading.SV,
				EN: "The account is proposed for closing but has no own posts, so no post says that it will be closed. " + closureReading.EN,
			}}
		}
		ev := []Evidence{why, postEvidence(post)}
		if strings.TrimSpace(post.Text) == "" {
			return Finding{Status: Manual, Evidence: ev, Message: Text{
				SV: fmt.Sprintf("Kontot föreslås för avslut. Plattformen ger inte texten i det senaste egna inlägget (%s): läs det och avgör om det säger att kontot ska avslutas, varför, och hänvisar till en annan kanal.", dateOf(post.Published)),
				EN: fmt.Sprintf("The account is proposed for closing. The platform gives no text of its newest own post (%s): read it and decide whether it says the account will be closed, why, and points to another channel.", dateOf(post.Published)),
			}}
		}
		newest := Text{SV: "Det senaste egna inlägget (" + dateOf(post.Published) + ")", EN: "The newest own post (" + dateOf(post.Published) + ")"}
		if _, closing := findAny([]string{post.Text}, cfg.Closure.ClosingPhrases); !closing {
			return Finding{Status: Fail, Evidence: ev, Message: Text{
				SV: "Kontot föreslås för avslut. " + newest.SV + " säger inte att kontot ska avslutas. " + closureReading.SV,
				EN: "The account is proposed for closing. " + newest.EN + " does not say that the account will be closed. " + closureReading.EN,
			}}
		}
		channel, hasChannel := otherChannel(post.Text, res.Account.URL)
		_, hasReason := findAny([]string{post.Text}, cfg.Closure.ReasonPhrases)
		if !hasChannel {
			reason := Text{SV: " Om det säger varför har inte bedömts.", EN: " Whether it says why was not judged."}
			return Finding{Status: Fail, Evidence: ev, Message: Text{
				SV: "Kontot föreslås för avslut. " + newest.SV + " säger att kontot ska avslutas men hänvisar inte till någon annan kanal (en länk eller ett @konto)." + reason.SV + " " + closureReading.SV,
				EN: "The account is proposed for closing. " + newest.EN + " says the account will be closed but points to no other channel (a link or an @account)." + reason.EN + " " + closureReading.EN,
			}}
		}
		ev = append(ev, Evidence{Label: Text{SV: "Annan kanal", EN: "Other channel"}, Value: channel, URL: channelURL(channel)})
		if !hasReason {
			return Finding{Status: Manual, Evidence: ev, Message: Text{
				SV: "Kontot föreslås för avslut. " + newest.SV + " säger att kontot ska avslutas och hänvisar till " + channel + ", men om det säger varför kan inte avgöras automatiskt: läs inlägget och avgör om skälet framgår.",
				EN: "The account is proposed for closing. " + newest.EN + " says the account will be closed and points to " + channel + ", but whether it says why cannot be judged automatically: read the post and decide whether the reason is given.",
			}}
		}
		return Finding{Status: Pass, Evidence: ev, Message: Text{
			SV: "Kontot föreslås för avslut, och " + lowerFirst(newest.SV) + " säger att kontot ska avslutas, varför, och hänvisar till " + channel + ".",
			EN: "The account is proposed for closing, and " + lowerFirst(newest.EN) + " says the account will be closed, why, and points to " + channel + ".",
		}}
	}
}

// newestOwnPost is the newest own post published before end.
func newestOwnPost(posts []scanner.Post, end time.Time) (scanner.Post, bool) {
	var best scanner.Post
	found := false
	for _, p := range posts {
		if p.Own() && p.Published.Before(end) && (!found || p.Published.After(best.Published)) {
			best, found = p, true
		}
	}
	return best, found
}

// postEvidence links a post, quoting its start.
func postEvidence(p scanner.Post) Evidence {
	q := clip(collapseSpace(p.Text), 160)
	e := Evidence{Label: Text{SV: "Senaste egna inlägg", EN: "Latest own post"}, Value: dateOf(p.Published), URL: p.URL}
	if q != "" {
		e.Value += ": " + q
		e.ValueText = Text{SV: dateOf(p.Published) + ": ”" + q + "”", EN: dateOf(p.Published) + ": “" + q + "”"}
	}
	return e
}

// channelRE finds a web address (with or without scheme) or a handle
// (@name, @name@server) in a post's text.
var channelRE = regexp.MustCompile(`(?i)\bhttps?://[^\s<>"”]+|\bwww\.[^\s<>"”]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:se|nu|com|org|net|eu|social|stockholm)(?:/[^\s<>"”]*)?|@[\p{L}\p{N}_.]+(?:@[a-z0-9.-]+)?`)

// otherChannel returns the first address or handle in text that is not
// the account itself, trailing punctuation trimmed.
func otherChannel(text, account string) (string, bool) {
	own := bareAddress(account)
	for _, m := range channelRE.FindAllString(text, -1) {
		m = strings.TrimRight(m, ".,;:!?)”’")
		if len(m) < 3 {
			continue
		}
		if a := bareAddress(m); a == own || strings.HasSuffix(own, "/"+a) {
			continue // the account itself, by its address or its handle
		}
		return m, true
	}
	return "", false
}

// bareAddress is an address or handle lower-cased, without scheme, "www."
// or a trailing slash, so two ways of writing one account compare equal.
func bareAddress(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://")
	return strings.TrimRight(strings.TrimPrefix(s, "www."), "/")
}

// channelURL is the address a person opens for a channel found in a post:
// the address itself, given a scheme; none for a handle, whose server is
// not known.
func channelURL(c string) string {
	switch {
	case strings.HasPrefix(c, "@"):
		return ""
	case strings.HasPrefix(strings.ToLower(c), "http"):
		return c
	}
	return "https://" + c
}

// lowerFirst lower-cases the first letter of s.
func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// closureThresholds words the rule's phrases for `smaudit rules`.
func closureThresholds(cfg Config) Text {
	c := cfg.Closure
	last := Text{SV: "de senaste " + groupSV(cfg.InactiveDays) + " dagarna", EN: "the last " + days(cfg.InactiveDays).EN}
	if cfg.InactiveDays == 1 {
		last = Text{SV: "den senaste dagen", EN: "the last day"}
	}
	return Text{
		SV: fmt.Sprintf("Föreslaget för avslut: inactive-account underkänner kontot (inget eget inlägg från %s), eller förvaltningen har svarat ”Kontot avslutas”. Avslut: någon av fraserna %s. Skäl: någon av fraserna %s; saknas de går inlägget till en person. Annan kanal: en webbadress eller ett @konto som inte är kontot självt. Den andra kanalen är kommunikationsenhetens tolkning av policyns ”informeras om att det ska avslutas och varför”.", last.SV, quoted(c.ClosingPhrases, "”", "”"), quoted(c.ReasonPhrases, "”", "”")),
		EN: fmt.Sprintf("Proposed for closing: inactive-account fails the account (no own post from %s), or its administration answered “Account will be closed”. Closing: one of the phrases %s. Reason: one of the phrases %s; without one the post goes to a person. Other channel: a web address or an @account that is not the account itself. The other channel is the communications unit's reading of the policy's “inform that it is going to be closed and why”.", last.EN, quoted(c.ClosingPhrases, "“", "”"), quoted(c.ReasonPhrases, "“", "”")),
	}
}

// fixClosure names the platform.
func fixClosure(acc scanner.Account) Text {
	on := onPlatform(acc)
	return Text{
		SV: "Skriv ett sista inlägg " + on.SV + " om att kontot ska avslutas, varför, och var följarna hittar " + acc.Administration + " i stället (en länk eller ett annat konto). Publicera sedan inget mer och avsluta kontot enligt stadsarkivets vägledning.",
		EN: "Write a last post " + on.EN + " saying that the account will be closed, why, and where its followers find " + acc.Administration + " instead (a link or another account). Then publish nothing more and close the account following the City Archives' guidance.",
	}
}

// closingPosts is Kulturförvaltningen's account gone quiet in May, its
// newest own post saying text.
func closingPosts(text string) scanner.Result {
	posts := ownPosts(3, time.Date(2026, 5, 4, 14, 0, 0, 0, Stockholm), 7*24*time.Hour)
	posts[0].Text = text
	return demoFetched(demoProfile(), posts...)
}

// closureSamples: an account in use; quiet accounts whose last post says
// nothing of closing, says it closes without another channel, or says it
// closes, why, and where to go.
var closureSamples = []Sample{
	{Name: "own post the day before: not proposed for closing", Result: demoFetched(demoProfile(), ownPosts(3, sampleNewest, 7*24*time.Hour)...), Want: Pass},
	{Name: "quiet since 2026-05-04, last post an ordinary one", Result: closingPosts("Välkommen till vårens sista konsert!"), Want: Fail},
	{Name: "quiet since 2026-05-04, closes without another channel", Result: closingPosts("Det här kontot avslutas eftersom vi har för få följare."), Want: Fail},
	{Name: "quiet since 2026-05-04, closes with reason and channel", Result: closingPosts("Det här kontot avslutas eftersom vi samlar allt på ett ställe. Följ oss på @kultur.stockholm.se eller kultur.stockholm.se."), Want: Pass},
	{Name: "quiet since 2026-05-04, closes with channel but no reason word", Result: closingPosts("Kontot läggs ner. Följ oss på kultur.stockholm.se."), Want: Manual},
}
