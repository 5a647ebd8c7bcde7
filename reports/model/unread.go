package model

import (
	"fmt"
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

// unreadReason says why the scan could not read res, in both languages.
func unreadReason(res *scanner.Result) rules.Text {
	if res.Status == scanner.FetchNotReached {
		return rules.Text{SV: "Granskningen avbröts innan kontot kontrollerades", EN: "The audit was interrupted before the account was checked"}
	}
	e := res.Err
	if e == nil {
		return rules.Text{SV: "Kontot kunde inte läsas av okänd anledning", EN: "The account could not be read for an unknown reason"}
	}
	// The rules' wording: the kind and the HTTP status in Swedish (the
	// server's own English only in the English text), an unusable row's
	// problems in the reader's language.
	why := rules.ReadFailure(res)
	return capitalise(why)
}

// nothingToDo reports whether an account went unread for the audit's
// sake alone: the audit stopped, or the platform made it wait past its
// deadline. Nothing about the account is wrong; the next audit reads it.
func nothingToDo(res *scanner.Result) bool {
	if res.Status == scanner.FetchNotReached {
		return true
	}
	return res.Err != nil && (res.Err.Kind == scanner.ErrCanceled || res.Err.Kind == scanner.ErrRateLimited)
}

// nextStep is what the administration should do about an account that
// could not be read streak scans in a row.
func nextStep(res *scanner.Result, streak int) rules.Text {
	var kind scanner.ErrorKind
	var code int
	if res.Err != nil {
		kind, code = res.Err.Kind, res.Err.StatusCode
	}
	if nothingToDo(res) {
		return rules.Text{SV: "Inget behöver göras nu: kontot kontrolleras vid nästa granskning.",
			EN: "Nothing needs doing now: the account is checked in the next audit."}
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
