package jsonout

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/reports/model"
)

func TestInterruptedJSON(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, interruptedReport("sv")); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Complete   *bool `json:"complete"`
		Checked    int   `json:"checked"`
		NotReached int   `json:"notReached"`
		Accounts   []struct {
			Name        string            `json:"name"`
			FetchStatus string            `json:"fetchStatus"`
			Findings    []json.RawMessage `json:"findings"`
		} `json:"accounts"`
		Summary struct {
			Pass, Fail, Error int
			NotReached        int      `json:"notReached"`
			Compliance        *float64 `json:"compliance"`
			Administrations   []struct {
				Name       string   `json:"name"`
				NotReached int      `json:"notReached"`
				Compliance *float64 `json:"compliance"`
			} `json:"administrations"`
		} `json:"summary"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Complete == nil || *got.Complete || got.Checked != 4 || got.NotReached != 3 {
		t.Errorf("complete %v, checked %d, notReached %d; want false, 4, 3", got.Complete, got.Checked, got.NotReached)
	}
	if got.Summary.NotReached != 3 || got.Summary.Compliance != nil {
		t.Errorf("summary: notReached %d, compliance %v; want 3 and null", got.Summary.NotReached, got.Summary.Compliance)
	}
	// The sample's counts are unchanged: the accounts not reached add no
	// pass, fail or error.
	if got.Summary.Pass != 2 || got.Summary.Fail != 2 || got.Summary.Error != 2 {
		t.Errorf("summary pass/fail/error %d/%d/%d, want the sample's 2/2/2", got.Summary.Pass, got.Summary.Fail, got.Summary.Error)
	}
	for _, a := range got.Summary.Administrations {
		switch {
		case a.Name == "Kulturförvaltningen" && (a.NotReached != 3 || a.Compliance != nil):
			t.Errorf("%s: notReached %d, compliance %v; want 3 and null", a.Name, a.NotReached, a.Compliance)
		case a.Name != "Kulturförvaltningen" && (a.NotReached != 0 || a.Compliance == nil):
			t.Errorf("%s: notReached %d, compliance %v; want 0 and a share", a.Name, a.NotReached, a.Compliance)
		}
	}
	n := 0
	for _, a := range got.Accounts {
		if a.FetchStatus == "not-reached" {
			n++
			if len(a.Findings) != 0 {
				t.Errorf("%s: %d findings, want none for an account not reached", a.Name, len(a.Findings))
			}
		}
	}
	if n != 3 {
		t.Errorf("%d accounts not-reached, want 3", n)
	}
}

// TestNothingReadShowsNoShare: when no account could be read, only the
// registry row is judged; a share over it would be a false "100 %".
func TestNothingReadShowsNoShare(t *testing.T) {
	r := nothingReadReport()
	if r.Summary.Pass == 0 || r.Summary.Compliance() >= 0 {
		t.Fatalf("summary: %d pass, compliance %v; the test needs registry passes and must get no share", r.Summary.Pass, r.Summary.Compliance())
	}
	var b bytes.Buffer
	if err := Write(&b, r); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), `"compliance": 1`) || strings.Count(b.String(), `"compliance": null`) != 3 {
		t.Errorf("results.json gives a share though no account was read:\n%s", b.String())
	}
	if p := (model.TrendPoint{AsOf: time.Now(), Pass: 4, NoneRead: true}); p.Compliance() >= 0 {
		t.Errorf("a trend point with no account read has share %v", p.Compliance())
	}
}
