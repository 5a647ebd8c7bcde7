package html_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/stockholm-stad/smaudit/reports/model"
)

// TestAdministrationPagesNameOnlyTheirOwnAccounts: an administration's
// page is sent to that administration, so it names every account of its
// own and no other administration's.
func TestAdministrationPagesNameOnlyTheirOwnAccounts(t *testing.T) {
	dir := demoPages(t)
	data, err := os.ReadFile(filepath.Join(dir, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Accounts []struct{ Administration, URL string }
	}
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatal(err)
	}
	admins := map[string]bool{}
	for _, a := range res.Accounts {
		admins[a.Administration] = true
	}
	if len(admins) < 3 {
		t.Fatalf("the demo has %d administrations, want at least 3", len(admins))
	}
	for admin := range admins {
		page, err := os.ReadFile(filepath.Join(dir, model.Slug(admin)+".html"))
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range res.Accounts {
			own := a.Administration == admin
			if has := strings.Contains(string(page), a.URL); has != own {
				t.Errorf("%s.html names %s (%s) = %v, want %v", model.Slug(admin), a.URL, a.Administration, has, own)
			}
		}
	}
}

// TestLinksBetweenPagesArrive: every link from one demo page to another
// or within a page leads to a file of the folder and an element there.
func TestLinksBetweenPagesArrive(t *testing.T) {
	dir := demoPages(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	checked := 0
	for _, f := range files {
		doc := open(t, f)
		doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
			href := a.AttrOr("href", "")
			if strings.Contains(href, ":") {
				return // the web or mail
			}
			file, id, _ := strings.Cut(href, "#")
			target := doc
			if file != "" {
				target = open(t, filepath.Join(dir, file))
			}
			if id != "" && target.Find("#"+id).Length() != 1 {
				t.Errorf("%s: %s leads to no element", filepath.Base(f), href)
			}
			checked++
		})
	}
	if checked < 50 {
		t.Errorf("only %d links within the folder: the overview links each administration and each failing finding", checked)
	}
}
