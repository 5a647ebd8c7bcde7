package history

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// closingAnswer is the answer that says an account will be closed, as
// the workbook's drop-down writes it (model.ResponseAnswers).
const closingAnswer = "Kontot avslutas"

// ClosingAnswers returns, by account key (model.AccountKey), the answers
// "Kontot avslutas" given to the latest stored scan before asOf, the scan
// a report of asOf compares with. The audit reads them before judging,
// so closure-notice holds such an account to the closing notice even
// while it still posts. None without an earlier scan.
func (db *DB) ClosingAnswers(ctx context.Context, asOf time.Time) (map[string]rules.ClosingAnswer, error) {
	var id int64
	err := db.sql.QueryRowContext(ctx, `SELECT s.id FROM scans s WHERE `+latestPerDate+` ORDER BY s.as_of DESC LIMIT 1`, dateText(asOf)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("history database %s: the scan before %s: %w", db.path, dateText(asOf), err)
	}
	rs, err := db.Responses(ctx, id)
	if err != nil {
		return nil, err
	}
	var out map[string]rules.ClosingAnswer
	for _, k := range sortedResponseKeys(rs) {
		r := rs[k]
		if r.Answer != closingAnswer {
			continue
		}
		if out == nil {
			out = map[string]rules.ClosingAnswer{}
		}
		if _, seen := out[k.Account]; !seen { // several findings answered alike: the first rule's comment
			out[k.Account] = rules.ClosingAnswer{Comment: r.Comment, AsOf: r.AsOf}
		}
	}
	return out, nil
}

// sortedResponseKeys orders answers by account, then rule, so which
// comment stands for an account never depends on map order.
func sortedResponseKeys[V any](m map[model.FindingKey]V) []model.FindingKey {
	keys := make([]model.FindingKey, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].Account != keys[j].Account {
			return keys[i].Account < keys[j].Account
		}
		return keys[i].Rule < keys[j].Rule
	})
	return keys
}
