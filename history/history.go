package history

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/reports/model"
)

// HistoryFor computes what the stored scans add to the report of cur, a
// scan not saved yet: its change since the latest scan with an earlier
// audit date, added and removed accounts, trends, inactive streaks, and
// the answers given to the previous scan. Of several scans with one audit
// date, the latest stands for that date.
func (db *DB) HistoryFor(ctx context.Context, cur Scan) (*model.History, error) {
	before, err := db.scansBefore(ctx, cur.AsOf)
	if err != nil {
		return nil, err
	}
	if len(before) == 0 {
		return compare(nil, cur, nil), nil
	}
	prev := before[len(before)-1]
	return db.withResponses(ctx, compare(&prev, cur, before[:len(before)-1]), prev)
}

// Diff compares two stored scans as a report of to would compare it with
// from: to is the current scan, from the previous one, and the scans
// before from are the earlier history (so the trend and the inactive
// streaks skip any scans between from and to). from must not be later
// than to.
func (db *DB) Diff(ctx context.Context, from, to Scan) (*model.History, error) {
	if from.AsOf.After(to.AsOf) {
		return nil, fmt.Errorf("diff: scan %d of %s is later than scan %d of %s: swap --from and --to",
			from.ID, dateText(from.AsOf), to.ID, dateText(to.AsOf))
	}
	earlier, err := db.scansBefore(ctx, from.AsOf)
	if err != nil {
		return nil, err
	}
	return db.withResponses(ctx, compare(&from, to, earlier), from)
}

// scansBefore loads the verdicts of the latest scan of each audit date
// before asOf, oldest first. Of the scans older than the trend shows, only
// the failures are loaded: all the history needs of them is when a
// finding failed.
func (db *DB) scansBefore(ctx context.Context, asOf time.Time) ([]Scan, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT s.id FROM scans s WHERE `+latestPerDate+` ORDER BY s.as_of`, dateText(asOf))
	if err != nil {
		return nil, fmt.Errorf("history database %s: scans before %s: %w", db.path, dateText(asOf), err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("history database %s: scans before %s: %w", db.path, dateText(asOf), err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("history database %s: scans before %s: %w", db.path, dateText(asOf), err)
	}
	split := max(0, len(ids)-(TrendScans-1))
	old, err := db.loadScans(ctx, failuresOnly, idIn(ids[:split]))
	if err != nil {
		return nil, err
	}
	recent, err := db.loadScans(ctx, verdictsOnly, idIn(ids[split:]))
	if err != nil {
		return nil, err
	}
	return append(old, recent...), nil
}

// idIn is the SQL condition that s is one of the scans ids.
func idIn(ids []int64) string {
	if len(ids) == 0 {
		return "0"
	}
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return "s.id IN (" + strings.Join(parts, ", ") + ")"
}

// withResponses adds the answers given to prev's findings that still fail
// or were fixed.
func (db *DB) withResponses(ctx context.Context, h *model.History, prev Scan) (*model.History, error) {
	if prev.ID == 0 {
		return h, nil
	}
	rs, err := db.Responses(ctx, prev.ID)
	if err != nil {
		return nil, err
	}
	for key, r := range rs {
		switch h.Changes[key].Kind {
		case model.ChangePersisting, model.ChangeFixed:
			if h.Responses == nil {
				h.Responses = map[model.FindingKey]model.Response{}
			}
			h.Responses[key] = r
		}
	}
	return h, nil
}
