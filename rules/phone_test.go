package rules

import (
	"slices"
	"testing"
)

func TestFindPhones(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Växel 08-508 290 00", []string{"08-508 290 00"}},
		{"08-508 21 000", []string{"08-508 21 000"}},
		{"+46 8 508 290 00", []string{"+46 8 508 290 00"}},
		{"+46 (0)8 508 290 00", []string{"+46 (0)8 508 290 00"}},
		{"0046 8 508 290 00", []string{"0046 8 508 290 00"}},
		{"Telefonnummer: 0850829127.", []string{"0850829127"}},
		{"+46850829000", []string{"+46850829000"}},
		{"(08) 508 290 00", []string{"(08) 508 290 00"}},
		{"070-123 45 67 eller 08-12 34 56", []string{"070-123 45 67", "08-12 34 56"}},
		{"Tel:0850829127", []string{"0850829127"}},
		{"+1 212 555 0100", []string{"+1 212 555 0100"}},
		{"\u00a008\u00a0508\u00a0290\u00a000", []string{"08\u00a0508\u00a0290\u00a000"}},
		{"2026-09-28", nil},
		{"01-10-2026", nil},
		{"År 2019 och 2026", nil},
		{"Dnr 1.6-246/2019", nil},
		{"KS 2018/1303", nil},
		{"105 35 Stockholm", nil},
		{"212000-0142", nil},
		{"Kl. 08-17", nil},
		{"08.00–16.30", nil},
		{"https://x.se/a/0850829127", nil},
		{"id=0850829127", nil},
		{"0850829127123456", nil},
		{"+46 8", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, sp := range findPhones(tt.text) {
				if tt.text[sp.start:sp.end] != sp.text {
					t.Errorf("span %+v does not match its offsets", sp)
				}
				got = append(got, sp.text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("findPhones(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
