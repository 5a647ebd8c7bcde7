package main

import (
	"context"
	"fmt"
	"io"
	"os"
)

// watchSignals turns the first signal on sigs into a cancelled run (the
// scan stops and the reports of the accounts checked are written) and the
// second into an immediate end: abandon removes the report files being
// written, then exit ends the process with exitInterrupted, whatever the
// run is doing. main passes os.Exit; tests pass a recorder.
func watchSignals(sigs <-chan os.Signal, cancel context.CancelFunc, stderr io.Writer, abandon func() int, exit func(int)) {
	<-sigs
	cancel()
	<-sigs
	n := abandon()
	fmt.Fprintf(stderr, "\ninterrupted again: stopping now; %d report files being written were removed\n", n)
	exit(exitInterrupted)
}
