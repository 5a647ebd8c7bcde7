package audit

import (
	"fmt"
	"strings"
	"time"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// ReportConfig is the config's report block: who sends the reports, whom
// to ask, by when to answer and where to send the answered workbook. A
// report nobody sends and that asks for nothing by no date is read and
// put away; these make it a letter an administration answers.
type ReportConfig struct {
	Sender  string        `yaml:"sender"` // e.g. "Stadsledningskontoret, kommunikationsenheten"
	Contact ContactConfig `yaml:"contact"`
	// ReplyBy is the last day to answer, YYYY-MM-DD; or leave it out and
	// give ReplyWithinDays, counted from the audit date.
	ReplyBy         string `yaml:"reply-by"`
	ReplyWithinDays int    `yaml:"reply-within-days"`
	SendTo          string `yaml:"send-to"` // where the answered workbook goes, usually an e-mail address
}

// ContactConfig is the person readers of a report ask.
type ContactConfig struct {
	Name  string `yaml:"name"`
	Email string `yaml:"email"`
}

// problems lists the block's unusable values, each naming its key below
// report, for parseConfig to place in the file.
func (c ReportConfig) problems() []rules.ConfigError {
	var errs []rules.ConfigError
	if c.ReplyBy != "" {
		if _, err := time.Parse(time.DateOnly, c.ReplyBy); err != nil {
			errs = append(errs, rules.ConfigError{Key: "reply-by", Message: fmt.Sprintf("%q is not a date like 2027-01-31", c.ReplyBy)})
		}
		if c.ReplyWithinDays != 0 {
			errs = append(errs, rules.ConfigError{Key: "reply-within-days", Message: "give reply-by or reply-within-days, not both"})
		}
	}
	if c.ReplyWithinDays < 0 {
		errs = append(errs, rules.ConfigError{Key: "reply-within-days", Message: fmt.Sprintf("%d must be at least 1", c.ReplyWithinDays)})
	}
	if c.Contact.Email != "" && !isEmail(c.Contact.Email) {
		errs = append(errs, rules.ConfigError{Key: "contact.email", Message: fmt.Sprintf("%q is not an e-mail address like name@stockholm.se", c.Contact.Email)})
	}
	return errs
}

// isEmail reports whether s is a bare address: one @, a name before it,
// a domain with a dot after it, no spaces. Reports print it as a mailto
// link, so "Anna <anna@…>" or a typo must not pass.
func isEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	return ok && local != "" && strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") &&
		!strings.HasSuffix(domain, ".") && !strings.ContainsAny(s, " \t<>,;\"") && !strings.Contains(domain, "@")
}

// Info resolves the block for the report of the audit on asOf: the reply
// date, given or counted from the audit date, as midnight in Stockholm.
// Zero without either.
func (c ReportConfig) Info(asOf time.Time) model.ReportInfo {
	info := model.ReportInfo{Sender: strings.TrimSpace(c.Sender), ContactName: strings.TrimSpace(c.Contact.Name),
		ContactEmail: strings.TrimSpace(c.Contact.Email), SendTo: strings.TrimSpace(c.SendTo)}
	switch {
	case c.ReplyBy != "":
		if d, err := time.ParseInLocation(time.DateOnly, c.ReplyBy, rules.Stockholm); err == nil {
			info.ReplyBy = d
		}
	case c.ReplyWithinDays > 0:
		day := asOf.In(rules.Stockholm)
		info.ReplyBy = time.Date(day.Year(), day.Month(), day.Day()+c.ReplyWithinDays, 0, 0, 0, 0, rules.Stockholm)
	}
	return info
}
