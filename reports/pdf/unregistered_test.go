package pdf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stockholm-stad/smaudit/reports/model"
)

func TestOverviewPDFUnregistered(t *testing.T) {
	render := func(t *testing.T, r *model.Report) []byte {
		t.Helper()
		var b bytes.Buffer
		if err := WriteOverviewPDF(&b, r); err != nil {
			t.Fatalf("WriteOverviewPDF: %v", err)
		}
		return b.Bytes()
	}
	tests := []struct {
		name, lang string
		list       []model.Unregistered
		want       []string
		notWant    []string
	}{
		{"sv", "sv", sampleUnregistered(), []string{"Konton som saknas i förteckningen",
			"Konton som stadens webbplats eller granskade profiler länkar till men som inte finns i kontoförteckningen. Policyn kräver att alla konton rapporteras.",
			"Plattform", "Hittat på", "LinkedIn", "https://www.linkedin.com/company/stockholms-stad", "https://start.stockholm/jobb/", "TikTok"},
			[]string{"Inga konton utanför"}},
		{"en", "en", sampleUnregistered(), []string{"Accounts missing from the registry", "The policy requires every account to be reported.",
			"Found on", "Facebook", "https://www.facebook.com/forskolanistockholm"}, []string{"Hittat på"}},
		{"nothing missing", "sv", []model.Unregistered{}, []string{"Konton som saknas i förteckningen", "Inga konton utanför kontoförteckningen hittades."},
			[]string{"Hittat på"}},
		{"no discovery", "sv", nil, []string{"Konton att överväga att avsluta"}, []string{"Konton som saknas i förteckningen", "kontoförteckningen hittades"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := pdfFlat(pdfText(t, render(t, unregisteredReport(tt.lang, tt.list))))
			// A long address may wrap inside its cell.
			joined := strings.ReplaceAll(text, " ", "")
			for _, s := range tt.want {
				if !strings.Contains(text, s) && !(strings.HasPrefix(s, "https://") && strings.Contains(joined, s)) {
					t.Errorf("text lacks %q", s)
				}
			}
			for _, s := range tt.notWant {
				if strings.Contains(text, s) {
					t.Errorf("text contains %q", s)
				}
			}
		})
	}
	t.Run("deterministic", func(t *testing.T) {
		a := render(t, unregisteredReport("sv", sampleUnregistered()))
		if !bytes.Equal(a, render(t, unregisteredReport("sv", sampleUnregistered()))) {
			t.Error("two renderings of the same report differ")
		}
	})
}
