package model_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stockholm-stad/smaudit/reports/model"
)

func TestBuildSortsCountsAndProposesClosure(t *testing.T) {
	r := sampleReport("sv")
	var order []string
	for _, j := range r.Accounts {
		order = append(order, j.Result.Account.Administration+" / "+j.Result.Account.Name)
	}
	want := []string{
		"Kulturförvaltningen / Kulturförvaltningen på Facebook",
		"Kulturförvaltningen / Kulturhuset",
		"Kulturförvaltningen / Stadsbiblioteket",
		"Östermalms stadsdelsförvaltning / Östermalm nyheter",
	}
	if diff := cmp.Diff(want, order); diff != "" {
		t.Errorf("account order (-want +got):\n%s", diff)
	}
	if len(r.Administrations) != 2 || r.Administrations[1].Slug != "ostermalms-stadsdelsforvaltning" {
		t.Fatalf("administrations: %+v", r.Administrations)
	}
	kultur := r.Administrations[0]
	if got := kultur.Counts; got.Accounts != 3 || got.Pass != 2 || got.Error != 2 || got.Manual != 2 || got.Fail != 0 || got.AccountsUnreadable != 1 {
		t.Errorf("Kulturförvaltningen counts %+v", got)
	}
	if got := kultur.Worst[0].Result.Account.Name; got != "Stadsbiblioteket" {
		t.Errorf("worst first is %q, want the unreadable Stadsbiblioteket (errors before manual)", got)
	}
	if got := r.Summary.Compliance(); got != 0.5 {
		t.Errorf("city compliance %v, want 0.5 (2 pass, 2 fail)", got)
	}
	if len(r.Closure) != 1 || r.Closure[0].Account.Result.Account.Name != "Östermalm nyheter" || r.Closure[0].DaysSince != 171 {
		t.Errorf("closure %+v, want Östermalm nyheter 171 days", r.Closure)
	}
	if r.Meta.InactiveDays != 90 {
		t.Errorf("InactiveDays defaulted to %d, want 90", r.Meta.InactiveDays)
	}
}
func TestPlatformName(t *testing.T) {
	for in, want := range map[string]string{"youtube": "YouTube", "linkedin": "LinkedIn", "x": "X", "pinterest": "pinterest", "": ""} {
		if got := model.PlatformName(in); got != want {
			t.Errorf("PlatformName(%q) = %q, want %q", in, got, want)
		}
	}
}
