// Command smaudit audits the City of Stockholm's social-media accounts
// against the city's social-media policy and writes Excel, PDF and JSON
// reports. Run `smaudit -h` for the subcommands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
