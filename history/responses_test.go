package history

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stockholm-stad/smaudit/reports/model"
)

func TestResponses(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := openTemp(t)
	s := save(t, db, scanOf(t, "2026-06-30",
		acc("a.example", "Kultur", failing("contact"), failing("description")),
		acc("b.example", "Kultur", failing(inactiveRule))))
	other := save(t, db, scanOf(t, "2026-09-30", acc("a.example", "Kultur", failing("contact"))))
	answer := func(account, rule, ans, comment string, row int) StoredResponse {
		return StoredResponse{Key: key(account, rule), Administration: "Kultur", Answer: ans, Comment: comment,
			File: "kultur.xlsx", Sheet: "Svar", Row: row}
	}
	first := []StoredResponse{
		answer("a.example", "contact", "Åtgärd planerad", "Nästa vecka", 2),
		answer("a.example", "description", "Felaktig bedömning", "", 3),
		answer("b.example", inactiveRule, "Kontot avslutas", "", 4),
	}
	if err := db.SaveResponses(ctx, s.ID, first); err != nil {
		t.Fatal(err)
	}
	second := []StoredResponse{answer("a.example", "contact", "Åtgärdad", "Klart", 2)}
	if err := db.SaveResponses(ctx, s.ID, second); err != nil {
		t.Fatal(err)
	}
	got, err := db.Responses(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := map[model.FindingKey]model.Response{
		key("a.example", "contact"):     {Answer: "Åtgärdad", Comment: "Klart", AsOf: s.AsOf},
		key("a.example", "description"): {Answer: "Felaktig bedömning", AsOf: s.AsOf},
		key("b.example", inactiveRule):  {Answer: "Kontot avslutas", AsOf: s.AsOf},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Responses after two imports (-want +got):\n%s", d)
	}
	if got, err := db.Responses(ctx, other.ID); err != nil || len(got) != 0 {
		t.Errorf("Responses of a scan without answers = %v, %v; want none", got, err)
	}

	bad := []struct {
		name  string
		scan  int64
		rs    []StoredResponse
		want  string
		isErr error
	}{
		{"unknown answer", s.ID, []StoredResponse{answer("a.example", "contact", "Kanske", "", 7)}, `kultur.xlsx: sheet "Svar", row 7`, nil},
		{"unknown finding", s.ID, []StoredResponse{answer("a.example", "website-link", "Åtgärdad", "", 8)}, `kultur.xlsx: sheet "Svar", row 8`, nil},
		{"unknown account", s.ID, []StoredResponse{answer("z.example", "contact", "Åtgärdad", "", 9)}, "z.example", nil},
		{"unknown scan", 999, []StoredResponse{answer("a.example", "contact", "Åtgärdad", "", 2)}, "999", ErrNotFound},
		// all or nothing: the good first answer is not kept
		{"second of two bad", s.ID, []StoredResponse{
			answer("a.example", "contact", "Begär undantag", "", 2),
			answer("a.example", "nope", "Åtgärdad", "", 10),
		}, "row 10", nil},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			err := db.SaveResponses(ctx, tt.scan, tt.rs)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("SaveResponses: %v, want an error naming %s", err, tt.want)
			}
			if tt.isErr != nil && !errors.Is(err, tt.isErr) {
				t.Errorf("SaveResponses: %v, want %v", err, tt.isErr)
			}
			after, err := db.Responses(ctx, s.ID)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(want, after); d != "" {
				t.Errorf("a rejected import changed the answers (-before +after):\n%s", d)
			}
		})
	}
}
