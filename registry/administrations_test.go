package registry

import (
	"strings"
	"testing"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

func TestStockholmAdministrations(t *testing.T) {
	t.Parallel()
	c := collate.New(language.Swedish)
	seen := map[string]bool{}
	for i, a := range StockholmAdministrations {
		if a != strings.TrimSpace(a) || a == "" {
			t.Errorf("entry %d %q has white space around it or is empty", i, a)
		}
		if seen[headerKey(a)] {
			t.Errorf("%q is listed twice", a)
		}
		seen[headerKey(a)] = true
		if i > 0 && c.CompareString(StockholmAdministrations[i-1], a) >= 0 {
			t.Errorf("%q comes before %q; the list is not in Swedish order", StockholmAdministrations[i-1], a)
		}
	}
}
