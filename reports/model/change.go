package model

import (
	"fmt"
	"strings"

	"github.com/stockholm-stad/smaudit/rules"
)

// ChangeOf returns the finding's change since the previous scan, if the
// report has history and the finding moved.
func (r *Report) ChangeOf(j *rules.Judged, rule string) (Change, bool) {
	if r.History == nil {
		return Change{}, false
	}
	c, ok := r.History.Changes[FindingKey{Account: AccountKey(j.Result.Account), Rule: rule}]
	return c, ok
}

// ChangeCounts tallies findings by their change since the previous scan.
type ChangeCounts struct{ New, Persisting, Fixed, Reopened int }

// ChangesOf tallies the changes of the given accounts' findings. Only
// accounts in this scan count: a removed account is listed as removed
// instead, so the administrations' tallies add up to the city's.
func (r *Report) ChangesOf(accounts []*rules.Judged) ChangeCounts {
	var t ChangeCounts
	for _, j := range accounts {
		for _, fd := range j.Findings {
			c, ok := r.ChangeOf(j, fd.Rule)
			if !ok {
				continue
			}
			switch c.Kind {
			case ChangeNew:
				t.New++
			case ChangePersisting:
				t.Persisting++
			case ChangeFixed:
				t.Fixed++
			case ChangeReopened:
				t.Reopened++
			}
		}
	}
	return t
}

// ChangeLabel words a change for a reader: "Ny", "Kvarstår sedan
// 2026-03-31", "Åtgärdad", "Återkommande".
func ChangeLabel(lang string, c Change) string {
	switch c.Kind {
	case ChangeNew:
		return L(lang, "change.new")
	case ChangePersisting:
		if c.FailingSince.IsZero() {
			return L(lang, "change.persisting")
		}
		return fmt.Sprintf(L(lang, "change.persistingSince"), Date(c.FailingSince))
	case ChangeFixed:
		return L(lang, "change.fixed")
	case ChangeReopened:
		return L(lang, "change.reopened")
	}
	return ""
}

// ResponseAnswer gives an answer, stored in Swedish, in lang.
func ResponseAnswer(lang, answer string) string {
	for _, a := range ResponseAnswers {
		if a.SV == answer {
			if lang == "en" {
				return a.EN
			}
			return a.SV
		}
	}
	return answer
}

// WaiverLine words a finding's waiver: "Undantag till 2027-06-30, godkänt
// av X: skäl" or, past its expiry, that it no longer applies.
func WaiverLine(lang string, w *rules.Waiver) string {
	if w == nil {
		return ""
	}
	key := "waiver.applies"
	if w.Expired {
		key = "waiver.expired"
	}
	return fmt.Sprintf(L(lang, key), Date(w.Expires), w.ApprovedBy, w.Reason)
}

// ClosureNotice is the ready text an administration posts on an account
// it closes, as the policy requires: that and why the account closes,
// where to go instead, and that the account is archived as the city
// archive advises. It is always Swedish: it is published to Stockholmers.
func ClosureNotice(acc string, admin string, website string) string {
	if website == "" {
		website = "stockholm.se"
	}
	website = strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(website, "https://"), "http://"), "/")
	return fmt.Sprintf("Det här kontot, %s, avslutas. %s har inte längre möjlighet att hålla kontot aktivt "+
		"och samlar i stället sin information på andra kanaler. Du hittar oss fortsatt på %s, där du också "+
		"kan kontakta oss. Tack till alla som har följt och deltagit här! Inläggen på kontot arkiveras enligt "+
		"Stockholms stadsarkivs vägledning för arkivering av webb och sociala medier.", acc, admin, website)
}
