package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/stockholm-stad/smaudit/evidence"
)

// runEvidence runs `smaudit evidence verify DIR`: it checks the evidence
// bundle of a report folder and its citations in results.json. Exit 0:
// the bundle holds; 1: something is wrong (each problem named by file and
// record) or there is no bundle; 2: usage.
func runEvidence(args []string, stdout, stderr io.Writer) int {
	const synopsis = "smaudit evidence verify DIR"
	if len(args) == 0 || args[0] != "verify" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			fmt.Fprintf(stdout, "Usage: %s\n\nChecks the evidence bundle a scan with --evidence wrote into the report folder DIR.\n", synopsis)
			return exitOK
		}
		fmt.Fprintf(stderr, "smaudit evidence: usage: %s\n", synopsis)
		return exitUsage
	}
	fs := flag.NewFlagSet("evidence verify", flag.ContinueOnError)
	fs.Usage = helpFor(fs, synopsis+"\n\n"+
		"Checks the evidence bundle that scan --evidence (or demo --evidence) wrote into\n"+
		"the report folder DIR: every WARC record in DIR/"+evidence.Folder+" parses and its SHA-256\n"+
		"digests match its bytes, and every record results.json cites exists. It warns when\n"+
		"the folder or a file is open to others than its owner: the bundle holds personal data.\n"+
		"Exit 0: the bundle holds; 1: it does not (each problem is named by file and record).")
	if done, code := parseFlagsAndArgs(fs, args[1:], stdout, stderr); done {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(stderr, "smaudit evidence verify: give one report folder (see smaudit evidence verify -h)\n")
		return exitUsage
	}
	dir := fs.Arg(0)
	c, err := evidence.Verify(dir)
	if err != nil {
		fmt.Fprintf(stderr, "smaudit evidence verify: %v\n", err)
		return exitFail
	}
	for _, p := range c.Problems {
		fmt.Fprintf(stderr, "%s\n", p)
	}
	for _, w := range c.Warnings {
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}
	if !c.OK() {
		fmt.Fprintf(stdout, "The evidence bundle in %s does NOT hold: %d problems in %d files, %d records, %d citations.\n",
			dir, len(c.Problems), len(c.Files), c.Records, c.Citations)
		return exitFail
	}
	fmt.Fprintf(stdout, "The evidence bundle in %s holds: %d files, %d records, every SHA-256 digest matches, all %d citations in results.json found.\n",
		dir, len(c.Files), c.Records, c.Citations)
	return exitOK
}
