package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/workbook"
)

// Columns of the checklist sheet that a person fills in.
const (
	xlsxAnswerCol  = 9
	xlsxCommentCol = 10
	// xlsxCommentWidth leaves room to write in the comment column.
	xlsxCommentWidth = 40
)

// adminChecklist writes the questions a person must answer by hand, one
// row each, with an answer drop-down and an empty comment cell. With
// nothing to check, it says so under the header, so every workbook has
// the same sheets.
func (b *xlsxBook) adminChecklist(s *xlsxSheet, a *model.Administration) {
	lang := b.lang
	s.table(lang, "col.account", "col.platform", "col.url", "col.owner", "col.ruleId", "col.question", "col.where", "col.why",
		"col.answer", "col.comment")
	for _, it := range a.Checklist {
		acc := it.Account.Result.Account
		s.next()
		s.text(1, acc.Name, b.st.text)
		s.text(2, acc.PlatformName, b.st.text)
		s.link(3, acc.URL)
		s.text(4, b.owner(acc), b.st.text)
		s.text(5, it.Rule.ID, b.st.text)
		s.text(6, it.Question.In(lang), b.st.text)
		s.text(7, it.Where.In(lang), b.st.text)
		s.text(8, it.Finding.Message.In(lang), b.st.text)
		s.text(xlsxAnswerCol, "", b.st.input)
		s.text(xlsxCommentCol, "", b.st.input)
	}
	s.endTable()
	s.measure(xlsxCommentCol, xlsxCommentWidth)
	if len(a.Checklist) == 0 {
		s.next()
		s.free(1, model.L(lang, "checklist.none"), b.st.text)
		return
	}
	b.answerList(s, s.head+1, s.last)
}

// answerList offers the answers Yes, No and Partly as a drop-down in the
// answer column from row first to row last.
func (b *xlsxBook) answerList(s *xlsxSheet, first, last int) {
	col, err := excelize.ColumnNumberToName(xlsxAnswerCol)
	s.fail(err)
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s%d:%s%d", col, first, col, last)
	answers := []string{model.L(b.lang, "answer.yes"), model.L(b.lang, "answer.no"), model.L(b.lang, "answer.partly")}
	s.fail(dv.SetDropList(answers))
	dv.SetError(excelize.DataValidationErrorStyleStop, workbook.Label(b.lang, "col.answer"), fmt.Sprintf(workbook.Label(b.lang, "answer.pick"), answers[0], answers[1], answers[2]))
	s.fail(s.f.AddDataValidation(s.name, dv))
}
