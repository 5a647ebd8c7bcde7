// Command smaudit audits the City of Stockholm's social-media accounts
// against the city's social-media policy and writes Excel, PDF and JSON
// reports. Run `smaudit -h` for the subcommands.
package main

import (
	"context"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"github.com/stockholm-stad/smaudit/reports"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	// The first Ctrl-C or SIGTERM cancels the run, which still writes its
	// reports; the second ends the process at once (signals.go).
	// Whichever ends the process first, the run or a second signal, ends
	// it alone: the other never gets to exit with another code.
	var exiting sync.Mutex
	exit := func(code int) {
		exiting.Lock()
		os.Exit(code)
	}
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go watchSignals(sigs, cancel, os.Stderr, reports.AbandonWrites, exit)
	exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
