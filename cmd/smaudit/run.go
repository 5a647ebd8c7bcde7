package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
)

// version is the tool's version, shown by `smaudit version` and in reports.
const version = "0.1.0"

// Exit codes, documented in README.
const (
	exitOK        = 0 // scanned: nothing failing, nothing that could not be checked
	exitFail      = 1 // at least one finding failed
	exitUsage     = 2 // usage or input error; nothing was written
	exitUnchecked = 3 // nothing failed, but at least one account could not be checked
	// exitInterrupted ends a run stopped by Ctrl-C or SIGTERM: 128 + SIGINT,
	// as shells report a process a SIGINT ended.
	exitInterrupted = 130
	// exitNotStored ends a complete scan whose reports were written but
	// which could not be stored in the history.
	exitNotStored = 4
)

const usage = `smaudit audits the City of Stockholm's social-media accounts against the
city's social-media policy and writes reports for each administration.

Usage:
  smaudit scan --registry FILE --out DIR [--as-of YYYY-MM-DD] [--config FILE]
               [--lang sv|en] [--allow-private-networks] [--concurrency N]
               [--evidence]
  smaudit discover --site URL --registry FILE [--depth N] [--out DIR]
  smaudit demo [--out DIR] [--lang sv|en] [--evidence]
  smaudit diff --from SCAN --to SCAN [--db FILE]
  smaudit import-responses [--db FILE] WORKBOOK...
  smaudit registry template [--out FILE] | smaudit registry check FILE
  smaudit rules [--config FILE] [--lang sv|en]
  smaudit evidence verify DIR
  smaudit version

Run "smaudit COMMAND -h" for a command's flags.

Exit codes: 0 nothing failed and everything was checked; 1 at least one
finding failed; 2 usage or input error (nothing written); 3 nothing failed
but at least one account could not be checked; 4 the reports were
written but the scan could not be stored in the history; 130 interrupted (Ctrl-C or
SIGTERM): the reports cover the accounts checked and say so, nothing is
stored in the history; a second Ctrl-C stops at once, without reports.
`

// run is the whole program behind main: it parses args, runs a subcommand
// and returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "scan":
		return runScan(ctx, rest, stdout, stderr)
	case "diff":
		return runDiff(ctx, rest, stdout, stderr)
	case "import-responses":
		return runImportResponses(ctx, rest, stdout, stderr)
	case "registry":
		return runRegistry(rest, stdout, stderr)
	case "discover":
		return runDiscover(ctx, rest, stdout, stderr)
	case "demo":
		return runDemo(ctx, rest, stdout, stderr)
	case "rules":
		return runRules(rest, stdout, stderr)
	case "evidence":
		return runEvidence(rest, stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "smaudit %s\n", version)
		return exitOK
	case "-h", "--help", "-help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "smaudit: unknown command %q\n\n%s", cmd, usage)
		return exitUsage
	}
}

// parseFlags parses a subcommand's flags and allows no other arguments;
// -h prints its help to stdout. It returns done=true with the exit code
// when the caller must stop.
func parseFlags(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (done bool, code int) {
	if done, code := parseFlagsAndArgs(fs, args, stdout, stderr); done {
		return done, code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "smaudit %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return true, exitUsage
	}
	return false, 0
}

// parseFlagsAndArgs is parseFlags for commands that take file arguments
// after their flags (fs.Args()).
func parseFlagsAndArgs(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (done bool, code int) {
	// The flag package prints usage itself on every error; keep it quiet
	// so help goes once, to stdout, and an error once, to stderr.
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stdout)
		fs.Usage()
		return true, exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "smaudit %s: %v (see smaudit %s -h)\n", fs.Name(), err, fs.Name())
		return true, exitUsage
	}
	fs.SetOutput(stderr)
	return false, 0
}

// helpFor returns a Usage function printing a command's synopsis and flags.
func helpFor(fs *flag.FlagSet, synopsis string) func() {
	return func() {
		fmt.Fprintf(fs.Output(), "Usage: %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
}
