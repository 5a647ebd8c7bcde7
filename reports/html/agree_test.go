package html_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/stockholm-stad/smaudit/reports/html"
)

// results is the part of results.json the pages must agree with.
type results struct {
	Summary struct {
		counts
		Coverage        struct{ Text string }
		Administrations []struct {
			Name, File string
			counts
			Coverage   struct{ Text string }
			Granskning granskning
		}
	}
	Report struct {
		Sender, ContactName, ContactEmail, SendTo string
		ReplyBy                                   *string
	}
	Unread      []struct{ Name string }
	RuleTallies []struct{ Fail, Pass, Manual, Error int }
	Granskning  granskning
}

// counts are a scope's tallies in results.json.
type counts struct {
	Accounts, Pass, Fail, Manual, Error, Waived int
	Compliance                                  *float64
}

// granskning is the report prose in results.json.
type granskning struct {
	Summary         string
	Recommendations []struct{ Text string }
}

// TestPagesAgreeWithResultsJSON reads the demo's pages as a person sees
// them and checks every figure against results.json of the same run:
// the sender block on every page; the overview's tallies per
// administration and in total, its status tiles, coverage, failing
// findings, unread accounts, per-rule tally and prose; and each
// administration's page's tiles, coverage and prose.
func TestPagesAgreeWithResultsJSON(t *testing.T) {
	dir := demoPages(t)
	data, err := os.ReadFile(filepath.Join(dir, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	var res results
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Summary.Administrations) == 0 || res.Summary.Fail == 0 || len(res.Unread) == 0 ||
		res.Granskning.Summary == "" || len(res.Granskning.Recommendations) == 0 {
		t.Fatalf("results.json holds no administrations or failures: %s", data[:min(len(data), 300)])
	}
	if res.Report.Sender == "" || res.Report.ReplyBy == nil {
		t.Fatalf("the demo names no sender or reply-by date: %+v", res.Report)
	}
	doc := open(t, filepath.Join(dir, html.OverviewFile))
	sender(t, "overview", doc, res)
	tiles(t, "overview", doc, res.Summary.counts)
	field(t, "overview", doc, "Täckning", res.Summary.Coverage.Text)
	prose(t, "overview", doc, res.Granskning)

	rows := tableRows(t, doc, "t-admins", "tbody")
	if len(rows) != len(res.Summary.Administrations) {
		t.Fatalf("overview lists %d administrations, results.json %d", len(rows), len(res.Summary.Administrations))
	}
	for i, a := range res.Summary.Administrations {
		sameCounts(t, "overview row "+a.Name, rows[i], a.Name, a.counts)
	}
	sameCounts(t, "overview total", tableRows(t, doc, "t-admins", "tfoot")[0], "Totalt", res.Summary.counts)
	if n := len(tableRows(t, doc, "t-failing", "tbody")); n != res.Summary.Fail {
		t.Errorf("overview lists %d failing findings, results.json counts %d", n, res.Summary.Fail)
	}
	unread := tableRows(t, doc, "t-unread", "tbody")
	if len(unread) != len(res.Unread) {
		t.Errorf("overview names %d unread accounts, results.json %d", len(unread), len(res.Unread))
	}
	for i := range min(len(unread), len(res.Unread)) {
		if unread[i]["Konto"] != res.Unread[i].Name {
			t.Errorf("unread account %d is %q, results.json says %q", i+1, unread[i]["Konto"], res.Unread[i].Name)
		}
	}
	tallies := tableRows(t, doc, "t-rule-tallies", "tbody")
	if len(tallies) != len(res.RuleTallies) {
		t.Fatalf("overview tallies %d rules, results.json %d", len(tallies), len(res.RuleTallies))
	}
	for i, rt := range res.RuleTallies {
		got := fmt.Sprint(num(t, tallies[i]["Underkända"]), num(t, tallies[i]["Godkända"]), num(t, tallies[i]["Manuell kontroll"]), num(t, tallies[i]["Kunde inte kontrolleras"]))
		if want := fmt.Sprint(rt.Fail, rt.Pass, rt.Manual, rt.Error); got != want {
			t.Errorf("rule %d: overview tallies fail, pass, manual, error %s; results.json %s", i+1, got, want)
		}
	}
	for _, a := range res.Summary.Administrations {
		page := open(t, filepath.Join(dir, a.File+".html"))
		sender(t, a.Name, page, res)
		tiles(t, a.Name, page, a.counts)
		field(t, a.Name, page, "Täckning", a.Coverage.Text)
		prose(t, a.Name, page, a.Granskning)
		if got := strings.TrimSpace(page.Find("h1 .subtitle").Text()); got != a.Name {
			t.Errorf("%s.html is titled %q", a.File, got)
		}
	}
}

// sender checks that a page opens with the report block of results.json:
// sender, contact, reply-by date and where to send the workbook.
func sender(t *testing.T, what string, doc *goquery.Document, res results) {
	t.Helper()
	facts := map[string]string{}
	doc.Find("main > section:first-of-type dt").Each(func(_ int, dt *goquery.Selection) {
		facts[dt.Text()] = dt.Next().Text()
	})
	for label, want := range map[string]string{"Avsändare": res.Report.Sender, "Kontaktperson": res.Report.ContactName + " (" + res.Report.ContactEmail + ")",
		"Svara senast": *res.Report.ReplyBy, "Skicka arbetsboken till": res.Report.SendTo} {
		if facts[label] != want {
			t.Errorf("%s: %s is %q, results.json %q", what, label, facts[label], want)
		}
	}
}

// open parses a page.
func open(t *testing.T, path string) *goquery.Document {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := goquery.NewDocumentFromReader(f)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// tableRows reads a table's rows in part (tbody or tfoot) as maps from
// column header to cell text.
func tableRows(t *testing.T, doc *goquery.Document, id, part string) []map[string]string {
	t.Helper()
	table := doc.Find("table#" + id)
	if table.Length() != 1 {
		t.Fatalf("no table %s", id)
	}
	var head []string
	table.Find("thead th").Each(func(_ int, s *goquery.Selection) { head = append(head, strings.TrimSpace(s.Text())) })
	var rows []map[string]string
	table.Find(part + " tr").Each(func(_ int, tr *goquery.Selection) {
		row := map[string]string{}
		tr.Children().Each(func(i int, c *goquery.Selection) {
			if i < len(head) {
				row[head[i]] = strings.TrimSpace(c.Text())
			}
		})
		rows = append(rows, row)
	})
	return rows
}

// sameCounts compares a tally row of the administrations' table with
// results.json.
func sameCounts(t *testing.T, what string, row map[string]string, name string, c counts) {
	t.Helper()
	if row["Förvaltning"] != name {
		t.Errorf("%s: named %q", what, row["Förvaltning"])
	}
	got := fmt.Sprint(num(t, row["Konton"]), num(t, row["Godkända"]), num(t, row["Underkända"]), num(t, row["Manuell kontroll"]), num(t, row["Kunde inte kontrolleras"]))
	if want := fmt.Sprint(c.Accounts, c.Pass, c.Fail, c.Manual, c.Error); got != want {
		t.Errorf("%s: accounts, pass, fail, manual, error %s; results.json %s", what, got, want)
	}
	if got, want := row["Bedömda automatiskt"], fmt.Sprintf("%d av %d", c.Pass+c.Fail, c.Pass+c.Fail+c.Manual+c.Error+c.Waived); strings.ReplaceAll(got, "\u00a0", " ") != want {
		t.Errorf("%s: assessed automatically %q; results.json's counts make %q", what, got, want)
	}
	want := "–"
	if c.Compliance != nil {
		want = fmt.Sprintf("%.0f\u00a0%%", *c.Compliance*100)
	}
	if got := strings.ReplaceAll(row["Andel uppfyllda"], " ", "\u00a0"); got != want {
		t.Errorf("%s: compliance %q; results.json %q", what, row["Andel uppfyllda"], want)
	}
}

// tiles compares a page's status tiles with results.json.
func tiles(t *testing.T, what string, doc *goquery.Document, c counts) {
	t.Helper()
	for status, want := range map[string]int{"pass": c.Pass, "fail": c.Fail, "manual": c.Manual, "error": c.Error} {
		got := doc.Find("#summary .tile.s-" + status + " .tile-n").Text()
		if num(t, got) != want {
			t.Errorf("%s: the %s tile shows %q, results.json %d", what, status, got, want)
		}
	}
}

// field finds a fact by its label and compares its value.
func field(t *testing.T, what string, doc *goquery.Document, label, want string) {
	t.Helper()
	var got []string
	doc.Find("#summary dt").Each(func(_ int, dt *goquery.Selection) {
		if strings.TrimSpace(dt.Text()) == label {
			got = append(got, strings.TrimSpace(dt.Next().Text()))
		}
	})
	if len(got) != 1 || got[0] != want {
		t.Errorf("%s: %s is %q, results.json %q", what, label, got, want)
	}
}

// prose compares the summary paragraph and the recommendations.
func prose(t *testing.T, what string, doc *goquery.Document, g granskning) {
	t.Helper()
	if got := strings.TrimSpace(doc.Find("#summary .lead").Text()); got != g.Summary {
		t.Errorf("%s: summary %q; results.json %q", what, got, g.Summary)
	}
	recs := doc.Find("#recommendations ol > li strong")
	if recs.Length() != len(g.Recommendations) {
		t.Errorf("%s: %d recommendations, results.json %d", what, recs.Length(), len(g.Recommendations))
	}
	recs.Each(func(i int, s *goquery.Selection) {
		if i < len(g.Recommendations) && s.Text() != g.Recommendations[i].Text {
			t.Errorf("%s: recommendation %d %q; results.json %q", what, i+1, s.Text(), g.Recommendations[i].Text)
		}
	})
}

// num reads a count as the pages write it, "1 234".
func num(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(strings.NewReplacer("\u00a0", "", " ", "").Replace(strings.TrimSpace(s)))
	if err != nil {
		t.Errorf("not a count: %q", s)
	}
	return n
}
