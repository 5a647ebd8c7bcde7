package model_test

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// checklistKey names a checklist item or a manual finding.
type checklistKey struct{ Account, Rule string }

func TestBuildChecklistHoldsExactlyTheManualFindings(t *testing.T) {
	r := checklistReport("sv")
	catalog := checklistCatalog()
	rank := map[string]int{}
	for i, rl := range catalog {
		rank[rl.ID] = i
	}
	for _, a := range r.Administrations {
		t.Run(a.Slug, func(t *testing.T) {
			var want, got []checklistKey
			// The checklist walks each account's questions in catalog
			// order, whatever order Judge gives its findings in.
			for _, j := range a.Accounts {
				var manual []checklistKey
				for _, f := range j.Findings {
					if f.Status == rules.Manual {
						manual = append(manual, checklistKey{j.Result.Account.Name, f.Rule})
					}
				}
				sort.SliceStable(manual, func(x, y int) bool { return rank[manual[x].Rule] < rank[manual[y].Rule] })
				want = append(want, manual...)
			}
			for i, it := range a.Checklist {
				got = append(got, checklistKey{it.Account.Result.Account.Name, it.Finding.Rule})
				if it.Finding.Status != rules.Manual {
					t.Errorf("item %d: status %s, want manual", i, it.Finding.Status)
				}
				if it.Rule.ID != it.Finding.Rule {
					t.Errorf("item %d: rule %q for finding of %q", i, it.Rule.ID, it.Finding.Rule)
				}
				rl, _ := rules.Find(catalog, it.Finding.Rule)
				if it.Question != rl.Question || it.Question.SV == "" {
					t.Errorf("item %d: question %+v, want the rule's %+v", i, it.Question, rl.Question)
				}
				if where := rules.WhereToLook(it.Account.Result.Account.Platform, it.Finding.Rule); it.Where != where {
					t.Errorf("item %d: where %+v, want %+v", i, it.Where, where)
				}
				if i > 0 && a.Checklist[i-1].Account == it.Account && rank[a.Checklist[i-1].Rule.ID] >= rank[it.Rule.ID] {
					t.Errorf("item %d: %s after %s, want rule order", i, it.Rule.ID, a.Checklist[i-1].Rule.ID)
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("checklist (-manual findings +checklist):\n%s", diff)
			}
		})
	}
	idrott := adminBySlug(t, r, idrottSlug)
	var blog []string
	for _, it := range idrott.Checklist {
		if it.Account.Result.Account.Name == "Idrottsbloggen" {
			blog = append(blog, it.Rule.ID)
		}
	}
	// Its feed is too short to judge its pace or to read every post for
	// personal data, and a blog's comments are not read.
	if diff := cmp.Diff([]string{rules.PostingFrequency, rules.ResponseTime, rules.PersonalData}, blog); diff != "" {
		t.Errorf("the fetched blog's checklist (-want +got):\n%s", diff)
	}
	if first := idrott.Checklist[0].Account.Result.Account.Name; first != "Idrott på Facebook" {
		t.Errorf("first account %q, want Idrott på Facebook (accounts in name order)", first)
	}
}

func TestChecklistOrdersByRuleAndKeepsUnknownRulesLast(t *testing.T) {
	catalog := checklistCatalog()
	manual := func(rule string) rules.Finding {
		return rules.Finding{Rule: rule, Status: rules.Manual, Message: rules.Text{SV: "Kontrollera " + rule, EN: "Check " + rule}}
	}
	j := &rules.Judged{
		Result: scanner.Result{Account: scanner.Account{Name: "A", Platform: scanner.Instagram}, Status: scanner.FetchUnsupported},
		Findings: []rules.Finding{manual("unknown-rule"), manual("inactive-account"), {Rule: "website-link", Status: rules.Pass},
			manual("account-exists"), {Rule: "contact-details", Status: rules.Fail}, manual("city-affiliation")},
	}
	items := model.Build([]rules.Judged{*j}, catalog, model.Meta{}, model.Inputs{}).Administrations[0].Checklist
	var got []string
	for _, it := range items {
		got = append(got, it.Rule.ID)
	}
	if diff := cmp.Diff([]string{"account-exists", "city-affiliation", "inactive-account", "unknown-rule"}, got); diff != "" {
		t.Fatalf("order (-want +got):\n%s", diff)
	}
	if q := items[3].Question; q != manual("unknown-rule").Message {
		t.Errorf("an unknown rule's question %+v, want the finding's message", q)
	}
	if w := items[0].Where; w != rules.WhereToLook(scanner.Instagram, "account-exists") {
		t.Errorf("where %+v", w)
	}
}

func TestUnsupportedAndCheckedLabels(t *testing.T) {
	tests := []struct {
		reason scanner.UnsupportedReason
		sv, en string
	}{
		{scanner.NeedsMetaToken, "Kräver Meta-token (Graph API)", "Needs a Meta token (Graph API)"},
		{scanner.NeedsXToken, "Kräver token för X API", "Needs an X API token"},
		{scanner.NoPublicSurface, "Visas inte utan inloggning", "Not shown without logging in"},
		{scanner.NoAdapter, "Plattformen kontrolleras inte automatiskt", "Platform not checked automatically"},
		{"", "Plattformen kontrolleras inte automatiskt", "Platform not checked automatically"},
		{"something-new", "Plattformen kontrolleras inte automatiskt", "Platform not checked automatically"},
	}
	for _, tt := range tests {
		t.Run(string(tt.reason), func(t *testing.T) {
			if got := model.UnsupportedLabel("sv", tt.reason); got != tt.sv {
				t.Errorf("sv: %q, want %q", got, tt.sv)
			}
			if got := model.UnsupportedLabel("en", tt.reason); got != tt.en {
				t.Errorf("en: %q, want %q", got, tt.en)
			}
		})
	}
	checked := []struct {
		status scanner.FetchStatus
		sv, en string
	}{
		{scanner.FetchOK, "Automatisk", "Automatically"},
		{scanner.FetchUnsupported, "Manuell", "By a person"},
		{scanner.FetchFailed, "Kunde inte kontrolleras", "Could not be checked"},
	}
	for _, tt := range checked {
		t.Run(string(tt.status), func(t *testing.T) {
			if got := model.CheckedLabel("sv", tt.status); got != tt.sv {
				t.Errorf("sv: %q, want %q", got, tt.sv)
			}
			if got := model.CheckedLabel("en", tt.status); got != tt.en {
				t.Errorf("en: %q, want %q", got, tt.en)
			}
		})
	}
}
