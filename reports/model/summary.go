package model

import (
	"fmt"
	"math"
	"strings"

	"github.com/stockholm-stad/smaudit/rules"
)

// summaryOf is the one-minute paragraph.
func summaryOf(s *scope, recs []Recommendation) rules.Text {
	var who rules.Text
	if s.adm != nil {
		n := nounAccount.count(len(s.accounts))
		who = rules.Text{SV: fmt.Sprintf("%s har %s i kontoförteckningen.", s.adm.Name, n.SV),
			EN: fmt.Sprintf("%s has %s in the account registry.", s.adm.Name, n.EN)}
	} else {
		n, m := nounAccount.count(len(s.accounts)), nounAdministration.count(len(s.r.Administrations))
		who = rules.Text{SV: fmt.Sprintf("Granskningen omfattar %s hos %s.", n.SV, m.SV),
			EN: fmt.Sprintf("The audit covers %s of %s.", n.EN, m.EN)}
	}
	cov := s.coverage.text()
	cov = rules.Text{SV: capitalFirst(cov.SV) + ".", EN: capitalFirst(cov.EN) + "."}
	return sentences(who, cov, standing(s), sinceLast(s), missing(s), topActions(recs))
}

// missing counts, in the overview, the accounts discovery found that the
// registry lacks: the policy asks for every account to be reported.
func missing(s *scope) rules.Text {
	if s.adm != nil || len(s.r.Unregistered) == 0 {
		return rules.Text{}
	}
	n := nounAccount.count(len(s.r.Unregistered))
	verb := "were"
	if len(s.r.Unregistered) == 1 {
		verb = "was"
	}
	return rules.Text{SV: fmt.Sprintf("Dessutom hittades %s som saknas i kontoförteckningen.", n.SV),
		EN: fmt.Sprintf("Also, %s missing from the account registry %s found.", n.EN, verb)}
}

// standing says how the accounts stand: the share met, or why there is
// none, and how many accounts fail something.
func standing(s *scope) rules.Text {
	c := s.counts
	if why := c.NoShare(); why != "" {
		return rules.Text{SV: "Ingen andel uppfyllda kan anges: " + L("sv", why) + ".", EN: "No compliance share can be given: " + L("en", why) + "."}
	}
	share := c.Compliance()
	t := rules.Text{
		SV: fmt.Sprintf("Av de automatiskt bedömda kontrollpunkterna är %s uppfyllda (%s av %s).", pct(share), Number("sv", c.Pass), Number("sv", c.Pass+c.Fail)),
		EN: fmt.Sprintf("Of the checkpoints assessed automatically, %s are met (%s of %s).", pct(share), Number("en", c.Pass), Number("en", c.Pass+c.Fail)),
	}
	if c.AccountsFailing == 0 {
		return sentences(t, rules.Text{SV: "Inget konto har någon underkänd punkt.", EN: "No account fails any checkpoint."})
	}
	if c.Accounts == 1 {
		return sentences(t, rules.Text{SV: "Kontot har minst en underkänd punkt.", EN: "The account fails at least one checkpoint."})
	}
	verbEN := "fail"
	if c.AccountsFailing == 1 {
		verbEN = "fails"
	}
	return sentences(t, rules.Text{
		SV: fmt.Sprintf("%s av %s har minst en underkänd punkt.", Number("sv", c.AccountsFailing), nounAccount.count(c.Accounts).SV),
		EN: fmt.Sprintf("%s of %s %s at least one checkpoint.", Number("en", c.AccountsFailing), nounAccount.count(c.Accounts).EN, verbEN),
	})
}

// sinceLast compares with the previous stored scan: better, worse or the
// same by the share met, and the checkpoints fixed and new. Without a
// history nothing is said: the report cannot know.
func sinceLast(s *scope) rules.Text {
	h := s.r.History
	if h == nil {
		return rules.Text{}
	}
	if h.Previous.IsZero() {
		return rules.Text{SV: "Det finns ingen tidigare sparad granskning att jämföra med.", EN: "There is no earlier stored audit to compare with."}
	}
	// The previous scan's points of the administrations in this one: the
	// trend holds those alone.
	var before []TrendPoint
	for _, p := range h.Trend {
		if p.AsOf.Equal(h.Previous) && (s.adm == nil || p.Administration == s.adm.Name) {
			before = append(before, p)
		}
	}
	prev := Date(h.Previous)
	if len(before) == 0 {
		if s.adm == nil {
			return rules.Text{SV: fmt.Sprintf("Inget av kontona fanns med i förra granskningen (%s).", prev),
				EN: fmt.Sprintf("None of the accounts was part of the previous audit (%s).", prev)}
		}
		return rules.Text{SV: fmt.Sprintf("Förvaltningen fanns inte med i förra granskningen (%s).", prev),
			EN: fmt.Sprintf("The administration was not part of the previous audit (%s).", prev)}
	}
	var t rules.Text
	was, is := TrendCounts(before...).Compliance(), s.counts.Compliance()
	switch diff := math.Round((is-was)*100) / 100; {
	case was < 0 || is < 0:
		t = rules.Text{SV: fmt.Sprintf("Jämfört med förra granskningen (%s) kan ingen förändring av andelen uppfyllda anges.", prev),
			EN: fmt.Sprintf("Compared with the previous audit (%s), no change in the compliance share can be given.", prev)}
	case diff > 0:
		t = rules.Text{SV: fmt.Sprintf("Läget är bättre än vid förra granskningen (%s): andelen uppfyllda har ökat från %s till %s.", prev, pct(was), pct(is)),
			EN: fmt.Sprintf("The position is better than at the previous audit (%s): the compliance share rose from %s to %s.", prev, pct(was), pct(is))}
	case diff < 0:
		t = rules.Text{SV: fmt.Sprintf("Läget är sämre än vid förra granskningen (%s): andelen uppfyllda har minskat från %s till %s.", prev, pct(was), pct(is)),
			EN: fmt.Sprintf("The position is worse than at the previous audit (%s): the compliance share fell from %s to %s.", prev, pct(was), pct(is))}
	default:
		t = rules.Text{SV: fmt.Sprintf("Andelen uppfyllda är densamma som vid förra granskningen (%s), %s.", prev, pct(is)),
			EN: fmt.Sprintf("The compliance share is the same as at the previous audit (%s), %s.", prev, pct(is))}
	}
	ch := s.r.ChangesOf(s.accounts)
	var moved []rules.Text
	if ch.Fixed > 0 {
		moved = append(moved, nounPointFixed.count(ch.Fixed))
	}
	if n := ch.New + ch.Reopened; n > 0 {
		moved = append(moved, nounPointNew.count(n))
	}
	if len(moved) == 0 {
		return t
	}
	l := listText(moved)
	return sentences(t, rules.Text{SV: "Sedan dess har " + l.SV + ".", EN: "Since then, " + l.EN + "."})
}

// Counted phrases of what changed since the previous scan, and of the
// accounts an interrupted scan got to.
var (
	nounCheckedAccount = noun{"kontrollerat konto", "kontrollerade konton", "account checked", "accounts checked"}
	nounPointFixed     = noun{"punkt åtgärdats", "punkter åtgärdats", "checkpoint has been fixed", "checkpoints have been fixed"}
	nounPointNew       = noun{"punkt tillkommit", "punkter tillkommit", "checkpoint has started failing", "checkpoints have started failing"}
)

// topActions names the three most important actions.
func topActions(recs []Recommendation) rules.Text {
	if len(recs) == 0 {
		return rules.Text{SV: "Inga åtgärder behövs.", EN: "No action is needed."}
	}
	if len(recs) > 3 {
		recs = recs[:3]
	}
	items := make([]rules.Text, len(recs))
	for i, r := range recs {
		n := nounAccount.count(len(r.Accounts))
		items[i] = rules.Text{SV: fmt.Sprintf("%s (%s)", lowerFirst(r.Text.SV), n.SV), EN: fmt.Sprintf("%s (%s)", lowerFirst(r.Text.EN), n.EN)}
	}
	sv := make([]string, len(items))
	en := make([]string, len(items))
	for i, it := range items {
		sv[i], en[i] = it.SV, it.EN
	}
	// Semicolons, since an action may have an "och" of its own.
	return rules.Text{SV: "Viktigast att göra: " + strings.Join(sv, "; ") + ".", EN: "Most important to do: " + strings.Join(en, "; ") + "."}
}

// capitalFirst starts s with a capital letter.
func capitalFirst(s string) string { return capitalise(rules.Text{SV: s}).SV }
