package model

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stockholm-stad/smaudit/rules"
)

// scope is what one report's prose speaks of: an administration's
// accounts, or the whole city's.
type scope struct {
	r         *Report
	adm       *Administration // nil for the city-wide overview
	catalog   []rules.Rule
	accounts  []*rules.Judged
	counts    Counts
	coverage  Coverage
	closure   []Closure
	unread    []Unread
	checklist []ChecklistItem
}

// cityScope is the overview's scope.
func cityScope(r *Report) *scope {
	s := &scope{r: r, catalog: r.Rules, accounts: r.Accounts, counts: r.Summary, coverage: r.Coverage, closure: r.Closure, unread: r.Unread}
	for _, a := range r.Administrations {
		s.checklist = append(s.checklist, a.Checklist...)
	}
	return s
}

// adminScope is one administration's scope.
func adminScope(r *Report, a *Administration) *scope {
	return &scope{r: r, adm: a, catalog: r.Rules, accounts: a.Accounts, counts: a.Counts, coverage: a.Coverage,
		closure: a.Closure, unread: a.Unread, checklist: a.Checklist}
}

// name is how the scope's prose names an account: by its name in an
// administration's report, with the administration in the overview.
func (s *scope) name(j *rules.Judged) string {
	a := j.Result.Account
	if s.adm != nil {
		return a.Name
	}
	return a.Name + " (" + a.Administration + ")"
}

// subject is who the report is about, as the subject of a sentence.
func (s *scope) subject() rules.Text {
	if s.adm != nil {
		return rules.Text{SV: s.adm.Name, EN: s.adm.Name}
	}
	return rules.Text{SV: "Stadens konton", EN: "The city's accounts"}
}

// pct writes a share as prose does, "83 %", the sign kept with its
// figure.
func pct(share float64) string { return strings.Replace(Percent(share), " ", "\u00a0", 1) }

// listJoin joins items as a sentence lists them: "A, B och C".
func listJoin(items []string, and string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + and + " " + items[len(items)-1]
}

// listText joins texts in both languages.
func listText(items []rules.Text) rules.Text {
	sv := make([]string, len(items))
	en := make([]string, len(items))
	for i, t := range items {
		sv[i], en[i] = t.SV, t.EN
	}
	return rules.Text{SV: listJoin(sv, "och"), EN: listJoin(en, "and")}
}

// lowerFirst starts s with a small letter, for a title inside a sentence.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// sentences joins texts as sentences of one paragraph, skipping empty
// ones.
func sentences(parts ...rules.Text) rules.Text {
	var sv, en []string
	for _, p := range parts {
		if p.SV != "" {
			sv = append(sv, p.SV)
		}
		if p.EN != "" {
			en = append(en, p.EN)
		}
	}
	return rules.Text{SV: strings.Join(sv, " "), EN: strings.Join(en, " ")}
}
