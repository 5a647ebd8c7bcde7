package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/history"
)

// cancelAfter is stderr that cancels the run once the progress has
// reported n accounts finished, as a person pressing Ctrl-C would.
type cancelAfter struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	n      int
	cancel context.CancelFunc
}

func (c *cancelAfter) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.buf.Write(p)
	if strings.Contains(c.buf.String(), fmt.Sprintf("[%d/", c.n)) {
		c.cancel()
	}
	return len(p), nil
}

func (c *cancelAfter) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.buf.String()
}

// interruptedResults is what the test reads of results.json.
type interruptedResults struct {
	Complete   *bool `json:"complete"`
	Checked    int   `json:"checked"`
	NotReached int   `json:"notReached"`
	Accounts   []struct {
		Name        string            `json:"name"`
		FetchStatus string            `json:"fetchStatus"`
		Findings    []json.RawMessage `json:"findings"`
	} `json:"accounts"`
	Summary struct {
		Accounts        int      `json:"accounts"`
		Compliance      *float64 `json:"compliance"`
		Administrations []struct {
			Name       string   `json:"name"`
			File       string   `json:"file"`
			Accounts   int      `json:"accounts"`
			NotReached int      `json:"notReached"`
			Compliance *float64 `json:"compliance"`
		} `json:"administrations"`
	} `json:"summary"`
}

// TestInterruptedDemo runs `smaudit demo` as a user would and presses
// Ctrl-C after three accounts: the reports must say the audit was
// interrupted and how far it got, list the rest as not reached, show no
// share for any administration with accounts not reached, exit 130 and
// leave the history as it was.
func TestInterruptedDemo(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := filepath.Join(t.TempDir(), "rapporter")
	stderr := &cancelAfter{n: 3, cancel: cancel}
	var stdout bytes.Buffer
	code := run(ctx, []string{"demo", "--out", out}, nil, &stdout, stderr)
	if code != exitInterrupted {
		t.Fatalf("exit %d, want %d\nstderr:\n%s", code, exitInterrupted, stderr)
	}

	data, err := os.ReadFile(filepath.Join(out, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	var res interruptedResults
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatal(err)
	}
	total := len(res.Accounts)
	t.Logf("checked %d of %d, not reached %d", res.Checked, total, res.NotReached)
	if res.Complete == nil || *res.Complete || res.NotReached == 0 || res.Checked < 3 || res.Checked+res.NotReached != total {
		t.Fatalf("results.json: complete %v, checked %d, notReached %d of %d accounts; want false, at least 3, the rest",
			res.Complete, res.Checked, res.NotReached, total)
	}
	notReached := 0
	for _, a := range res.Accounts {
		if a.FetchStatus == "not-reached" {
			notReached++
			if len(a.Findings) != 0 {
				t.Errorf("%s: not reached but %d findings", a.Name, len(a.Findings))
			}
		}
	}
	if notReached != res.NotReached || res.Summary.Compliance != nil {
		t.Errorf("%d accounts not-reached, notReached %d, city compliance %v; want equal counts and no share", notReached, res.NotReached, res.Summary.Compliance)
	}
	line := fmt.Sprintf("Interrupted: %d of %d accounts checked; %d not reached.", res.Checked, total, res.NotReached)
	if !strings.Contains(stdout.String(), line) || strings.Contains(stdout.String(), "Audited") {
		t.Errorf("summary lacks %q or claims a whole audit:\n%s", line, stdout.String())
	}
	if want := fmt.Sprintf("interrupted: writing the reports for the %d accounts checked", res.Checked); !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr lacks %q", want)
	}

	files := map[string]string{"oversikt": fmt.Sprintf("Granskningen avbröts: %d av %d konton kontrollerades.", res.Checked, total)}
	unreached := map[string]bool{}
	for _, a := range res.Summary.Administrations {
		files[a.File] = fmt.Sprintf("Granskningen avbröts: %d av %d konton kontrollerades.", a.Accounts-a.NotReached, a.Accounts)
		if a.NotReached > 0 {
			unreached[a.File] = true
			if a.Compliance != nil {
				t.Errorf("%s: %d accounts not reached but compliance %v", a.Name, a.NotReached, *a.Compliance)
			}
		}
	}
	if len(unreached) == 0 {
		t.Fatal("no administration has accounts not reached; the test proves nothing")
	}
	share := regexp.MustCompile(`[0-9] ?%`)
	for file, want := range files {
		f, err := excelize.OpenFile(filepath.Join(out, file+".xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows(f.GetSheetName(0))
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		first := ""
		for _, row := range rows {
			first += strings.Join(row, "\t") + "\n"
		}
		if !strings.Contains(first, want) {
			t.Errorf("%s.xlsx: first sheet lacks %q", file, want)
		}
		if !havePDFToText(t) {
			continue
		}
		text, err := exec.Command("pdftotext", "-f", "1", "-l", "1", filepath.Join(out, file+".pdf"), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if flat := strings.Join(strings.Fields(string(text)), " "); !strings.Contains(flat, want) {
			t.Errorf("%s.pdf: first page lacks %q:\n%s", file, want, flat)
		}
		if unreached[file] || file == "oversikt" {
			whole, err := exec.Command("pdftotext", "-layout", filepath.Join(out, file+".pdf"), "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(whole), "– (granskningen avbröts innan alla konton kontrollerades)") {
				t.Errorf("%s.pdf does not say why there is no share", file)
			}
			if file != "oversikt" && share.Match(whole) {
				t.Errorf("%s.pdf shows a percentage with accounts not reached", file)
			}
		}
	}

	db, err := history.Open(context.Background(), filepath.Join(out, defaultDBName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if scans, err := db.Scans(context.Background()); err != nil || len(scans) != 0 {
		t.Errorf("history holds %d scans (%v) after an interrupted run, want none", len(scans), err)
	}
}
