package model

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// TestAnswersOrder checks the one order every writer lists stored answers
// in: the report's account order (Swedish), then catalog order with rules
// the catalog lacks after it, and answers about accounts that left the
// registry last, by key.
func TestAnswersOrder(t *testing.T) {
	account := func(admin, name, url string) rules.Judged {
		return rules.Judged{Result: scanner.Result{Account: scanner.Account{Administration: admin, Name: name, URL: url}, Status: scanner.FetchOK}}
	}
	catalog := []rules.Rule{{ID: "b-rule"}, {ID: "a-rule"}}
	answer := Response{Answer: "Åtgärdad"}
	history := &History{Responses: map[FindingKey]Response{
		{Account: "gone.example/a", Rule: "a-rule"}:            answer,
		{Account: "social.example/@ostermalm", Rule: "a-rule"}: answer,
		{Account: "social.example/@amne", Rule: "unknown"}:     answer,
		{Account: "social.example/@amne", Rule: "a-rule"}:      answer,
		{Account: "social.example/@amne", Rule: "b-rule"}:      answer,
		{Account: "social.example/@zebra", Rule: "b-rule"}:     answer,
		{Account: "another.example/z", Rule: "b-rule"}:         answer,
	}}
	r := Build([]rules.Judged{
		account("Östermalm", "Nyheter", "https://social.example/@ostermalm"),
		account("Kultur", "Ämne", "https://social.example/@amne"),
		account("Kultur", "Zebra", "https://social.example/@zebra"),
	}, catalog, Meta{}, Inputs{History: history})
	var got []string
	for _, a := range r.Answers() {
		got = append(got, a.Key.Account+" "+a.Key.Rule)
		if (a.Account == nil) != (a.Key.Account == "gone.example/a" || a.Key.Account == "another.example/z") {
			t.Errorf("%s: account %v, want nil only for accounts that left", a.Key.Account, a.Account)
		}
	}
	want := []string{
		"social.example/@zebra b-rule",
		"social.example/@amne b-rule",
		"social.example/@amne a-rule",
		"social.example/@amne unknown",
		"social.example/@ostermalm a-rule",
		"another.example/z b-rule",
		"gone.example/a a-rule",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
	if (&Report{}).Answers() != nil {
		t.Error("a report without history has answers")
	}
}
