package sample

import (
	"testing"

	"github.com/stockholm-stad/smaudit/reports/model"
)

// AdminBySlug is the report's administration whose files are named slug;
// the test fails when there is none.
func AdminBySlug(t *testing.T, r *model.Report, slug string) *model.Administration {
	t.Helper()
	for _, a := range r.Administrations {
		if a.Slug == slug {
			return a
		}
	}
	t.Fatalf("no administration with slug %q", slug)
	return nil
}
