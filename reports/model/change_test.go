package model_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

func TestAccountKeyIgnoresSpelling(t *testing.T) {
	a := model.AccountKey(scanner.Account{URL: "https://www.Facebook.com/Kultur/"})
	b := model.AccountKey(scanner.Account{URL: "http://facebook.com/Kultur"})
	if a != b || a != "facebook.com/Kultur" {
		t.Errorf("keys %q and %q, want both facebook.com/Kultur", a, b)
	}
}

func TestChangeAndWaiverWords(t *testing.T) {
	since := time.Date(2026, 3, 31, 0, 0, 0, 0, rules.Stockholm)
	if got := model.ChangeLabel("sv", model.Change{Kind: model.ChangePersisting, FailingSince: since}); got != "Kvarstår sedan 2026-03-31" {
		t.Errorf("persisting: %q", got)
	}
	if got := model.ChangeLabel("en", model.Change{Kind: model.ChangeReopened}); got != "Reopened" {
		t.Errorf("reopened: %q", got)
	}
	w := &rules.Waiver{Reason: "Kontot används bara vid kriser", ApprovedBy: "Anna Berg", Expires: time.Date(2027, 6, 30, 0, 0, 0, 0, rules.Stockholm)}
	if got := model.WaiverLine("sv", w); !strings.Contains(got, "till och med 2027-06-30") || !strings.Contains(got, "Anna Berg") {
		t.Errorf("waiver: %q", got)
	}
	w.Expired = true
	if got := model.WaiverLine("en", w); !strings.Contains(got, "no longer applies") {
		t.Errorf("expired waiver: %q", got)
	}
	if got := model.ResponseAnswer("en", "Begär undantag"); got != "Exception requested" {
		t.Errorf("answer: %q", got)
	}
	n := model.ClosureNotice("Sommarskolan Stockholm", "Utbildningsförvaltningen", "https://start.stockholm/")
	for _, want := range []string{"avslutas", "Utbildningsförvaltningen", "på start.stockholm, där", "stadsarkivs vägledning"} {
		if !strings.Contains(n, want) {
			t.Errorf("notice lacks %q: %s", want, n)
		}
	}
}
