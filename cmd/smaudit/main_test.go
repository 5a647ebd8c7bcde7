package main

import (
	"os"
	"strings"
	"testing"
)

// signalHelperEnv carries the command line of the smaudit run that
// TestSecondSignalStopsAtOnce interrupts twice, arguments separated by
// \x1f.
const signalHelperEnv = "SMAUDIT_SIGNAL_HELPER_ARGS"

// TestMain runs the real main, as the smaudit binary would, when
// signalHelperEnv holds a command line: the process a test signals is
// this test binary. Dispatching here rather than in a Test function
// keeps the helper from showing as a skipped test in every other run.
func TestMain(m *testing.M) {
	if args := os.Getenv(signalHelperEnv); args != "" {
		os.Args = append([]string{"smaudit"}, strings.Split(args, "\x1f")...)
		main() // exits
	}
	code := m.Run()
	removeSharedDemos()
	os.Exit(code)
}
