package audit

import (
	"context"

	"github.com/stockholm-stad/smaudit/history"
	"github.com/stockholm-stad/smaudit/reports/model"
)

// Comparison is two stored scans and what changed from the first to the
// second (DiffGroups groups it for a person).
type Comparison struct {
	From, To history.Scan
	Changes  *model.History
}

// ScanRefError is CompareScans' error for a scan the history does not
// hold, saying which of the two it was, so a front end can point at the
// input that named it.
type ScanRefError struct {
	Which string // "from" or "to"
	Err   error
}

func (e *ScanRefError) Error() string { return e.Which + ": " + e.Err.Error() }

// Unwrap returns the history's error.
func (e *ScanRefError) Unwrap() error { return e.Err }

// CompareScans opens the history at dbPath and compares the scans fromRef
// and toRef name (a scan's number or its audit date) as a report of the
// later would.
func CompareScans(ctx context.Context, dbPath, fromRef, toRef string) (*Comparison, error) {
	db, err := OpenStoredHistory(ctx, dbPath)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	c := &Comparison{}
	if c.From, err = db.Find(ctx, fromRef); err != nil {
		return nil, &ScanRefError{Which: "from", Err: err}
	}
	if c.To, err = db.Find(ctx, toRef); err != nil {
		return nil, &ScanRefError{Which: "to", Err: err}
	}
	if c.Changes, err = db.Diff(ctx, c.From, c.To); err != nil {
		return nil, err
	}
	return c, nil
}
