package audit

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/history"
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// Reading a table's rows back from a written workbook or PDF's text, for
// formats_test.go.

func refNames(refs []model.AccountRef) []string {
	var names []string
	for _, r := range refs {
		names = append(names, r.Name)
	}
	return names
}

// sameOrder reports a table whose rows differ from the model's.
func sameOrder(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}

// sheetRows is the named sheet's cells, row by row.
func sheetRows(t *testing.T, book *excelize.File, name string) [][]string {
	t.Helper()
	rows, err := book.GetRows(name)
	if err != nil {
		t.Fatalf("sheet %q: %v (sheets %q)", name, err, book.GetSheetList())
	}
	return rows
}

// column is the cells of column col that name one of names, top down.
func column(rows [][]string, col int, names []string) []string {
	var got []string
	for _, row := range rows {
		if col < len(row) && slices.Contains(names, row[col]) {
			got = append(got, row[col])
		}
	}
	return got
}

// section is the rows after the first whose first cell starts with from,
// up to the next whose first cell starts with to ("" for the end).
func section(rows [][]string, from, to string) [][]string {
	for i, row := range rows {
		if len(row) > 0 && strings.HasPrefix(row[0], from) {
			rest := rows[i+1:]
			for j, r := range rest {
				if to != "" && len(r) > 0 && strings.HasPrefix(r[0], to) {
					return rest[:j]
				}
			}
			return rest
		}
	}
	return nil
}

// answersTo answers up to four failing findings of report r, as an
// administration's returned workbook would, each with a comment of its
// own, in the reverse of the report's order so the writers must sort.
func answersTo(r *model.Report) []history.StoredResponse {
	var out []history.StoredResponse
	for _, j := range r.Accounts {
		for _, fd := range j.Findings {
			if fd.Status == rules.Fail && len(out) < 4 {
				out = append(out, history.StoredResponse{
					Key:            model.FindingKey{Account: model.AccountKey(j.Result.Account), Rule: fd.Rule},
					Administration: j.Result.Account.Administration,
					Answer:         model.ResponseAnswers[0].SV,
					File:           "svar.xlsx", Sheet: "Resultat", Row: len(out) + 2,
				})
			}
		}
	}
	slices.Reverse(out)
	for i := range out {
		out[i].Comment = fmt.Sprintf("svar%d", i+1)
	}
	return out
}
