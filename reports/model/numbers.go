package model

import (
	"strconv"

	"github.com/stockholm-stad/smaudit/rules"
)

// Number writes a count as the report's language does: Swedish groups
// thousands with a space ("1 234"), English with a comma ("1,234"). The
// Swedish space is a no-break space, so a figure never wraps apart.
func Number(lang string, n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	sep := "\u00a0"
	if lang == "en" {
		sep = ","
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	return sign + s
}

// noun is a countable word in both languages, singular and plural.
type noun struct{ sv1, svN, en1, enN string }

// Nouns the report's sentences count.
var (
	nounAccount        = noun{"konto", "konton", "account", "accounts"}
	nounPoint          = noun{"kontrollpunkt", "kontrollpunkter", "checkpoint", "checkpoints"}
	nounScan           = noun{"granskning", "granskningar", "audit", "audits"}
	nounDay            = noun{"dag", "dagar", "day", "days"}
	nounAdministration = noun{"förvaltning", "förvaltningar och bolag", "administration", "administrations and companies"}
)

// count writes n and the noun in its number, "1 konto", "2 konton",
// "1 234 konton".
func (w noun) count(n int) rules.Text {
	sv, en := w.svN, w.enN
	if n == 1 {
		sv, en = w.sv1, w.en1
	}
	return rules.Text{SV: Number("sv", n) + " " + sv, EN: Number("en", n) + " " + en}
}
