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

// TestCountedNotes: the notes that count accounts agree with their count.
func TestCountedNotes(t *testing.T) {
	for _, tt := range []struct {
		lang    string
		skipped int
		want    string
	}{
		{"sv", 1, "Servern fedi.example svarade inte; 1 konto på samma server hoppades över utan att servern tillfrågades igen."},
		{"sv", 1200, "Servern fedi.example svarade inte; 1\u00a0200 konton på samma server hoppades över utan att servern tillfrågades igen."},
		{"en", 1, "The server fedi.example did not answer; 1 account on the same server was skipped without asking it again."},
		{"en", 3, "The server fedi.example did not answer; 3 accounts on the same server were skipped without asking it again."},
	} {
		if got := DeadHostNote(tt.lang, "fedi.example", tt.skipped); got != tt.want {
			t.Errorf("DeadHostNote(%s, %d)\n got %q\nwant %q", tt.lang, tt.skipped, got, tt.want)
		}
	}
	for _, tt := range []struct {
		lang string
		c    Counts
		want string
	}{
		{"sv", Counts{Accounts: 1}, "Granskningen avbröts: 1 av 1 konto kontrollerades."},
		{"sv", Counts{Accounts: 5000, NotReached: 4986}, "Granskningen avbröts: 14 av 5\u00a0000 konton kontrollerades."},
		{"en", Counts{Accounts: 1, NotReached: 1}, "The audit was interrupted: 0 of 1 account was checked."},
		{"en", Counts{Accounts: 7, NotReached: 3}, "The audit was interrupted: 4 of 7 accounts were checked."},
		{"en", Counts{Accounts: 7, NotReached: 6}, "The audit was interrupted: 1 of 7 accounts was checked."},
	} {
		if got := InterruptedLine(tt.lang, tt.c); got != tt.want {
			t.Errorf("InterruptedLine(%s, %+v)\n got %q\nwant %q", tt.lang, tt.c, got, tt.want)
		}
	}
}
