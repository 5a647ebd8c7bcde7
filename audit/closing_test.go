package audit

import (
	"context"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/history"
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// TestRunHoldsAnsweredClosingAccountsToTheNotice: an administration that
// answered "Kontot avslutas" to the previous scan makes its account a
// closure candidate in the next, though the account still posts.
func TestRunHoldsAnsweredClosingAccountsToTheNotice(t *testing.T) {
	t.Parallel()
	opts := storedDemo(t)
	ctx := context.Background()
	db, err := OpenStoredHistory(ctx, opts.DBPath)
	if err != nil {
		t.Fatal(err)
	}
	var ostermalm string
	for _, acc := range opts.Registry.Accounts {
		if acc.Name == "Östermalm" {
			ostermalm = model.AccountKey(acc)
		}
	}
	err = db.SaveResponses(ctx, 1, []history.StoredResponse{{
		Key: model.FindingKey{Account: ostermalm, Rule: rules.ParticipationTerms}, Administration: "Östermalms stadsdelsförvaltning",
		Answer: "Kontot avslutas", Comment: "Stängs vid årsskiftet", File: "ostermalm.xlsx", Sheet: "Svar", Row: 2,
	}})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	opts.AsOf = opts.AsOf.AddDate(0, 0, 11)
	a, err := Open(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	res, err := a.Run(ctx, &recordingProgress{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]rules.Finding{}
	for _, adm := range res.Report.Administrations {
		for _, j := range adm.Accounts {
			for _, f := range j.Findings {
				if f.Rule == rules.ClosureNotice {
					got[j.Result.Account.Name] = f
				}
			}
		}
	}
	f := got["Östermalm"]
	if f.Status != rules.Fail || !strings.Contains(f.Message.SV, "Kontot föreslås för avslut") {
		t.Errorf("Östermalm, answered: %s (%s), want fail as a closure candidate", f.Status, f.Message.SV)
	}
	if len(f.Evidence) == 0 || !strings.Contains(f.Evidence[0].ValueIn("sv"), "Stängs vid årsskiftet") {
		t.Errorf("Östermalm's evidence %+v does not name the answer", f.Evidence)
	}
	if f := got["Kulturförvaltningen"]; f.Status != rules.Pass {
		t.Errorf("Kulturförvaltningen, not answered: %s (%s), want pass", f.Status, f.Message.SV)
	}
}
