package model

import (
	"fmt"
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// Unread is an account the scan could not read or did not reach: nobody
// knows how it stands, so the overview names it and its administration's
// report says what to do.
type Unread struct {
	Account *rules.Judged
	Reason  rules.Text // why it could not be read, in plain words
	// Streak counts the scans in a row, this one included, in which the
	// account could not be read; 1 without a history.
	Streak   int
	NextStep rules.Text // what the administration should do
}

// unreadOf lists the accounts of accounts that could not be read or were
// not reached, in the given order.
func unreadOf(accounts []*rules.Judged, h *History) []Unread {
	var out []Unread
	for _, j := range accounts {
		if j.Result.Status != scanner.FetchFailed && !IsNotReached(j) {
			continue
		}
		u := Unread{Account: j, Reason: unreadReason(&j.Result), Streak: 1}
		if h != nil {
			if n := h.UnreadScans[AccountKey(j.Result.Account)]; n > 0 {
				u.Streak = n
			}
		}
		u.NextStep = nextStep(&j.Result, u.Streak)
		out = append(out, u)
	}
	return out
}

// kindReasons words each fetch error kind; the technical detail, in the
// server's English, stays in results.json and the evidence.
var kindReasons = map[scanner.ErrorKind]rules.Text{
	scanner.ErrHTTPStatus:     {SV: "servern svarade med ett fel", EN: "the server answered with an error"},
	scanner.ErrTimeout:        {SV: "servern svarade inte i tid", EN: "the server did not answer in time"},
	scanner.ErrRefusedAddress: {SV: "adressen leder till ett internt nätverk och hämtas inte", EN: "the address leads to an internal network and is not fetched"},
	scanner.ErrUnparseable:    {SV: "svaret gick inte att tolka", EN: "the answer could not be understood"},
	scanner.ErrRobots:         {SV: "webbplatsens robots.txt förbjuder hämtning", EN: "the site's robots.txt forbids fetching"},
	scanner.ErrTooLarge:       {SV: "svaret var för stort", EN: "the answer was too large"},
	scanner.ErrNetwork:        {SV: "det gick inte att nå servern", EN: "the server could not be reached"},
	scanner.ErrInvalidInput:   {SV: "raden i kontoförteckningen går inte att använda", EN: "the registry row is unusable"},
	scanner.ErrNotFound:       {SV: "kontot finns inte på plattformen", EN: "the account does not exist on the platform"},
	scanner.ErrCanceled:       {SV: "granskningen avbröts innan kontot hämtades", EN: "the audit was interrupted before the account was fetched"},
	scanner.ErrBlocked:        {SV: "plattformen visade en spärr i stället för kontot", EN: "the platform showed a wall instead of the account"},
	scanner.ErrRateLimited:    {SV: "plattformens gräns för antal anrop hann inte återställas före granskningens tidsgräns", EN: "the platform's rate limit did not reset before the audit's deadline"},
}

// httpReasons are the answers a server gives most, in Swedish; the
// English ones are the standard reason phrases.
var httpReasons = map[int]string{
	400: "felaktig begäran", 401: "inloggning krävs", 403: "åtkomst nekad", 404: "sidan finns inte",
	410: "sidan är borttagen", 429: "för många anrop", 500: "internt serverfel", 502: "felaktigt svar från en mellanliggande server",
	503: "tjänsten är inte tillgänglig", 504: "en mellanliggande server svarade inte i tid",
}

// unreadReason says why the scan could not read res, in both languages.
func unreadReason(res *scanner.Result) rules.Text {
	if res.Status == scanner.FetchNotReached {
		return rules.Text{SV: "Granskningen avbröts innan kontot kontrollerades", EN: "The audit was interrupted before the account was checked"}
	}
	e := res.Err
	if e == nil {
		return rules.Text{SV: "Kontot kunde inte läsas av okänd anledning", EN: "The account could not be read for an unknown reason"}
	}
	why, ok := kindReasons[e.Kind]
	if !ok {
		why = rules.Text{SV: "okänt fel", EN: "unknown error"}
	}
	if e.StatusCode != 0 {
		code := fmt.Sprintf("HTTP %d", e.StatusCode)
		sv, en := code, code
		if r, ok := httpReasons[e.StatusCode]; ok {
			sv += ", " + r
		}
		if r := http.StatusText(e.StatusCode); r != "" {
			en += ", " + r
		}
		why = join(why, " ", rules.Text{SV: "(" + sv + ")", EN: "(" + en + ")"})
	}
	if e.Kind == scanner.ErrInvalidInput && len(res.Account.Problems) > 0 {
		var sv, en []string
		for _, p := range res.Account.Problems {
			msg := p.MessageSV
			if msg == "" {
				msg = p.Message
			}
			sv = append(sv, p.Column+": "+msg)
			en = append(en, p.Column+": "+p.Message)
		}
		why = join(why, " ", rules.Text{SV: "(" + strings.Join(sv, "; ") + ")", EN: "(" + strings.Join(en, "; ") + ")"})
	}
	if e.Skipped {
		why = join(why, "; ", rules.Text{SV: "samma server svarade inte tidigare i granskningen, så kontot hoppades över",
			EN: "the same server did not answer earlier in the audit, so the account was skipped"})
	}
	return capitalise(why)
}

// nextStep is what the administration should do about an account that
// could not be read streak scans in a row.
func nextStep(res *scanner.Result, streak int) rules.Text {
	if res.Status == scanner.FetchNotReached {
		return rules.Text{SV: "Inget behöver göras nu: kontot kontrolleras vid nästa granskning.",
			EN: "Nothing needs doing now: the account is checked in the next audit."}
	}
	var kind scanner.ErrorKind
	var code int
	if res.Err != nil {
		kind, code = res.Err.Kind, res.Err.StatusCode
	}
	var step rules.Text
	switch {
	case kind == scanner.ErrNotFound || code == 404 || code == 410:
		step = rules.Text{SV: "Kontrollera länken i kontoförteckningen. Har kontot flyttat, skriv in den nya adressen; finns det inte längre, ta bort raden.",
			EN: "Check the link in the account registry. If the account has moved, enter its new address; if it no longer exists, remove the row."}
	case kind == scanner.ErrInvalidInput:
		step = rules.Text{SV: "Rätta raden i kontoförteckningen så att den leder till kontot.",
			EN: "Correct the row in the account registry so that it leads to the account."}
	case kind == scanner.ErrBlocked || kind == scanner.ErrRobots || kind == scanner.ErrRefusedAddress || code == 401 || code == 403:
		step = rules.Text{SV: "Kontrollera kontot för hand på plattformen och meddela kommunikationsenheten varför det inte kan läsas utifrån.",
			EN: "Check the account by hand on the platform and tell the communications unit why it cannot be read from outside."}
	default:
		step = rules.Text{SV: "Öppna länken i en webbläsare. Fungerar den behöver inget göras: kontot läses vid nästa granskning. Fungerar den inte, rätta länken i kontoförteckningen.",
			EN: "Open the link in a browser. If it works, nothing needs doing: the account is read in the next audit. If it does not, correct the link in the account registry."}
	}
	if streak < 2 {
		return step
	}
	return rules.Text{
		SV: fmt.Sprintf("Kontot har inte kunnat läsas vid %s i rad. Kontrollera att länken stämmer och att kontot fortfarande används; avsluta det annars enligt policyn.", nounScan.count(streak).SV),
		EN: fmt.Sprintf("The account could not be read in %s in a row. Check that the link is right and that the account is still in use; otherwise close it as the policy says.", nounScan.count(streak).EN),
	}
}

// capitalise starts both texts with a capital letter.
func capitalise(t rules.Text) rules.Text {
	up := func(s string) string {
		r, n := utf8.DecodeRuneInString(s)
		return string(unicode.ToUpper(r)) + s[n:]
	}
	return rules.Text{SV: up(t.SV), EN: up(t.EN)}
}
