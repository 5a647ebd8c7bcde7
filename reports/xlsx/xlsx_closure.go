package xlsx

import (
	"fmt"
	"strings"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// closureTable writes the accounts proposed for closure. The overview
// (overview set) names each account's administration and, with history,
// how many audits in a row it has been inactive and what its
// administration answered. An administration's workbook says what the
// policy requires when closing and gives each account its ready notice.
func (b *xlsxBook) closureTable(s *xlsxSheet, r *model.Report, list []model.Closure, overview bool) {
	lang := b.lang
	history := overview && r.History != nil
	keys := []string{"col.account", "col.platform", "col.url", "col.lastOwnPost", "col.daysSince", "col.owner"}
	switch {
	case history:
		keys = append(keys, "col.inactiveScans", "col.adminAnswer")
	case !overview:
		keys = append(keys, "closure.notice")
	}
	if overview {
		keys = append([]string{"col.administration"}, keys...)
	}
	s.table(lang, keys...)
	for _, c := range list {
		acc := c.Account.Result.Account
		s.next()
		col := 1
		if overview {
			s.text(col, acc.Administration, b.st.text)
			col++
		}
		s.text(col, acc.Name, b.st.text)
		s.text(col+1, acc.PlatformName, b.st.text)
		s.link(col+2, acc.URL)
		s.date(col+3, c.LastOwnPost, b.st.date, model.L(lang, "value.none"))
		if c.DaysSince < 0 {
			s.text(col+4, model.L(lang, "value.na"), b.st.text)
		} else {
			s.number(col+4, c.DaysSince, b.st.number)
		}
		s.text(col+5, b.owner(acc), b.st.text)
		switch {
		case history:
			key := model.AccountKey(acc)
			if n := r.History.InactiveScans[key]; n > 0 {
				s.number(col+6, n, b.st.number)
			} else {
				s.text(col+6, model.L(lang, "value.na"), b.st.text)
			}
			if resp, ok := r.History.Responses[model.FindingKey{Account: key, Rule: rules.InactiveAccount}]; ok {
				s.text(col+7, answerText(lang, resp), b.st.text)
			}
		case !overview:
			s.text(col+6, model.ClosureNotice(acc.Name, acc.Administration, acc.Website), b.st.text)
		}
	}
	s.endTable()
	if len(list) == 0 {
		s.next()
		s.free(1, model.L(lang, "closure.none"), b.st.text)
	}
	// Below the table, so only its header is frozen.
	s.skip(1)
	s.next()
	s.free(1, fmt.Sprintf(model.L(lang, "closure.explain"), r.Meta.InactiveDays), b.st.text)
	if !overview {
		s.next()
		s.free(1, model.L(lang, "closure.howTo"), b.st.text)
	}
}

// answerText is an answer in lang followed by its comment:
// "Kontot avslutas: stängs i december".
func answerText(lang string, resp model.Response) string {
	a := model.ResponseAnswer(lang, resp.Answer)
	if c := strings.TrimSpace(resp.Comment); c != "" {
		return a + ": " + c
	}
	return a
}
