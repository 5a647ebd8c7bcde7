package html

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSparkOf: a line needs two audits with a share; an audit without
// one breaks the line; 100 % is at the top and the dot on the newest
// share; the label names the first and newest shares.
func TestSparkOf(t *testing.T) {
	tests := []struct {
		name   string
		shares []float64
		want   *spark
	}{
		{"one audit", []float64{0.5}, nil},
		{"one share", []float64{-1, 0.5, -1}, nil},
		{"rising", []float64{0, 1}, &spark{Label: "Linje från 0 % till 100 %", Lines: []string{"3.0,27.0 97.0,3.0"}, LastX: "97.0", LastY: "3.0"}},
		{"gap", []float64{0.5, -1, 0.5, 1, -1}, &spark{Label: "Linje från 50 % till 100 %",
			Lines: []string{"50.0,15.0 73.5,3.0"}, LastX: "73.5", LastY: "3.0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, sparkOf("sv", tt.shares), cmp.AllowUnexported(spark{})); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
