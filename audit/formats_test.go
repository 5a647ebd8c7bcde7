package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/stockholm-stad/smaudit/registry"
	"github.com/stockholm-stad/smaudit/reports/model"
)

// TestEveryFormatShowsTheSameRowsInTheSameOrder audits the demo twice,
// so the second report has a history, and reads its tables back from
// every file WriteAll wrote: the administrations with their tallies
// (results.json, the overview workbook, the overview PDF), the trend
// (workbook and PDF; results.json carries no trend) and the accounts
// added and removed (all three). Each must list the model's rows in the
// model's order, so no writer can re-sort a table on its own.
//
// The answers are stored as import-responses stores a returned
// workbook's (history.SaveResponses), each with its own comment, so a
// row can be told apart in every format however its names wrap.
func TestEveryFormatShowsTheSameRowsInTheSameOrder(t *testing.T) {
	t.Parallel()
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("pdftotext (poppler-utils) is missing, and CI must read the PDFs back: %v", err)
		}
		t.Skip("pdftotext not installed")
	}
	opts, _ := demoOptions(t)
	first := opts.AsOf
	// The first audit's registry lacks two accounts and the second's two
	// others, so the second report lists accounts added and removed.
	full := opts.Registry
	n := len(full.Accounts)
	without := func(drop ...int) *registry.Registry {
		reg := *full
		reg.Accounts = nil
		for i, a := range full.Accounts {
			if !slices.Contains(drop, i) {
				reg.Accounts = append(reg.Accounts, a)
			}
		}
		return &reg
	}
	var r *model.Report
	for i := range 2 {
		opts.Registry = without(n-1, 0)
		if i == 1 {
			opts.AsOf = first.AddDate(0, 0, 11)
			opts.Registry = without(n-2, 1)
		}
		a, err := Open(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		res, err := a.Run(context.Background(), &recordingProgress{})
		if err != nil {
			a.Close()
			t.Fatal(err)
		}
		id, err := a.Store(context.Background())
		if err == nil && i == 0 {
			err = a.db.SaveResponses(context.Background(), id, answersTo(res.Report))
		}
		a.Close()
		if err != nil {
			t.Fatal(err)
		}
		r = res.Report
	}
	if r.History == nil || len(r.History.TrendTable().Dates) != 2 || len(r.History.Added) != 2 || len(r.History.Removed) != 2 || len(r.Answers()) < 3 {
		t.Fatalf("the second audit has no trend over two scans, not two accounts added and two removed, or too few answers: %+v", r.History)
	}

	var admins []string
	for _, a := range r.Administrations {
		admins = append(admins, a.Name)
	}
	trend := r.History.TrendTable()
	var trendRows []string
	for _, row := range trend.Rows {
		trendRows = append(trendRows, row.Administration)
	}
	added, removed := refNames(r.History.Added), refNames(r.History.Removed)

	// results.json carries no answers: the workbook and the PDF do.
	var comments, answerRows []string
	for _, a := range r.Answers() {
		comments = append(comments, a.Response.Comment)
		name := a.Key.Account // an account no longer in the registry
		if a.Account != nil {
			name = a.Account.Result.Account.Name
		}
		answerRows = append(answerRows, name+" "+a.Key.Rule)
	}

	// results.json
	var res struct {
		Summary struct {
			Administrations []struct {
				Name                      string
				Pass, Fail, Manual, Error int
			}
		}
		History struct{ Added, Removed []struct{ Name string } }
	}
	data, err := os.ReadFile(filepath.Join(opts.Out, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatal(err)
	}
	var jsonAdmins []string
	for i, a := range res.Summary.Administrations {
		jsonAdmins = append(jsonAdmins, a.Name)
		if i < len(r.Administrations) {
			c := r.Administrations[i].Counts
			if got, want := [4]int{a.Pass, a.Fail, a.Manual, a.Error}, [4]int{c.Pass, c.Fail, c.Manual, c.Error}; got != want {
				t.Errorf("results.json: %s tallies pass/fail/manual/error %v, model %v", a.Name, got, want)
			}
		}
	}
	sameOrder(t, "results.json administrations", jsonAdmins, admins)
	var jsonAdded, jsonRemoved []string
	for _, a := range res.History.Added {
		jsonAdded = append(jsonAdded, a.Name)
	}
	for _, a := range res.History.Removed {
		jsonRemoved = append(jsonRemoved, a.Name)
	}
	sameOrder(t, "results.json added", jsonAdded, added)
	sameOrder(t, "results.json removed", jsonRemoved, removed)

	// The overview workbook.
	book, err := excelize.OpenFile(filepath.Join(opts.Out, model.OverviewSlug+".xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	trendSheet := sheetRows(t, book, "Utveckling")
	sameOrder(t, "workbook trend", column(trendSheet, 0, admins), trendRows)
	adminSheet := sheetRows(t, book, "Förvaltningar")
	sameOrder(t, "workbook administrations", column(section(adminSheet, "Förvaltning", "Totalt"), 0, admins), admins)
	var xlsxAnswers, xlsxComments []string
	for _, row := range section(sheetRows(t, book, "Svar"), "Förvaltning", "") {
		if len(row) > 6 && slices.Contains(comments, row[6]) {
			xlsxComments = append(xlsxComments, row[6])
			xlsxAnswers = append(xlsxAnswers, row[1]+" "+row[3])
		}
	}
	sameOrder(t, "workbook answers", xlsxComments, comments)
	sameOrder(t, "workbook answers' accounts and rules", xlsxAnswers, answerRows)
	tallied := 0
	for _, row := range section(adminSheet, "Förvaltning", "Totalt") {
		for _, a := range r.Administrations {
			if len(row) > 6 && row[0] == a.Name {
				tallied++
				c := a.Counts
				if got, want := strings.Join(row[3:7], " "), fmt.Sprint(c.Pass, " ", c.Fail, " ", c.Manual, " ", c.Error); got != want {
					t.Errorf("workbook: %s tallies pass/fail/manual/error %s, model %s", a.Name, got, want)
				}
			}
		}
	}
	if tallied != len(r.Administrations) {
		t.Errorf("workbook: %d administrations tallied, want %d", tallied, len(r.Administrations))
	}
	summary := sheetRows(t, book, book.GetSheetList()[0])
	sameOrder(t, "workbook added", column(section(summary, "Konton som har tillkommit", "Konton som har tagits bort"), 1, added), added)
	sameOrder(t, "workbook removed", column(section(summary, "Konton som har tagits bort", ""), 1, removed), removed)

	// The overview PDF.
	out, err := exec.Command(pdftotext, "-layout", filepath.Join(opts.Out, model.OverviewSlug+".pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	lines := strings.Split(string(out), "\n")
	tallies := pdfSection(lines, "Förvaltningar och bolag", "Totalt")
	var pdfAdmins []string
	for _, l := range tallies {
		f := strings.Fields(l)
		for i, a := range admins {
			if !strings.HasPrefix(l, a) || len(f) < 6 {
				continue
			}
			pdfAdmins = append(pdfAdmins, a)
			// pass, fail, manual, error stand before the share ("98 %").
			c := r.Administrations[i].Counts
			if got, want := strings.Join(f[len(f)-6:len(f)-2], " "), fmt.Sprint(c.Pass, " ", c.Fail, " ", c.Manual, " ", c.Error); got != want {
				t.Errorf("overview PDF: %s tallies pass/fail/manual/error %s, model %s", a, got, want)
			}
		}
	}
	sameOrder(t, "overview PDF administrations", pdfAdmins, admins)
	var pdfTrend []string
	for _, l := range pdfSection(lines, "Utveckling över tid", "Totalt") {
		for _, a := range trendRows {
			if strings.HasPrefix(l, a) {
				pdfTrend = append(pdfTrend, a)
			}
		}
	}
	sameOrder(t, "overview PDF trend", pdfTrend, trendRows)
	var pdfComments []string
	for _, l := range pdfSection(lines, "Förvaltningarnas svar", "Begäran") {
		for _, w := range strings.Fields(l) {
			if slices.Contains(comments, w) {
				pdfComments = append(pdfComments, w)
			}
		}
	}
	sameOrder(t, "overview PDF answers", pdfComments, comments)

	// Each administration's PDF lists its own accounts added and removed,
	// one bullet "name (url)" each.
	for _, a := range r.Administrations {
		out, err := exec.Command(pdftotext, "-layout", filepath.Join(opts.Out, a.Slug+".pdf"), "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", a.Slug, err)
		}
		lines := strings.Split(string(out), "\n")
		for _, part := range []struct {
			heading, next string
			refs          []model.AccountRef
		}{{"Nya konton i förteckningen:", "Konton borttagna ur förteckningen:", r.History.Added}, {"Konton borttagna ur förteckningen:", "", r.History.Removed}} {
			var want, got []string
			for _, ref := range part.refs {
				if ref.Administration == a.Name {
					want = append(want, ref.Name)
				}
			}
			for _, l := range pdfSection(lines, part.heading, part.next) {
				for _, name := range want {
					if strings.Contains(l, name+" (http") { // "name (url)", not "name (fortsättning)"
						got = append(got, name)
					}
				}
			}
			sameOrder(t, a.Slug+".pdf: "+part.heading, got, want)
		}
	}
}

// pdfSection is the lines after the first one starting with from, up to
// the next one starting with to.
func pdfSection(lines []string, from, to string) []string {
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), from) {
			for j, m := range lines[i+1:] {
				if to != "" && strings.HasPrefix(strings.TrimSpace(m), to) {
					return lines[i+1 : i+1+j]
				}
			}
			return lines[i+1:]
		}
	}
	return nil
}
