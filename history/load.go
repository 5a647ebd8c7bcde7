package history

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/stockholm-stad/smaudit/rules"
)

// detail says how much of a scan to load: the history computation needs
// only verdicts, not messages, evidence, waivers and the registry's prose.
type detail int

const (
	everything   detail = iota
	verdictsOnly        // accounts' key, administration, name and link; findings' verdicts
	failuresOnly        // as verdictsOnly, but only the findings the rules failed
)

// loadScans loads the scans whose id the SQL condition on s selects,
// oldest first (by audit date, then id).
func (db *DB) loadScans(ctx context.Context, d detail, cond string, args ...any) ([]Scan, error) {
	scans, byID, err := db.loadScanRows(ctx, cond, args)
	if err != nil || len(scans) == 0 {
		return scans, err
	}
	accByID, err := db.loadAccounts(ctx, scans, byID, d, cond, args)
	if err != nil {
		return nil, err
	}
	if err := db.loadFindings(ctx, scans, accByID, d, cond, args); err != nil {
		return nil, err
	}
	return scans, nil
}

// loadScanRows loads the scans' own rows.
func (db *DB) loadScanRows(ctx context.Context, cond string, args []any) ([]Scan, map[int64]int, error) {
	rows, err := db.sql.QueryContext(ctx,
		`SELECT s.id, s.as_of, s.registry, s.tool, s.lang FROM scans s WHERE `+cond+` ORDER BY s.as_of, s.id`, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("history database %s: load scans: %w", db.path, err)
	}
	defer rows.Close()
	var scans []Scan
	byID := map[int64]int{}
	for rows.Next() {
		var s Scan
		var asOf string
		if err := rows.Scan(&s.ID, &asOf, &s.Registry, &s.Tool, &s.Lang); err != nil {
			return nil, nil, fmt.Errorf("history database %s: load scans: %w", db.path, err)
		}
		if s.AsOf, err = parseDate(asOf); err != nil {
			return nil, nil, fmt.Errorf("history database %s: scan %d: %w", db.path, s.ID, err)
		}
		byID[s.ID] = len(scans)
		scans = append(scans, s)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("history database %s: load scans: %w", db.path, err)
	}
	return scans, byID, nil
}

// accountRef locates a loaded account: scans[scan].Accounts[account].
type accountRef struct{ scan, account int }

// loadAccounts loads the scans' accounts, in registry order.
func (db *DB) loadAccounts(ctx context.Context, scans []Scan, byID map[int64]int, d detail, cond string, args []any) (map[int64]accountRef, error) {
	cols := `a.row, a.administration, a.name, a.platform_name, a.platform, a.url, a.purpose, a.goals, a.audience,
		a.owner, a.website, a.fetch_status, a.fetch_error_kind, a.fetch_error, a.unsupported, a.last_own_post, a.own_posts`
	if d != everything {
		// The fetch status stays: a trend shows no share for a scan in
		// which none of an administration's accounts could be read.
		cols = `0, a.administration, a.name, '', '', a.url, '', '', '', '', '', a.fetch_status, '', '', '', '', 0`
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT a.id, a.scan_id, a.key, `+cols+`
		FROM accounts a JOIN scans s ON s.id = a.scan_id WHERE `+cond+` ORDER BY a.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("history database %s: load accounts: %w", db.path, err)
	}
	defer rows.Close()
	refs := map[int64]accountRef{}
	for rows.Next() {
		var a Account
		var id, scanID int64
		var lastPost string
		if err := rows.Scan(&id, &scanID, &a.Key, &a.Row, &a.Administration, &a.Name, &a.PlatformName, &a.Platform,
			&a.URL, &a.Purpose, &a.Goals, &a.Audience, &a.Owner, &a.Website, &a.FetchStatus, &a.FetchErrorKind,
			&a.FetchError, &a.Unsupported, &lastPost, &a.OwnPosts); err != nil {
			return nil, fmt.Errorf("history database %s: load accounts: %w", db.path, err)
		}
		if a.LastOwnPost, err = parseInstant(lastPost); err != nil {
			return nil, fmt.Errorf("history database %s: account %s of scan %d: %w", db.path, a.URL, scanID, err)
		}
		si := byID[scanID]
		refs[id] = accountRef{scan: si, account: len(scans[si].Accounts)}
		scans[si].Accounts = append(scans[si].Accounts, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("history database %s: load accounts: %w", db.path, err)
	}
	return refs, nil
}

// loadFindings loads the accounts' findings, in rule order.
func (db *DB) loadFindings(ctx context.Context, scans []Scan, refs map[int64]accountRef, d detail, cond string, args []any) error {
	cols := `f.rule, f.status, f.judged`
	if d == everything {
		cols += `, f.message, f.evidence, f.waiver_reason, f.waiver_approved_by, f.waiver_expires, f.waiver_expired, f.waiver_source`
	}
	if d == failuresOnly {
		cond = `f.judged = 'fail' AND ` + cond
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT f.account_id, `+cols+`
		FROM findings f JOIN accounts a ON a.id = f.account_id JOIN scans s ON s.id = a.scan_id
		WHERE `+cond+` ORDER BY f.id`, args...)
	if err != nil {
		return fmt.Errorf("history database %s: load findings: %w", db.path, err)
	}
	defer rows.Close()
	for rows.Next() {
		var f Finding
		var accID int64
		if d == everything {
			err = scanFinding(rows, &accID, &f)
		} else {
			err = rows.Scan(&accID, &f.Rule, &f.Status, &f.Judged)
		}
		if err != nil {
			return fmt.Errorf("history database %s: load findings: %w", db.path, err)
		}
		ref, ok := refs[accID]
		if !ok {
			return fmt.Errorf("history database %s: finding %s of unknown account %d", db.path, f.Rule, accID)
		}
		acc := &scans[ref.scan].Accounts[ref.account]
		acc.Findings = append(acc.Findings, f)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("history database %s: load findings: %w", db.path, err)
	}
	return nil
}

// scanFinding reads a whole finding, its waiver included.
func scanFinding(rows *sql.Rows, accID *int64, f *Finding) error {
	var reason, approver, expires, source sql.NullString
	var expired sql.NullBool
	if err := rows.Scan(accID, &f.Rule, &f.Status, &f.Judged, &f.Message, &f.Evidence,
		&reason, &approver, &expires, &expired, &source); err != nil {
		return err
	}
	if !expires.Valid {
		return nil
	}
	w := &rules.Waiver{Reason: reason.String, ApprovedBy: approver.String, Expired: expired.Bool, Source: source.String}
	var err error
	if w.Expires, err = parseDate(expires.String); err != nil {
		return fmt.Errorf("waiver of %s: %w", f.Rule, err)
	}
	f.Waiver = w
	return nil
}

// Load returns the stored scan with the given ID.
func (db *DB) Load(ctx context.Context, id int64) (Scan, error) {
	scans, err := db.loadScans(ctx, everything, `s.id = ?`, id)
	if err != nil {
		return Scan{}, err
	}
	if len(scans) == 0 {
		return Scan{}, fmt.Errorf("history database %s: scan %d: %w", db.path, id, ErrNotFound)
	}
	return scans[0], nil
}
