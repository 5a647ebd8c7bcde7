package history

import (
	"context"
	"fmt"

	"github.com/stockholm-stad/smaudit/reports/model"
)

// StoredResponse is an administration's answer to one finding of a
// stored scan, with where it was read.
type StoredResponse struct {
	Key            model.FindingKey
	Administration string
	Answer         string // one of model.ResponseAnswers, in Swedish
	Comment        string
	File           string // the returned workbook
	Sheet          string
	Row            int
}

// where names the cell range an answer was read from, for errors.
func (r StoredResponse) where() string {
	return fmt.Sprintf("%s: sheet %q, row %d", r.File, r.Sheet, r.Row)
}

// SaveResponses stores answers to findings of scan scanID, replacing
// earlier answers to the same findings, all in one transaction. Each
// answer must name a finding of that scan and a known answer.
func (db *DB) SaveResponses(ctx context.Context, scanID int64, rs []StoredResponse) (err error) {
	for _, r := range rs {
		if !knownAnswer(r.Answer) {
			return fmt.Errorf("%s: answer %q is not one of the answers the workbook offers", r.where(), r.Answer)
		}
	}
	tx, release, err := db.lock(ctx)
	if err != nil {
		return err
	}
	defer release()
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM scans WHERE id = ?`, scanID).Scan(&n); err != nil {
		return fmt.Errorf("history database %s: save answers: %w", db.path, err)
	}
	if n == 0 {
		return fmt.Errorf("history database %s: save answers to scan %d: %w", db.path, scanID, ErrNotFound)
	}
	exists, err := tx.PrepareContext(ctx, `SELECT count(*) FROM findings f JOIN accounts a ON a.id = f.account_id
		WHERE a.scan_id = ? AND a.key = ? AND f.rule = ?`)
	if err != nil {
		return fmt.Errorf("history database %s: save answers: %w", db.path, err)
	}
	defer exists.Close()
	upsert, err := tx.PrepareContext(ctx, `INSERT INTO responses
		(scan_id, account_key, rule, administration, answer, comment, source_file, sheet, row)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (scan_id, account_key, rule) DO UPDATE SET administration = excluded.administration,
		answer = excluded.answer, comment = excluded.comment, source_file = excluded.source_file,
		sheet = excluded.sheet, row = excluded.row`)
	if err != nil {
		return fmt.Errorf("history database %s: save answers: %w", db.path, err)
	}
	defer upsert.Close()
	for _, r := range rs {
		if err := exists.QueryRowContext(ctx, scanID, r.Key.Account, r.Key.Rule).Scan(&n); err != nil {
			return fmt.Errorf("history database %s: %s: %w", db.path, r.where(), err)
		}
		if n == 0 {
			return fmt.Errorf("%s: scan %d has no finding %s on %s", r.where(), scanID, r.Key.Rule, r.Key.Account)
		}
		if _, err := upsert.ExecContext(ctx, scanID, r.Key.Account, r.Key.Rule, r.Administration, r.Answer,
			r.Comment, r.File, r.Sheet, r.Row); err != nil {
			return fmt.Errorf("history database %s: %s: %w", db.path, r.where(), err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("history database %s: save answers: commit: %w", db.path, err)
	}
	return nil
}

// knownAnswer reports whether answer is one of the offered answers, as
// stored (in Swedish).
func knownAnswer(answer string) bool {
	for _, a := range model.ResponseAnswers {
		if a.SV == answer {
			return true
		}
	}
	return false
}

// Responses returns the answers stored for scan scanID's findings, each
// dated with that scan's audit date.
func (db *DB) Responses(ctx context.Context, scanID int64) (map[model.FindingKey]model.Response, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT r.account_key, r.rule, r.answer, r.comment, s.as_of
		FROM responses r JOIN scans s ON s.id = r.scan_id WHERE r.scan_id = ?`, scanID)
	if err != nil {
		return nil, fmt.Errorf("history database %s: answers to scan %d: %w", db.path, scanID, err)
	}
	defer rows.Close()
	out := map[model.FindingKey]model.Response{}
	for rows.Next() {
		var k model.FindingKey
		var r model.Response
		var asOf string
		if err := rows.Scan(&k.Account, &k.Rule, &r.Answer, &r.Comment, &asOf); err != nil {
			return nil, fmt.Errorf("history database %s: answers to scan %d: %w", db.path, scanID, err)
		}
		if r.AsOf, err = parseDate(asOf); err != nil {
			return nil, fmt.Errorf("history database %s: answers to scan %d: %w", db.path, scanID, err)
		}
		out[k] = r
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("history database %s: answers to scan %d: %w", db.path, scanID, err)
	}
	return out, nil
}
