package history

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// threeScans stores a March scan and two runs of a June scan.
func threeScans(t *testing.T, db *DB) (march, june, rerun Scan) {
	march = save(t, db, scanOf(t, "2026-03-31", acc("a.example", "A"), acc("b.example", "B")))
	june = save(t, db, scanOf(t, "2026-06-30", acc("a.example", "A")))
	rerun = save(t, db, scanOf(t, "2026-06-30", acc("a.example", "A"), acc("b.example", "B"), acc("c.example", "C")))
	return march, june, rerun
}

func TestScans(t *testing.T) {
	t.Parallel()
	db, _ := openTemp(t)
	// stored out of date order: the list is by audit date
	late := save(t, db, scanOf(t, "2026-09-30", acc("a.example", "A")))
	march, june, rerun := threeScans(t, db)
	got, err := db.Scans(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	info := func(s Scan) ScanInfo {
		return ScanInfo{ID: s.ID, AsOf: s.AsOf, Registry: s.Registry, Tool: s.Tool, Accounts: len(s.Accounts)}
	}
	want := []ScanInfo{info(march), info(june), info(rerun), info(late)}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Scans (-want +got):\n%s", d)
	}
}

func TestFind(t *testing.T) {
	t.Parallel()
	db, _ := openTemp(t)
	march, june, rerun := threeScans(t, db)
	tests := []struct {
		ref     string
		want    int64
		wantErr string // part of the error; "" for none
	}{
		{ref: "1", want: march.ID},
		{ref: "2", want: june.ID},
		{ref: "2026-03-31", want: march.ID},
		{ref: "2026-06-30", want: rerun.ID}, // the latest run of the date
		{ref: "2026-09-30", wantErr: "2026-09-30"},
		{ref: "99", wantErr: `"99"`},
		{ref: "0", wantErr: `"0"`},
		{ref: "-3", wantErr: `"-3"`},
		{ref: "30/6", wantErr: "YYYY-MM-DD"},
		{ref: "2026-02-30", wantErr: "2026-02-30"},
		{ref: "", wantErr: "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			got, err := db.Find(context.Background(), tt.ref)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("Find(%q) = scan %d, %v; want an error naming %s", tt.ref, got.ID, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.ID != tt.want {
				t.Errorf("Find(%q) = scan %d, want %d", tt.ref, got.ID, tt.want)
			}
		})
	}
	if _, err := db.Find(context.Background(), "2026-12-31"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Find of a date without scans: %v, want ErrNotFound", err)
	}
}

func TestBefore(t *testing.T) {
	t.Parallel()
	db, _ := openTemp(t)
	march, _, rerun := threeScans(t, db)
	tests := []struct {
		asOf   string
		want   int64
		wantOK bool
	}{
		{"2026-03-31", 0, false},
		{"2026-01-01", 0, false},
		{"2026-04-01", march.ID, true},
		{"2026-06-30", march.ID, true}, // strictly earlier dates only
		{"2026-07-01", rerun.ID, true},
	}
	for _, tt := range tests {
		t.Run(tt.asOf, func(t *testing.T) {
			got, ok, err := db.Before(context.Background(), day(t, tt.asOf))
			if err != nil {
				t.Fatal(err)
			}
			if ok != tt.wantOK || got.ID != tt.want {
				t.Errorf("Before(%s) = scan %d, %v; want %d, %v", tt.asOf, got.ID, ok, tt.want, tt.wantOK)
			}
			if ok && len(got.Accounts) == 0 {
				t.Errorf("Before(%s) returned scan %d without its accounts", tt.asOf, got.ID)
			}
		})
	}
}

func FuzzParseRef(f *testing.F) {
	for _, s := range []string{"12", "2026-06-30", "", "0", "-1", "2026-13-01", "99999999999999999999", " 3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, ref string) {
		id, date, err := parseRef(ref)
		if err != nil {
			if !strings.Contains(err.Error(), "scan reference") {
				t.Errorf("parseRef(%q) error %q does not say what it parsed", ref, err)
			}
			return
		}
		if (id > 0) == (date != "") {
			t.Errorf("parseRef(%q) = %d, %q: want exactly one of an ID and a date", ref, id, date)
		}
		if date != "" && date != ref {
			t.Errorf("parseRef(%q) = date %q, want the date as written", ref, date)
		}
	})
}
