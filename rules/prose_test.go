package rules

import "testing"

func TestProseOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Tips om böcker.", "Tips om böcker."},
		{"Läs mer: https://stockholm.se/kultur?a=1 och www.example.se!", "Läs mer: och"},
		{"Mejla kultur@stockholm.se eller ring 08-508 290 00.", "Mejla eller ring"},
		{"Följ @kultur@mastodon.example och @stadsbiblioteket", "Följ och"},
		{"Se stockholm.se/kultur eller start.stockholm", "Se eller"},
		{"  Radbrytning\n\n och\u00a0mellanslag ", "Radbrytning och mellanslag"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := proseOf(tt.in); got != tt.want {
				t.Errorf("proseOf(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
