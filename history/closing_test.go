package history

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stockholm-stad/smaudit/rules"
)

// TestClosingAnswers reads the answers "Kontot avslutas" of the scan
// before the audit date, and only those.
func TestClosingAnswers(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := openTemp(t)
	june := save(t, db, scanOf(t, "2026-06-30",
		acc("a.example", "Kultur", failing("contact")),
		acc("b.example", "Kultur", failing(inactiveRule))))
	later := scanOf(t, "2026-09-30", acc("a.example", "Kultur"))
	if got, err := db.ClosingAnswers(ctx, june.AsOf); err != nil || got != nil {
		t.Errorf("before any scan: %v, %v; want none", got, err)
	}
	err := db.SaveResponses(ctx, june.ID, []StoredResponse{
		{Key: key("a.example", "contact"), Administration: "Kultur", Answer: "Åtgärdad", File: "k.xlsx", Sheet: "Svar", Row: 2},
		{Key: key("b.example", inactiveRule), Administration: "Kultur", Answer: "Kontot avslutas", Comment: "Stängs i december", File: "k.xlsx", Sheet: "Svar", Row: 3},
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := db.ClosingAnswers(ctx, later.AsOf)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]rules.ClosingAnswer{"b.example": {Comment: "Stängs i december", AsOf: june.AsOf}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("ClosingAnswers (-want +got):\n%s", d)
	}
}
