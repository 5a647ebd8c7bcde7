package history

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Session holds the database's write lock for one scan, from Begin until
// Save or Rollback. Nothing it writes is visible to anyone before Save
// commits; if the process dies first, the history stays as it was.
type Session struct {
	db      *DB
	tx      *sql.Tx
	release func()
}

// errSessionDone is returned by a session used after Save or Rollback.
var errSessionDone = errors.New("history session already ended")

// Begin takes the database's write lock for a scan. If another scan holds
// it, Begin fails at once with an error wrapping ErrBusy. The session
// outlives ctx: end it with Save or Rollback (defer Rollback; after Save
// it does nothing).
func (db *DB) Begin(ctx context.Context) (*Session, error) {
	tx, release, err := db.lock(ctx)
	if err != nil {
		return nil, err
	}
	return &Session{db: db, tx: tx, release: release}, nil
}

// Save stores the scan and commits, which ends the session and releases
// the lock. It returns the new scan's ID.
func (s *Session) Save(ctx context.Context, scan Scan) (int64, error) {
	if s.tx == nil {
		return 0, errSessionDone
	}
	id, err := s.insertScan(ctx, scan)
	if err == nil {
		err = s.insertAccounts(ctx, id, scan.Accounts)
	}
	if err != nil {
		s.Rollback()
		return 0, err
	}
	err = s.tx.Commit()
	s.end()
	if err != nil {
		return 0, fmt.Errorf("history database %s: save scan of %s: commit: %w", s.db.path, dateText(scan.AsOf), err)
	}
	return id, nil
}

// Rollback discards the session and releases the lock. After Save or
// another Rollback it does nothing.
func (s *Session) Rollback() error {
	if s.tx == nil {
		return nil
	}
	err := s.tx.Rollback()
	s.end()
	if err != nil && !errors.Is(err, sql.ErrTxDone) {
		return fmt.Errorf("history database %s: rollback: %w", s.db.path, err)
	}
	return nil
}

// end returns the session's connection to the pool.
func (s *Session) end() {
	s.tx = nil
	s.release()
}

// insertScan writes the scan's own row.
func (s *Session) insertScan(ctx context.Context, scan Scan) (int64, error) {
	if scan.AsOf.IsZero() {
		return 0, fmt.Errorf("history database %s: save scan: no audit date", s.db.path)
	}
	res, err := s.tx.ExecContext(ctx, `INSERT INTO scans (as_of, registry, tool, lang) VALUES (?, ?, ?, ?)`,
		dateText(scan.AsOf), scan.Registry, scan.Tool, scan.Lang)
	if err != nil {
		return 0, fmt.Errorf("history database %s: save scan of %s: %w", s.db.path, dateText(scan.AsOf), err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("history database %s: save scan of %s: %w", s.db.path, dateText(scan.AsOf), err)
	}
	return id, nil
}

const insertAccount = `INSERT INTO accounts (scan_id, key, row, administration, name, platform_name, platform,
	url, purpose, goals, audience, owner, website, fetch_status, fetch_error_kind, fetch_error, unsupported,
	last_own_post, own_posts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

const insertFinding = `INSERT INTO findings (account_id, rule, status, judged, message, evidence,
	waiver_reason, waiver_approved_by, waiver_expires, waiver_expired, waiver_source)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// insertAccounts writes the accounts of scan id with their findings.
func (s *Session) insertAccounts(ctx context.Context, id int64, accounts []Account) error {
	accStmt, err := s.tx.PrepareContext(ctx, insertAccount)
	if err != nil {
		return fmt.Errorf("history database %s: save accounts: %w", s.db.path, err)
	}
	defer accStmt.Close()
	findStmt, err := s.tx.PrepareContext(ctx, insertFinding)
	if err != nil {
		return fmt.Errorf("history database %s: save findings: %w", s.db.path, err)
	}
	defer findStmt.Close()
	for _, a := range accounts {
		res, err := accStmt.ExecContext(ctx, id, a.Key, a.Row, a.Administration, a.Name, a.PlatformName, a.Platform,
			a.URL, a.Purpose, a.Goals, a.Audience, a.Owner, a.Website, a.FetchStatus, a.FetchErrorKind, a.FetchError,
			a.Unsupported, instantText(a.LastOwnPost), a.OwnPosts)
		if err != nil {
			return fmt.Errorf("history database %s: save account %s (row %d): %w", s.db.path, a.URL, a.Row, err)
		}
		accID, err := res.LastInsertId()
		if err != nil {
			return fmt.Errorf("history database %s: save account %s (row %d): %w", s.db.path, a.URL, a.Row, err)
		}
		for _, f := range a.Findings {
			args := []any{accID, f.Rule, f.Status, f.Judged, f.Message, f.Evidence, nil, nil, nil, nil, nil}
			if w := f.Waiver; w != nil {
				args[6], args[7], args[8], args[9], args[10] = w.Reason, w.ApprovedBy, dateText(w.Expires), w.Expired, w.Source
			}
			if _, err := findStmt.ExecContext(ctx, args...); err != nil {
				return fmt.Errorf("history database %s: save finding %s of %s (row %d): %w", s.db.path, f.Rule, a.URL, a.Row, err)
			}
		}
	}
	return nil
}
