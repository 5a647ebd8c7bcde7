package responses

import (
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/workbook"
)

// FuzzResponseRows feeds the row checks of ReadResponses whatever a
// person, or a broken spreadsheet program, may leave in a returned
// workbook's cells. Nothing may panic, and an answer is only ever read
// from a row whose key is this administration's failing finding, whose
// visible cells match it, and whose answer is one of the list.
func FuzzResponseRows(f *testing.F) {
	e := model.ExpectationFrom(xhReport("sv"))
	admin := "Östermalms stadsdelsförvaltning"
	f.Add("social.example/@ostermalm|city-affiliation", "Östermalm nyheter", "city-affiliation", "Åtgärdad", "klart", "Nyckel")
	f.Add("social.example/@ostermalm|inactive-account", "Östermalm nyheter", "inactive-account", "Kanske", "", "Key")
	f.Add("social.example/@stadsteatern|inactive-account", "Stadsteatern", "inactive-account", "Fixed", "", "Nyckel")
	f.Add("|", "", "", "", "", "")
	f.Add("a|b|c", "\x00", "=1+1", "ÅTGÄRDAD", "\r\n", "Svar")
	f.Fuzz(func(t *testing.T, key, account, rule, answer, comment, keyHeader string) {
		rd := &responseReader{file: "f.xlsx", expected: e, lang: "sv", admin: admin}
		rows := [][]string{
			{"Konto", "Regel-id", "Svar", "Kommentar", keyHeader},
			{account, rule, answer, comment, key},
			{account, rule, answer, comment, key},
		}
		rd.checkRows("Resultat", rows)
		for _, a := range rd.answers {
			want, ok := e.Administrations[admin][a.Key]
			if !ok {
				t.Fatalf("answer read for key %v, not a failing finding of %s", a.Key, admin)
			}
			// The visible cells may differ from the scan's only by
			// surrounding space.
			if strings.TrimSpace(account) != strings.TrimSpace(workbook.CellText(want.Account)) || strings.TrimSpace(rule) != want.Rule {
				t.Fatalf("answer read from a row showing %q / %q, but the key is %q / %q", account, rule, want.Account, want.Rule)
			}
			if _, ok := model.ParseAnswer(a.Answer); !ok || a.Answer != canonical(a.Answer) {
				t.Fatalf("answer %q is not a stored Swedish answer", a.Answer)
			}
		}
		if len(rd.answers) > 1 {
			t.Fatalf("the same finding read twice: %+v", rd.answers)
		}
	})
}

// canonical is an answer as ParseAnswer stores it.
func canonical(s string) string {
	sv, _ := model.ParseAnswer(s)
	return sv
}

// FuzzParseResponseKey checks that a parsed key writes back as read.
func FuzzParseResponseKey(f *testing.F) {
	f.Add("social.example/@ostermalm|city-affiliation")
	f.Add("example.org/?q=a|b|rule")
	f.Add("||")
	f.Fuzz(func(t *testing.T, s string) {
		k, ok := model.ParseResponseKey(s)
		if !ok {
			return
		}
		if k.Account == "" || k.Rule == "" {
			t.Fatalf("ParseResponseKey(%q) = %+v: empty part", s, k)
		}
		again, ok := model.ParseResponseKey(model.ResponseKey(k))
		if !ok || again != k {
			t.Fatalf("key %+v does not survive a round trip: %+v", k, again)
		}
	})
}
