package responses

import (
	"bytes"
	"testing"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/xlsx"
)

// writeXLSX renders one workbook of the sample report with the Excel
// writer, for the reader to read back: the overview for
// slug OverviewSlug, else the administration with that slug.
func writeXLSX(t *testing.T, r *model.Report, slug string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if slug == model.OverviewSlug {
		if err := xlsx.WriteOverviewXLSX(&buf, r); err != nil {
			t.Fatalf("WriteOverviewXLSX: %v", err)
		}
		return buf.Bytes()
	}
	if err := xlsx.WriteAdministrationXLSX(&buf, r, adminBySlug(t, r, slug)); err != nil {
		t.Fatalf("WriteAdministrationXLSX(%s): %v", slug, err)
	}
	return buf.Bytes()
}
