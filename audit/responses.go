package audit

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/stockholm-stad/smaudit/history"
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/responses"
	"github.com/stockholm-stad/smaudit/rules"
)

// AnsweredScan is the scan returned workbooks were made from: the one ref
// names (its number or audit date), or the latest stored.
func AnsweredScan(ctx context.Context, db *history.DB, ref string) (history.Scan, error) {
	if ref != "" {
		return db.Find(ctx, ref)
	}
	scans, err := db.Scans(ctx)
	if err != nil {
		return history.Scan{}, err
	}
	if len(scans) == 0 {
		return history.Scan{}, fmt.Errorf("%s holds no scan to answer", db.Path())
	}
	return db.Load(ctx, scans[len(scans)-1].ID)
}

// ReadWorkbook reads one returned workbook at path and checks it against
// what its scan offered for an answer.
func ReadWorkbook(path string, expect model.Expectation) ([]model.ReturnedAnswer, []model.Problem, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	return responses.ReadResponses(filepath.Base(path), f, expect)
}

// ExpectationOf lists a stored scan's failing findings per administration:
// the rows its workbooks offered an answer for.
func ExpectationOf(s history.Scan) model.Expectation {
	e := model.Expectation{Administrations: map[string]map[model.FindingKey]model.ExpectedRow{}, Slugs: map[string]string{}, AsOf: s.AsOf}
	for _, a := range s.Accounts {
		rows := e.Administrations[a.Administration]
		if rows == nil {
			rows = map[model.FindingKey]model.ExpectedRow{}
			e.Administrations[a.Administration] = rows
			e.Slugs[model.Slug(a.Administration)] = a.Administration
		}
		for _, f := range a.Findings {
			if f.Status == string(rules.Fail) {
				rows[model.FindingKey{Account: a.Key, Rule: f.Rule}] = model.ExpectedRow{Account: a.Name, Rule: f.Rule}
			}
		}
	}
	return e
}
