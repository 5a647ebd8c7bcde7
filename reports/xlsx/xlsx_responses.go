package xlsx

import (
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/workbook"
	"github.com/stockholm-stad/smaudit/scanner"
)

// requestAnswer is the answer, in Swedish, that asks for a waiver.
const requestAnswer = "Begär undantag"

// waiverRequests keeps the answers that ask for a waiver.
func waiverRequests(list []model.Answer) []model.Answer {
	var out []model.Answer
	for _, sr := range list {
		if sr.Response.Answer == requestAnswer {
			out = append(out, sr)
		}
	}
	return out
}

// responseAccount names the account an answer is about: from the
// registry when it is still there, else by its key.
func responseAccount(sr model.Answer) scanner.Account {
	if sr.Account != nil {
		return sr.Account.Result.Account
	}
	return scanner.Account{Name: sr.Key.Account}
}

// now words how the answered finding stands in this scan: its change
// since the previous scan, else its status, else nothing.
func (b *xlsxBook) now(r *model.Report, sr model.Answer) string {
	if c, ok := r.History.Changes[sr.Key]; ok {
		return model.ChangeLabel(b.lang, c)
	}
	if sr.Account == nil {
		return ""
	}
	for _, f := range sr.Account.Findings {
		if f.Rule == sr.Key.Rule {
			return model.StatusLabel(b.lang, f.Status)
		}
	}
	return ""
}

// failTitle names the rule an answer is about by its fail title.
func (b *xlsxBook) failTitle(rule string) string {
	if rl, ok := b.rules[rule]; ok {
		return rl.FailTitle.In(b.lang)
	}
	return rule
}

// answerSheet lists every stored answer with the finding it answers and
// how that finding stands now.
func (b *xlsxBook) answerSheet(s *xlsxSheet, r *model.Report, list []model.Answer) {
	lang := b.lang
	s.table(lang, "col.administration", "col.account", "col.url", "col.ruleId", "col.rule", "col.answer", "col.comment",
		"col.answeredAudit", "col.now")
	for _, sr := range list {
		acc := responseAccount(sr)
		s.next()
		s.text(1, acc.Administration, b.st.text)
		s.text(2, acc.Name, b.st.text)
		s.link(3, acc.URL)
		s.text(4, sr.Key.Rule, b.st.text)
		s.text(5, b.failTitle(sr.Key.Rule), b.st.text)
		s.text(6, model.ResponseAnswer(lang, sr.Response.Answer), b.st.text)
		s.text(7, sr.Response.Comment, b.st.text)
		s.date(8, sr.Response.AsOf, b.st.date, model.Date(sr.Response.AsOf))
		s.text(9, b.now(r, sr), b.st.text)
	}
	s.endTable()
	s.explain(workbook.Label(lang, "answers.explain"))
}

// requestSheet lists the answers asking for a waiver, for the
// communications unit to decide.
func (b *xlsxBook) requestSheet(s *xlsxSheet, r *model.Report, list []model.Answer) {
	lang := b.lang
	s.table(lang, "col.administration", "col.account", "col.url", "col.ruleId", "col.rule", "col.comment",
		"col.answeredAudit", "col.now")
	for _, sr := range list {
		acc := responseAccount(sr)
		s.next()
		s.text(1, acc.Administration, b.st.text)
		s.text(2, acc.Name, b.st.text)
		s.link(3, acc.URL)
		s.text(4, sr.Key.Rule, b.st.text)
		s.text(5, b.failTitle(sr.Key.Rule), b.st.text)
		s.text(6, sr.Response.Comment, b.st.text)
		s.date(7, sr.Response.AsOf, b.st.date, model.Date(sr.Response.AsOf))
		s.text(8, b.now(r, sr), b.st.text)
	}
	s.endTable()
	s.explain(workbook.Label(lang, "requests.explain"))
}
