package model

import "testing"

// TestNumberAndPlurals: Swedish groups thousands with a no-break space,
// English with a comma; one is singular, everything else plural.
func TestNumberAndPlurals(t *testing.T) {
	for _, tt := range []struct {
		n      int
		sv, en string
	}{
		{0, "0", "0"}, {7, "7", "7"}, {999, "999", "999"}, {1000, "1\u00a0000", "1,000"},
		{12345, "12\u00a0345", "12,345"}, {1234567, "1\u00a0234\u00a0567", "1,234,567"}, {-4321, "-4\u00a0321", "-4,321"},
	} {
		if got := Number("sv", tt.n); got != tt.sv {
			t.Errorf("Number(sv, %d) = %q, want %q", tt.n, got, tt.sv)
		}
		if got := Number("en", tt.n); got != tt.en {
			t.Errorf("Number(en, %d) = %q, want %q", tt.n, got, tt.en)
		}
	}
	for _, tt := range []struct {
		n      int
		sv, en string
	}{
		{0, "0 dagar", "0 days"}, {1, "1 dag", "1 day"}, {2, "2 dagar", "2 days"}, {1001, "1\u00a0001 dagar", "1,001 days"},
	} {
		if got := nounDay.count(tt.n); got.SV != tt.sv || got.EN != tt.en {
			t.Errorf("count(%d) = %+v, want %q / %q", tt.n, got, tt.sv, tt.en)
		}
	}
}
