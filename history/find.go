package history

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Scans lists the stored scans, oldest first.
func (db *DB) Scans(ctx context.Context) ([]ScanInfo, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT s.id, s.as_of, s.registry, s.tool,
		(SELECT count(*) FROM accounts a WHERE a.scan_id = s.id)
		FROM scans s ORDER BY s.as_of, s.id`)
	if err != nil {
		return nil, fmt.Errorf("history database %s: list scans: %w", db.path, err)
	}
	defer rows.Close()
	var out []ScanInfo
	for rows.Next() {
		var si ScanInfo
		var asOf string
		if err := rows.Scan(&si.ID, &asOf, &si.Registry, &si.Tool, &si.Accounts); err != nil {
			return nil, fmt.Errorf("history database %s: list scans: %w", db.path, err)
		}
		if si.AsOf, err = parseDate(asOf); err != nil {
			return nil, fmt.Errorf("history database %s: scan %d: %w", db.path, si.ID, err)
		}
		out = append(out, si)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("history database %s: list scans: %w", db.path, err)
	}
	return out, nil
}

// Find returns the scan a person names: its ID ("12") or its audit date
// ("2026-06-30", the latest scan of that date).
func (db *DB) Find(ctx context.Context, ref string) (Scan, error) {
	id, date, err := parseRef(ref)
	if err != nil {
		return Scan{}, err
	}
	if id == 0 {
		var found sql.NullInt64
		if err := db.sql.QueryRowContext(ctx, `SELECT max(id) FROM scans WHERE as_of = ?`, date).Scan(&found); err != nil {
			return Scan{}, fmt.Errorf("history database %s: scan %q: %w", db.path, ref, err)
		}
		if !found.Valid {
			return Scan{}, fmt.Errorf("history database %s: no scan of %s: %w", db.path, ref, ErrNotFound)
		}
		id = found.Int64
	}
	s, err := db.Load(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return Scan{}, fmt.Errorf("history database %s: no scan %q: %w", db.path, ref, ErrNotFound)
	}
	return s, err
}

// parseRef reads a scan reference: a positive ID, or an audit date
// written YYYY-MM-DD, returned as stored.
func parseRef(ref string) (id int64, date string, err error) {
	if ref == "" {
		return 0, "", errors.New("scan reference is empty: give a scan ID or an audit date (YYYY-MM-DD)")
	}
	if n, err := strconv.ParseInt(ref, 10, 64); err == nil {
		if n <= 0 {
			return 0, "", fmt.Errorf("scan reference %q: an ID is a positive number", ref)
		}
		return n, "", nil
	}
	t, err := time.ParseInLocation(dateLayout, ref, stockholm)
	if err != nil {
		return 0, "", fmt.Errorf("scan reference %q: give a scan ID or an audit date (YYYY-MM-DD)", ref)
	}
	return 0, dateText(t), nil
}

// latestPerDate selects, for each audit date before ?, the latest scan of
// that date: a scan run again for the same date replaces the earlier run
// in the history.
const latestPerDate = `s.id IN (SELECT max(id) FROM scans WHERE as_of < ? GROUP BY as_of)`

// Before returns the latest stored scan with an audit date before asOf:
// the previous scan of a new scan of that date. The bool is false when
// there is none.
func (db *DB) Before(ctx context.Context, asOf time.Time) (Scan, bool, error) {
	var id sql.NullInt64
	err := db.sql.QueryRowContext(ctx, `SELECT id FROM scans WHERE as_of < ? ORDER BY as_of DESC, id DESC LIMIT 1`,
		dateText(asOf)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return Scan{}, false, nil
	}
	if err != nil {
		return Scan{}, false, fmt.Errorf("history database %s: scan before %s: %w", db.path, dateText(asOf), err)
	}
	s, err := db.Load(ctx, id.Int64)
	if err != nil {
		return Scan{}, false, err
	}
	return s, true, nil
}
