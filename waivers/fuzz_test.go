package waivers

import (
	"strings"
	"testing"
)

// FuzzParse feeds Parse arbitrary files: it must never panic, and what it
// accepts must be complete waivers with a file and line.
func FuzzParse(f *testing.F) {
	f.Add(valid)
	f.Add("")
	f.Add("[]")
	f.Add("- account: &a x\n  rule: *a\n  reason: r\n  approved-by: p\n  expires: 2027-01-01\n")
	f.Add("a: b\n---\n- c\n")
	f.Add("- {account: x, rule: y, reason: z, approved-by: p, expires: 2027-13-01}\n")
	f.Add("- ? [a]\n  : b\n")
	f.Fuzz(func(t *testing.T, in string) {
		ws, err := Parse("f.yaml", strings.NewReader(in))
		if err != nil {
			if ws != nil {
				t.Errorf("Parse returned waivers with an error: %v", err)
			}
			return
		}
		for _, w := range ws {
			if w.Account == "" || w.Rule == "" || w.Reason == "" || w.ApprovedBy == "" || w.Expires.IsZero() || w.Line < 1 || w.File != "f.yaml" {
				t.Errorf("Parse accepted an incomplete waiver %+v", w)
			}
		}
	})
}
