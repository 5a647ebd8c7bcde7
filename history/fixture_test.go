package history

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/rules"
)

// day is midnight of a YYYY-MM-DD day in Stockholm.
func day(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := rules.ParseAsOf(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// openTemp opens a new database in the test's temporary folder.
func openTemp(t testing.TB) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "history.db")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

// save stores a scan in one session and returns it with its ID.
func save(t testing.TB, db *DB, s Scan) Scan {
	t.Helper()
	ctx := context.Background()
	sess, err := db.Begin(ctx)
	if err != nil {
		t.Fatalf("Begin: %v", err)
	}
	defer sess.Rollback()
	id, err := sess.Save(ctx, s)
	if err != nil {
		t.Fatalf("Save: %v", err)
	}
	s.ID = id
	return s
}

// scanOf is a scan of date with accounts.
func scanOf(t testing.TB, date string, accounts ...Account) Scan {
	return Scan{AsOf: day(t, date), Registry: "konton.xlsx", Tool: "smaudit test", Lang: "sv", Accounts: accounts}
}

// acc is an account of admin whose link is https://key.
func acc(key, admin string, findings ...Finding) Account {
	return Account{
		Key: key, Row: 2, Administration: admin, Name: "Konto " + key, PlatformName: "Mastodon",
		Platform: "mastodon", URL: "https://" + key, FetchStatus: "ok", Findings: findings,
	}
}

// verdict is a finding whose final and judged status is status.
func verdict(rule string, status rules.Status) Finding {
	return Finding{Rule: rule, Status: string(status), Judged: string(status)}
}

func failing(rule string) Finding { return verdict(rule, rules.Fail) }
func passing(rule string) Finding { return verdict(rule, rules.Pass) }

// waived is a failing finding a waiver accepted.
func waived(rule string) Finding {
	return Finding{Rule: rule, Status: string(rules.Waived), Judged: string(rules.Fail),
		Waiver: &rules.Waiver{Reason: "Kampanj", ApprovedBy: "Kommunikationsenheten", Source: "waivers.yaml:3"}}
}

// richScan is a scan with every field set, n accounts of nine findings.
func richScan(t testing.TB, date string, n int) Scan {
	s := scanOf(t, date)
	ruleIDs := []string{"account-exists", "registry-complete", "description", "contact", "website-link",
		"affiliation", "posting-frequency", "participation", inactiveRule}
	for i := range n {
		a := Account{
			Key: fmt.Sprintf("mastodon.example/@konto%d", i), Row: i + 2,
			Administration: fmt.Sprintf("Förvaltning %d", i%12), Name: fmt.Sprintf("Konto %d", i),
			PlatformName: "Mastodon", Platform: "mastodon", URL: fmt.Sprintf("https://mastodon.example/@konto%d", i),
			Purpose: "Informera om verksamheten", Goals: "Fler besökare", Audience: "Stockholmare",
			Owner: "Anna Andersson", Website: "https://start.stockholm/", FetchStatus: "ok",
			LastOwnPost: time.Date(2026, 5, 1, 10, 30, 15, 123456789, time.UTC), OwnPosts: i % 7,
		}
		switch i % 10 {
		case 3:
			a.FetchStatus, a.FetchErrorKind, a.FetchError = "error", "http-status", "HTTP 503: unavailable (https://mastodon.example/api)"
			a.LastOwnPost = time.Time{}
		case 7:
			a.FetchStatus, a.Unsupported = "unsupported", "needs-meta-token"
		}
		for k, rule := range ruleIDs {
			f := Finding{Rule: rule, Status: "pass", Judged: "pass", Message: "Kontot har en beskrivning på svenska.",
				Evidence: "Beskrivning: Vi informerar om kultur i Stockholm\nLänk: https://start.stockholm/ (https://start.stockholm/)"}
			switch (i + k) % 5 {
			case 1:
				f.Status, f.Judged, f.Message = "fail", "fail", "Kontot saknar kontaktuppgifter."
			case 2:
				f.Status, f.Judged = "manual", "manual"
			case 3:
				f = waived(rule)
				f.Message = "Undantag"
				f.Waiver.Expires = day(t, "2027-06-30")
			}
			a.Findings = append(a.Findings, f)
		}
		s.Accounts = append(s.Accounts, a)
	}
	return s
}
