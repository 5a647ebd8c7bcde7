package rules

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/scanner"
)

// PersonalData is the ID of the rule that the account publishes no
// personnummer or samordningsnummer. Like every rule ID it is stable
// forever: results.json, the history and waivers name rules by it.
const PersonalData = "personal-data"

// personalDataRule is the PersonalData rule built with cfg.
func personalDataRule(cfg Config) Rule {
	return Rule{
		ID:      PersonalData,
		Section: reqPersonal,
		Checks: Text{
			SV: "Att kontots egna inlägg och svar, och de synliga svaren och kommentarerna under inläggen, inte innehåller något giltigt personnummer eller samordningsnummer (datum och kontrollsiffra stämmer). Inlägg med ord om känsliga personuppgifter nära ett namn lämnas till en person.",
			EN: "That the account's own posts and replies, and the visible replies and comments under its posts, hold no valid Swedish personal identity number or coordination number (date and check digit correct). Posts with words of sensitive personal data near a name are left to a person.",
		},
		PassTitle: Text{SV: "Inga personnummer i kontots inlägg", EN: "No personal identity numbers in the account's posts"},
		FailTitle: Text{SV: "Kontot har publicerat ett personnummer", EN: "The account has published a personal identity number"},
		Question: Text{
			SV: "Innehåller kontots inlägg eller kommentarer känsliga eller integritetskränkande personuppgifter (till exempel hälsa, religion, etniskt ursprung, politiska åsikter eller sexuell läggning om en namngiven person) eller personnummer? Dokumentera i så fall med en skärmdump och ta bort inlägget.",
			EN: "Do the account's posts or comments hold sensitive or privacy-infringing personal data (for example health, religion, ethnic origin, political opinions or sexual orientation of a named person) or personal identity numbers? If so, document them with a screenshot and remove the post.",
		},
		// Severity high: a published personnummer harms a person now and
		// breaks the GDPR; the policy says to remove it at once.
		Severity: SeverityHigh,
		Fix: Text{
			SV: "Dokumentera inlägget med en skärmdump, ta bort det omedelbart och registrera det vid behov enligt förvaltningens rutin för allmänna handlingar.",
			EN: "Document the post with a screenshot, remove it at once and register it where needed under the administration's routine for public records.",
		},
		NeedsFetch: true,
		fix:        fixPersonal,
		Thresholds: personalThresholds(cfg),
		check:      checkPersonal(cfg),
		Samples:    personalSamples,
	}
}

// checkPersonal fails an account whose own posts or replies, or the
// replies and comments others wrote under its posts that the adapter read
// (scanner.Dialogue), published in the audit period (from
// Config.EarliestNeeded to the end of the audit date), hold a valid
// personnummer or samordningsnummer: the policy has the account remove a
// visitor's comment that holds one as its own post. Every such post or
// reply is linked, and the number is masked
// in the message and the evidence ("19811218-****"), so no report carries
// it. Without one, a post with a sensitive word near a name goes to a
// person; posts the platform gives no text for cannot be read.
func checkPersonal(cfg Config) func(Input) Finding {
	words := make([]string, 0, len(cfg.SensitiveWords))
	for _, w := range cfg.SensitiveWords {
		words = append(words, foldPhrase(w))
	}
	return func(in Input) Finding {
		res := in.Result
		what := Text{SV: "om kontots inlägg innehåller personuppgifter", EN: "whether the account's posts hold personal data"}
		if f, hidden := postsHidden(res, nil, what); hidden {
			return f
		}
		page, source := postsPage(res)
		cov := coverageOf(res.Fetched)
		// The posts of the audit period: from the earliest instant any
		// rule reads (the scan keeps the text of no older post) to the
		// end of the audit date, or from where the feed begins.
		_, end := Window(in.AsOf, 1)
		from := cfg.EarliestNeeded(in.AsOf)
		if cov.since.After(from) {
			y, m, d := cov.since.In(Stockholm).Date()
			from = time.Date(y, m, d, 0, 0, 0, 0, Stockholm)
		}
		var read, withText int
		var found, sensitive []Evidence
		for _, p := range res.Fetched.Posts {
			if p.Repost || p.Published.Before(from) || !p.Published.Before(end) {
				continue
			}
			read++
			if strings.TrimSpace(p.Text) == "" {
				continue
			}
			withText++
			if ns := findIDNumbers(p.Text, in.AsOf); len(ns) > 0 {
				found = append(found, idEvidence(p.Text, p.Published, p.URL, ns, Text{}))
				continue
			}
			if q, ok := sensitiveNearName(p.Text, words); ok {
				sensitive = append(sensitive, Evidence{
					Label:     Text{SV: "Inlägg att granska", EN: "Post to review"},
					Value:     dateOf(p.Published) + ": " + q,
					ValueText: Text{SV: dateOf(p.Published) + ": ”" + q + "”", EN: dateOf(p.Published) + ": “" + q + "”"},
					URL:       p.URL,
				})
			}
		}
		inPosts := len(found)
		replies, inReplies := personalInReplies(res, from, end, in.AsOf)
		found = append(found, inReplies...)
		posts := count(read, Text{SV: "inlägg", EN: "post"}, Text{SV: "inlägg", EN: "posts"})
		// "1 av 26 inlägg och 1 av 3 svar under dem": which of what was
		// read holds a number.
		of := Text{SV: groupSV(inPosts) + " av " + posts.SV, EN: fmt.Sprint(inPosts) + " of " + posts.EN}
		span := " (" + dateOf(from) + " – " + dateOf(in.AsOf) + ")"
		if replies > 0 {
			r := count(replies, Text{SV: "svar", EN: "reply"}, Text{SV: "svar", EN: "replies"})
			posts.SV += " och " + r.SV + " under dem"
			posts.EN += " and " + r.EN + " to them"
			of.SV += " och " + groupSV(len(inReplies)) + " av " + r.SV + " under dem"
			of.EN += " and " + fmt.Sprint(len(inReplies)) + " of " + r.EN + " to them"
			if inPosts == 0 {
				p := count(read, Text{SV: "inlägg", EN: "post"}, Text{SV: "inlägg", EN: "posts"})
				of = Text{SV: groupSV(len(inReplies)) + " av " + r.SV + " under kontots " + p.SV, EN: fmt.Sprint(len(inReplies)) + " of " + r.EN + " to the account's " + p.EN}
			}
		}
		// Value counts everything read, the posts and the replies under
		// them; the text says which is which.
		ev := []Evidence{{Label: Text{SV: "Lästa inlägg och svar", EN: "Posts and replies read"}, Value: fmt.Sprint(read + replies), ValueText: Text{SV: posts.SV + span, EN: posts.EN + span}, URL: page, Source: source}}
		switch {
		case len(found) > 0:
			verb := "hold"
			if len(found) == 1 && (replies == 0 || inPosts == 0) {
				verb = "holds"
			}
			return Finding{Status: Fail, Evidence: append(found, ev...), Message: Text{
				SV: fmt.Sprintf("%s%s innehåller ett giltigt personnummer eller samordningsnummer (maskerat i rapporten). Policyn anger att känsliga eller integritetskränkande personuppgifter inte får publiceras och att sådana inlägg ska dokumenteras och tas bort omedelbart.", of.SV, span),
				EN: fmt.Sprintf("%s%s %s a valid personal identity or coordination number (masked in the report). The policy says sensitive or privacy-infringing personal data may not be published and such posts shall be documented and removed at once.", of.EN, span, verb),
			}}
		case cov.none:
			return Finding{Status: Manual, Evidence: []Evidence{cov.evidence(page, source)}, Message: Text{
				SV: "Det går inte att läsa kontots inlägg: " + cov.reach().SV + ". Kontrollera på plattformen.",
				EN: "The account's posts cannot be read: " + cov.reach().EN + ". Check on the platform.",
			}}
		case read > 0 && withText == 0:
			return Finding{Status: Manual, Evidence: ev, Message: Text{
				SV: "Plattformen ger inte inläggens text, så det går inte att se " + what.SV + ". Kontrollera på plattformen.",
				EN: "The platform does not give the posts' text, so " + what.EN + " cannot be seen. Check on the platform.",
			}}
		case len(sensitive) > 0:
			n := count(len(sensitive), Text{SV: "inlägg", EN: "post"}, Text{SV: "inlägg", EN: "posts"})
			// One post or several: "läs inlägget … om det röjer".
			them := Text{SV: "inläggen och avgör om de", EN: "have"}
			read := "read the posts and decide whether they reveal"
			if len(sensitive) == 1 {
				them = Text{SV: "inlägget och avgör om det", EN: "has"}
				read = "read the post and decide whether it reveals"
			}
			return Finding{Status: Manual, Evidence: append(sensitive, ev...), Message: Text{
				SV: fmt.Sprintf("Inget giltigt personnummer eller samordningsnummer i %s%s, men %s har ord om känsliga personuppgifter nära ett namn. Det bedöms inte automatiskt: läs %s röjer känsliga uppgifter om en person.", posts.SV, span, n.SV, them.SV),
				EN: fmt.Sprintf("No valid personal identity or coordination number in %s%s, but %s %s words of sensitive personal data near a name. That is not judged automatically: %s sensitive data about a person.", posts.EN, span, n.EN, them.EN, read),
			}}
		}
		if read == 0 && replies == 0 {
			return Finding{Status: Pass, Evidence: ev, Message: Text{
				SV: fmt.Sprintf("Kontot har inga egna inlägg eller svar från perioden %s – %s, så inget personnummer har publicerats där.", dateOf(from), dateOf(in.AsOf)),
				EN: fmt.Sprintf("The account has no own posts or replies from the period %s – %s, so no personal identity number was published there.", dateOf(from), dateOf(in.AsOf)),
			}}
		}
		return Finding{Status: Pass, Evidence: ev, Message: Text{
			SV: fmt.Sprintf("Inget giltigt personnummer eller samordningsnummer i kontots %s%s.", posts.SV, span),
			EN: fmt.Sprintf("No valid personal identity or coordination number in the account's %s%s.", posts.EN, span),
		}}
	}
}

// idEvidence links a post or reply holding numbers, published at pub,
// quoting the sentence around the first with every number masked; where,
// when set, says where the text stood ("i ett svar").
func idEvidence(text string, pub time.Time, url string, ns []idNumber, where Text) Evidence {
	masked := maskIDNumbers(text, ns)
	// Offsets move by the masking only after a number, and every number
	// keeps its length, so the first one is where it was.
	q := sentenceAround(masked, ns[0].start, ns[0].end)
	kind := idKind(ns[0], where)
	return Evidence{
		Label:     kind,
		Value:     dateOf(pub) + ": " + q,
		ValueText: Text{SV: dateOf(pub) + ": ”" + q + "”", EN: dateOf(pub) + ": “" + q + "”"},
		URL:       url,
	}
}

// idKind labels a number's evidence: "Personnummer",
// "Samordningsnummer i ett svar".
func idKind(n idNumber, where Text) Text {
	kind := Text{SV: "Personnummer", EN: "Personal identity number"}
	if n.coord {
		kind = Text{SV: "Samordningsnummer", EN: "Coordination number"}
	}
	if where.SV != "" {
		kind.SV += " " + where.SV
		kind.EN += " " + where.EN
	}
	return kind
}

// personalInReplies reads the replies under the account's posts that were
// published in [from, end): how many there were, and evidence for each
// that holds a valid number, linked to the reply (or, when the platform
// gives it no page, its thread). A reply that is also one of the posts
// read (the account's own, on a platform that lists them) is read once.
func personalInReplies(res *scanner.Result, from, end, asOf time.Time) (int, []Evidence) {
	d := res.Fetched.Dialogue
	if d == nil {
		return 0, nil
	}
	seen := map[string]bool{}
	for _, p := range res.Fetched.Posts {
		if p.URL != "" {
			seen[p.URL] = true
		}
	}
	n := 0
	var found []Evidence
	for _, t := range d.Threads {
		for _, r := range t.Replies {
			if r.Published.Before(from) || !r.Published.Before(end) || r.URL != "" && seen[r.URL] {
				continue
			}
			n++
			ns := findIDNumbers(r.Text, asOf)
			if len(ns) == 0 {
				continue
			}
			url := r.URL
			if url == "" {
				url = t.URL
			}
			// The reply was read from its thread's answer: the evidence
			// bundle cites that, not the post's (Instagram's replies
			// have no page and link the post).
			src := sourceOf(url, t.Source)
			if r.ByAccount {
				e := idEvidence(r.Text, r.Published, url, ns, Text{SV: "i kontots svar", EN: "in the account's reply"})
				e.Source = src
				found = append(found, e)
				continue
			}
			// A visitor's words are not quoted: the sentence around the
			// number often names the person it belongs to, and the report
			// would spread what the policy has the account remove. The
			// masked number and the link say enough to find it.
			v := dateOf(r.Published) + ": " + ns[0].masked
			e := Evidence{Label: idKind(ns[0], Text{SV: "i ett svar", EN: "in a reply"}), Value: v, URL: url, Source: src}
			found = append(found, e)
		}
	}
	return n, found
}

// nameLike is a capitalised pair of words, "Anna Berg", or a handle.
var nameLike = regexp.MustCompile(`\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+|@[\p{L}\p{N}_.]+`)

// sensitiveNearName returns the sentence of s in which a sensitive word
// stands with something that looks like a person's name (not the
// sentence's first word, which is capitalised anyway).
// words are folded (foldPhrase) by the caller, once for all posts.
func sensitiveNearName(s string, words []string) (string, bool) {
	// A lower-cased substring test first: most posts hold none of the
	// words, and folding every post of a scan would allocate far more.
	lower := strings.ToLower(s)
	var f *foldedText
	for _, w := range words {
		if !strings.Contains(lower, w) {
			continue
		}
		if f == nil {
			ft := foldText(s)
			f = &ft
		}
		m, ok := f.find(w)
		if !ok {
			continue
		}
		q := sentenceAround(s, m.start, m.end)
		for _, loc := range nameLike.FindAllStringIndex(q, -1) {
			if loc[0] > 0 || strings.HasPrefix(q[loc[0]:], "@") {
				return q, true
			}
		}
	}
	return "", false
}

// defaultSensitiveWords are words of the policy's sensitive categories:
// health, ethnic origin, religion, political opinion, trade-union
// membership, sexual orientation.
func defaultSensitiveWords() []string {
	return []string{
		"diagnos", "sjukdom", "sjuk", "sjukskriven", "cancer", "hiv", "depression", "psykisk ohälsa", "missbruk", "funktionsnedsättning",
		"religion", "religiös", "muslim", "jude", "judisk", "kristen", "troende",
		"etnisk", "etniskt ursprung", "ursprung",
		"politisk åsikt", "politiska åsikter", "partimedlem",
		"fackförening", "fackligt ansluten",
		"sexuell läggning", "homosexuell", "bisexuell", "transperson",
	}
}

// personalThresholds words the rule's limits for `smaudit rules`.
func personalThresholds(cfg Config) Text {
	return Text{
		SV: "Personnummer och samordningsnummer (ÅÅMMDD-NNNN eller ÅÅÅÅMMDDNNNN, med eller utan sekel och skiljetecken - eller +; samordningsnummer med dag + 60) räknas när datumet finns och kontrollsiffran stämmer. Telefonnummer (tio siffror som börjar med 0, utan skiljetecken) och nummer efter ord som ”order” eller ”ärende” räknas inte. Ord som går till en person när de står nära ett namn: " + quoted(cfg.SensitiveWords, "”", "”") + ".",
		EN: "Personal identity and coordination numbers (YYMMDD-NNNN or YYYYMMDDNNNN, with or without century and a '-' or '+' separator; coordination numbers with day + 60) count when the date exists and the check digit is right. Phone numbers (ten digits starting with 0, without separator) and numbers after words such as “order” or “case” do not. Words that go to a person when they stand near a name: " + quoted(cfg.SensitiveWords, "“", "”") + ".",
	}
}

// fixPersonal names the platform.
func fixPersonal(acc scanner.Account) Text {
	on := onPlatform(acc)
	return Text{
		SV: "Dokumentera inlägget " + on.SV + " med en skärmdump, ta bort det omedelbart och registrera det vid behov enligt förvaltningens rutin för allmänna handlingar.",
		EN: "Document the post " + on.EN + " with a screenshot, remove it at once and register it where needed under the administration's routine for public records.",
	}
}

// personalPosts are Kulturförvaltningen's posts with text; extra is the
// text of the newest.
func personalPosts(extra string) scanner.Result {
	posts := ownPosts(5, sampleNewest, 3*24*time.Hour)
	texts := []string{extra, "Ring oss på 070-123 45 67 eller 0701234567.", "Ordernummer 198112189876 är skickat.", "Biljettsläpp 2026-11-01 kl. 10.", "Välkommen till biblioteket!"}
	for i := range posts {
		posts[i].Text = texts[i]
	}
	return demoFetched(demoProfile(), posts...)
}

// personalSamples: posts with phone, order and date numbers; one more with
// a personnummer whose check digit is wrong; and one with a valid one.
var personalSamples = []Sample{
	{Name: "phone, order and date numbers", Result: personalPosts("Program för hela familjen i helgen."), Want: Pass},
	{Name: "personnummer with a bad check digit", Result: personalPosts("Vinnaren 811218-9875 kontaktas."), Want: Pass},
	{Name: "valid personnummer 811218-9876", Result: personalPosts("Grattis till vinnaren 811218-9876!"), Want: Fail},
	{Name: "valid personnummer in a visitor's reply", Result: visitorNumber(), Want: Fail},
}

// visitorNumber is Kulturförvaltningen's account with a visitor's reply
// under one of its posts that gives a personnummer.
func visitorNumber() scanner.Result {
	post := "113500000000000030"
	return withDialogue(sampleThread(post, novemberAt(17, 9, 0),
		sampleReply("501", post, "lisa", novemberAt(17, 10, 0), "Anmäl 811218-9876 till kursen, tack."),
	))
}
