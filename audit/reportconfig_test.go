package audit

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// TestReportConfigResolvesTheReplyDate: the report block reaches the
// model as given, and the reply date is a date in Stockholm, given or
// counted from the audit date (across a month end and a DST change).
func TestReportConfigResolvesTheReplyDate(t *testing.T) {
	t.Parallel()
	asOf := time.Date(2026, 10, 15, 0, 0, 0, 0, rules.Stockholm)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, rules.Stockholm) }
	tests := []struct {
		name string
		yaml string
		want model.ReportInfo
	}{
		{"within days", "report:\n  sender: Stadsledningskontoret, kommunikationsenheten\n  contact: {name: Anna Berg, email: anna.berg@example.se}\n  reply-within-days: 30\n  send-to: kommunikation@example.se\n",
			model.ReportInfo{Sender: "Stadsledningskontoret, kommunikationsenheten", ContactName: "Anna Berg", ContactEmail: "anna.berg@example.se",
				ReplyBy: day(2026, 11, 14), SendTo: "kommunikation@example.se"}},
		{"date", "report:\n  reply-by: 2027-01-31\n", model.ReportInfo{ReplyBy: day(2027, 1, 31)}},
		{"quoted date", "report:\n  reply-by: \"2027-02-01\"\n", model.ReportInfo{ReplyBy: day(2027, 2, 1)}},
		{"nothing", "concurrency: 2\n", model.ReportInfo{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "smaudit.yaml")
			if err := os.WriteFile(p, []byte(tt.yaml), 0o600); err != nil {
				t.Fatal(err)
			}
			cfg, err := LoadConfig(p)
			if err != nil {
				t.Fatal(err)
			}
			got := cfg.Report.Info(asOf)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("report info (-want +got):\n%s", diff)
			}
			if !got.ReplyBy.IsZero() && got.ReplyBy.Location() != rules.Stockholm {
				t.Errorf("reply-by in %v, want Europe/Stockholm", got.ReplyBy.Location())
			}
			if got.IsZero() != (tt.want == model.ReportInfo{}) {
				t.Errorf("IsZero = %v", got.IsZero())
			}
		})
	}
}
