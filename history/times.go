package history

import (
	"fmt"
	"time"

	"github.com/stockholm-stad/smaudit/rules"
)

// dateLayout is how dates are stored: the day in Stockholm.
const dateLayout = "2006-01-02"

// stockholm is the zone audit dates are judged in.
var stockholm = rules.Stockholm

// dateText writes a date as its day in Stockholm, or "" for none.
func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(stockholm).Format(dateLayout)
}

// parseDate reads a stored day back as midnight in Stockholm; "" is none.
func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation(dateLayout, s, stockholm)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored date %q: %w", s, err)
	}
	return t, nil
}

// instantText writes an instant in UTC, or "" for none.
func instantText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// parseInstant reads a stored instant back; "" is none.
func parseInstant(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored instant %q: %w", s, err)
	}
	return t, nil
}
