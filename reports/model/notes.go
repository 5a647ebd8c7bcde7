package model

import "fmt"

// DeadHostNote is the note on a server that stopped answering and the
// accounts on it the scan skipped: "…; 1 konto på samma server …".
func DeadHostNote(lang, host string, skipped int) string {
	// The English verb agrees with the count; the Swedish one needs not.
	were := "were"
	if skipped == 1 {
		were = "was"
	}
	return fmt.Sprintf(L(lang, "note.deadHost"), host, nounAccount.count(skipped).In(lang), were)
}
