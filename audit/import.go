package audit

import (
	"context"

	"github.com/stockholm-stad/smaudit/history"
	"github.com/stockholm-stad/smaudit/reports/model"
)

// Returned is one returned workbook as ImportResponses read it.
type Returned struct {
	Path string
	// Answers is how many answers it gave; they are stored only when the
	// workbook is Accepted.
	Answers int
	// Problems say by sheet and row why it was rejected.
	Problems []model.Problem
	// Err says why it could not be read at all.
	Err error
}

// Accepted reports whether the workbook's answers are stored.
func (r Returned) Accepted() bool { return r.Err == nil && len(r.Problems) == 0 }

// Import is what ImportResponses read and stored.
type Import struct {
	// Scan is the scan the workbooks answer.
	Scan history.Scan
	// Workbooks are in the order they were named.
	Workbooks []Returned
	// Stored is how many answers were stored.
	Stored int
}

// Rejected counts the workbooks nothing was stored from.
func (im *Import) Rejected() int {
	n := 0
	for _, w := range im.Workbooks {
		if !w.Accepted() {
			n++
		}
	}
	return n
}

// ImportResponses reads the workbooks at paths, returned for the scan
// scanRef names (its number or audit date; the latest when empty) in the
// history at dbPath, and stores the answers of every workbook without
// problems, all in one transaction. A workbook with any problem is
// rejected whole: an administration never has half its answers stored
// and the rest silently dropped. An error means nothing was stored; the
// Import, never nil, still lists the workbooks read before it.
func ImportResponses(ctx context.Context, dbPath, scanRef string, paths []string) (*Import, error) {
	im := &Import{}
	db, err := OpenStoredHistory(ctx, dbPath)
	if err != nil {
		return im, err
	}
	defer db.Close()
	if im.Scan, err = AnsweredScan(ctx, db, scanRef); err != nil {
		return im, err
	}
	expect := ExpectationOf(im.Scan)
	var accepted []history.StoredResponse
	for _, path := range paths {
		answers, problems, err := ReadWorkbook(path, expect)
		im.Workbooks = append(im.Workbooks, Returned{Path: path, Answers: len(answers), Problems: problems, Err: err})
		if err != nil || len(problems) > 0 {
			continue
		}
		for _, a := range answers {
			accepted = append(accepted, history.StoredResponse{Key: a.Key, Administration: a.Administration,
				Answer: a.Answer, Comment: a.Comment, File: a.File, Sheet: a.Sheet, Row: a.Row})
		}
	}
	if err := db.SaveResponses(ctx, im.Scan.ID, accepted); err != nil {
		return im, err
	}
	im.Stored = len(accepted)
	return im, nil
}
