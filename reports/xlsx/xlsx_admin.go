package xlsx

import (
	"fmt"
	"io"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/workbook"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// WriteAdministrationXLSX writes one administration's workbook: a summary
// with the audit's facts and counts, its accounts worst first, every
// finding of its accounts, the checklist of what a person must check by
// hand, and the accounts proposed for closure. It names only a's
// accounts.
func WriteAdministrationXLSX(w io.Writer, r *model.Report, a *model.Administration) error {
	if a == nil {
		return fmt.Errorf("administration workbook: no administration given")
	}
	title := model.L(r.Meta.Lang, "admin.title") + " – " + a.Name
	b, err := newXLSXBook(r, title)
	if err != nil {
		return fmt.Errorf("workbook for %s: %w", a.Name, err)
	}
	b.adminSummary(b.sheet("sheet.summary"), r, a, title)
	b.adminAccounts(b.sheet("sheet.accounts"), r, a)
	b.adminFindings(b.sheet("sheet.findings"), r, a)
	if len(a.Unread) > 0 {
		b.unreadSheet(b.sheet("sheet.unread"), a.Unread, false)
	}
	b.adminChecklist(b.sheet("sheet.checklist"), a)
	b.closureTable(b.sheet("sheet.closure"), r, a.Closure, false)
	if err := b.write(w); err != nil {
		return fmt.Errorf("workbook for %s: %w", a.Name, err)
	}
	return nil
}

// adminSummary writes the facts, the counts, how to answer, the change
// since the previous scan and the scan's notes. It holds no table, so
// nothing on it is frozen: the accounts have a sheet of their own.
func (b *xlsxBook) adminSummary(s *xlsxSheet, r *model.Report, a *model.Administration, title string) {
	lang := b.lang
	b.meta(s, r, title, a.Name)
	c := a.Counts
	b.interrupted(s, r, c)
	s.skip(1)
	b.counts(s, r, c, a.Coverage, false)
	s.para(workbook.Label(lang, "answers.howTo"), b.st.wrap)
	b.granskning(s, a.Granskning)
	if r.History != nil {
		b.changeSummary(s, r, a)
	}
	b.notes(s, a.Notes)
}

// adminAccounts writes the administration's accounts worst first, one
// row each, under a header in the first row.
func (b *xlsxBook) adminAccounts(s *xlsxSheet, r *model.Report, a *model.Administration) {
	lang := b.lang
	s.table(lang, "col.account", "col.platform", "col.url", "col.owner", "col.fetch", "col.checkedBy", "col.fail", "col.error",
		"col.manual", "col.lastOwnPost", "col.postsInWindow")
	for _, j := range a.Worst {
		acc := j.Result.Account
		t := r.Tally(j)
		s.next()
		s.text(1, acc.Name, b.st.text)
		s.text(2, acc.PlatformName, b.st.text)
		s.link(3, acc.URL)
		s.text(4, b.owner(acc), b.st.text)
		s.text(5, model.FetchText(lang, &j.Result), b.st.text)
		s.text(6, model.CheckedLabel(lang, j.Result.Status), b.st.text)
		if model.IsNotReached(j) {
			// No findings, so no counts: "–", not a clean 0.
			for col := 7; col <= 11; col++ {
				s.text(col, model.L(lang, "value.na"), b.st.text)
			}
			continue
		}
		s.number(7, t.Fail, b.st.number)
		s.number(8, t.Error, b.st.number)
		s.number(9, t.Manual, b.st.number)
		if j.Result.Status != scanner.FetchOK || j.Result.Fetched.PostsHidden != "" {
			// No post could be read: neither "none" nor 0 would be true.
			s.text(10, model.L(lang, "value.na"), b.st.text)
			s.text(11, model.L(lang, "value.na"), b.st.text)
			continue
		}
		s.date(10, j.LastOwnPost, b.st.date, model.L(lang, "value.none"))
		s.number(11, j.OwnPostsInWindow, b.st.number)
	}
	s.endTable()
}

// adminFindings writes one row per finding of every account: with
// history, how it moved since the previous scan; for a failing finding,
// an answer drop-down, a comment cell and the hidden key that
// ReadResponses recognises the row by.
func (b *xlsxBook) adminFindings(s *xlsxSheet, r *model.Report, a *model.Administration) {
	lang := b.lang
	cols := xlsxColumns{"col.account", "col.platform", "col.url", "col.owner", "col.ruleId", "col.rule", "col.status", "col.severity"}
	if r.History != nil {
		cols = append(cols, "col.change")
	}
	cols = append(cols, "col.answer", "col.comment", "col.message", "col.evidence", "col.fix", "col.policy",
		"col.policyText", "col.fetchError", "col.key", "col.check")
	s.table(lang, cols...)
	var answerable []int
	for _, j := range a.Accounts {
		acc := j.Result.Account
		reason := model.ReadFailure(lang, &j.Result)
		for _, f := range j.Findings {
			sec := b.section(f)
			s.next()
			s.text(cols.at("col.account"), acc.Name, b.st.text)
			s.text(cols.at("col.platform"), acc.PlatformName, b.st.text)
			s.link(cols.at("col.url"), acc.URL)
			s.text(cols.at("col.owner"), b.owner(acc), b.st.text)
			s.text(cols.at("col.ruleId"), f.Rule, b.st.text)
			s.text(cols.at("col.rule"), b.ruleTitle(f), b.st.text)
			s.status(cols.at("col.status"), lang, f.Status)
			s.text(cols.at("col.severity"), b.severity(f), b.st.text)
			if c, ok := r.ChangeOf(j, f.Rule); ok {
				s.text(cols.at("col.change"), model.ChangeLabel(lang, c), b.st.text)
			}
			s.text(cols.at("col.message"), b.message(f), b.st.text)
			s.linked(cols.at("col.evidence"), evidence(lang, f), evidenceLink(f))
			s.text(cols.at("col.fix"), b.fix(f), b.st.text)
			s.text(cols.at("col.policy"), sec.Title.In(lang), b.st.text)
			s.text(cols.at("col.policyText"), sec.Quote.In(lang), b.st.text)
			if f.Status == rules.Error {
				s.text(cols.at("col.fetchError"), reason, b.st.text)
			}
			if f.Status == rules.Fail {
				s.text(cols.at("col.answer"), "", b.st.input)
				s.text(cols.at("col.comment"), "", b.st.input)
				s.text(cols.at("col.key"), model.ResponseKey(model.FindingKey{Account: model.AccountKey(acc), Rule: f.Rule}), b.st.text)
				answerable = append(answerable, s.row)
			}
			s.text(cols.at("col.check"), rowCheck(cols, s.written), b.st.text)
		}
	}
	s.endTable()
	s.measure(cols.at("col.answer"), textWidth(longestAnswer(lang)))
	s.measure(cols.at("col.comment"), xlsxCommentWidth)
	s.hide(cols.at("col.key"))
	s.hide(cols.at("col.check"))
	b.responseList(s, cols.at("col.answer"), answerable)
}
