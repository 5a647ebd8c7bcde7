package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/stockholm-stad/smaudit/audit"
	"github.com/stockholm-stad/smaudit/registry"
	"github.com/stockholm-stad/smaudit/reports"
)

const registryUsage = `Usage:
  smaudit registry template [--out FILE] [--lang sv|en] [--config FILE]
  smaudit registry check [--config FILE] FILE

template writes an empty registry workbook with the columns, drop-downs for
platform and administration, and input validation.
check lints a registry without fetching anything and exits 1 on errors.
`

func runRegistry(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, registryUsage)
		return exitUsage
	}
	switch args[0] {
	case "template":
		return runRegistryTemplate(args[1:], stdout, stderr)
	case "check":
		return runRegistryCheck(args[1:], stdout, stderr)
	case "-h", "--help", "-help", "help":
		fmt.Fprint(stdout, registryUsage)
		return exitOK
	}
	fmt.Fprintf(stderr, "smaudit registry: unknown command %q\n\n%s", args[0], registryUsage)
	return exitUsage
}

func runRegistryTemplate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("registry template", flag.ContinueOnError)
	out := fs.String("out", "konton.xlsx", "where to write the template")
	lang := fs.String("lang", "sv", "header language: sv or en")
	configPath := fs.String("config", "", "YAML config file whose administrations fill the drop-down")
	fs.Usage = helpFor(fs, "smaudit registry template [--out FILE] [--lang sv|en]")
	if done, code := parseFlags(fs, args, stdout, stderr); done {
		return code
	}
	if err := audit.CheckLang(*lang); err != nil {
		fmt.Fprintf(stderr, "smaudit registry template: %v\n", err)
		return exitUsage
	}
	cfg, err := loadConfig(*configPath)
	if err != nil {
		fmt.Fprintf(stderr, "smaudit registry template: %v\n", err)
		return exitUsage
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(stderr, "smaudit registry template: %s exists; choose another --out\n", *out)
		return exitUsage
	}
	path, err := reports.WriteOne(filepath.Dir(*out), filepath.Base(*out), func(w io.Writer) error {
		return registry.WriteTemplate(w, *lang, cfg.Administrations)
	})
	if err != nil {
		fmt.Fprintf(stderr, "smaudit registry template: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "Wrote the registry template %s\n", path)
	return exitOK
}

func runRegistryCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("registry check", flag.ContinueOnError)
	configPath := fs.String("config", "", "YAML config file whose administrations are the known ones")
	fs.Usage = helpFor(fs, "smaudit registry check [--config FILE] FILE")
	if done, code := parseFlagsAndArgs(fs, args, stdout, stderr); done {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "smaudit registry check: name one registry file (see smaudit registry check -h)")
		return exitUsage
	}
	cfg, err := loadConfig(*configPath)
	if err != nil {
		fmt.Fprintf(stderr, "smaudit registry check: %v\n", err)
		return exitUsage
	}
	problems, err := registry.CheckFile(fs.Arg(0), cfg.Administrations)
	if err != nil {
		fmt.Fprintf(stderr, "smaudit registry check: %v\n", err)
		return exitFail
	}
	for _, p := range problems {
		fmt.Fprintf(stdout, "%s: %v\n", p.Severity, p)
	}
	errs, warns := registry.Count(problems)
	fmt.Fprintf(stdout, "%s: %d errors, %d warnings\n", fs.Arg(0), errs, warns)
	if errs > 0 {
		return exitFail
	}
	return exitOK
}
