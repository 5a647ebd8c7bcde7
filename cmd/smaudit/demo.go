package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/stockholm-stad/smaudit/audit"
	"github.com/stockholm-stad/smaudit/demo"
	"github.com/stockholm-stad/smaudit/fixtureserver"
	"github.com/stockholm-stad/smaudit/registry"
)

// demoAsOf is the audit date the bundled fixtures were recorded for; the
// demo uses it so that its reports are the same every day.
const demoAsOf = "2026-11-20"

func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("demo", flag.ContinueOnError)
	out := fset.String("out", "rapporter", "folder to write the reports into")
	lang := fset.String("lang", "sv", "report language: sv or en")
	asOf := fset.String("as-of", demoAsOf, "audit date YYYY-MM-DD; the fixtures are recorded for the default")
	dbPath := fset.String("db", "", "history database (default: "+defaultDBName+" in the output folder)")
	noHistory := fset.Bool("no-history", false, "keep no history")
	waiversPath := fset.String("waivers", "", "YAML file of accepted findings (see README)")
	fset.Usage = helpFor(fset, "smaudit demo [--out DIR] [--lang sv|en]\n\n"+
		"Scans the bundled sample registry against recorded platform responses served\n"+
		"on loopback (no network needed) and writes the same reports as scan.")
	if done, code := parseFlags(fset, args, stdout, stderr); done {
		return code
	}
	if err := checkLang(*lang); err != nil {
		fmt.Fprintf(stderr, "smaudit demo: %v\n", err)
		return exitUsage
	}
	j, srv, err := demoJob(*out, *lang, *asOf)
	if err != nil {
		fmt.Fprintf(stderr, "smaudit demo: %v\n", err)
		return exitUsage
	}
	defer srv.Close()
	j.WaiversPath = *waiversPath
	switch {
	case *noHistory:
	case *dbPath != "":
		j.DBPath = *dbPath
	default:
		j.DBPath = filepath.Join(j.Out, defaultDBName)
	}
	code := runAudit(ctx, j, stdout, stderr)
	if code == exitInterrupted {
		fmt.Fprintf(stdout, "\nDemo interrupted. The reports in %s cover the accounts checked and say so.\n", j.Out)
		return code
	}
	if code != exitUsage {
		fmt.Fprintf(stdout, "\nDemo finished. Open %s or %s to start.\n", filepath.Join(j.Out, "oversikt.pdf"), filepath.Join(j.Out, "oversikt.xlsx"))
		if j.DBPath != "" {
			// diff and import-responses look for smaudit.db in the current
			// folder unless told: say where this one is.
			fmt.Fprintf(stdout, "The history is in %s; give diff and import-responses --db %s.\n", j.DBPath, j.DBPath)
		}
	}
	return code
}

// demoJob prepares the demo: the bundled registry, a fixture server for
// every host it links to, and crawl settings that keep politeness but do
// not make a person wait for a demo.
func demoJob(out, lang, asOf string) (audit.Options, *fixtureserver.Server, error) {
	j := audit.Options{Out: out, Lang: lang, Config: audit.DefaultConfig(), RegistryName: "registry.csv"}
	var err error
	if j.AsOf, err = parseAsOf(asOf, time.Time{}); err != nil {
		return j, nil, fmt.Errorf("--as-of: %w", err)
	}
	data, err := demo.Registry()
	if err != nil {
		return j, nil, err
	}
	if j.Registry, err = registry.ParseCSV(j.RegistryName, bytes.NewReader(data)); err != nil {
		return j, nil, err
	}
	hosts, err := demo.Hosts()
	if err != nil {
		return j, nil, err
	}
	srv, err := fixtureserver.Start(hosts)
	if err != nil {
		return j, nil, err
	}
	j.Transport = srv.Transport()
	j.Config.Crawl.PerHostDelay = 0
	j.Config.Crawl.RetryBackoff = 100 * time.Millisecond
	j.Config.Platforms = demoPlatforms(audit.WithEnvCredentials(j.Config.Platforms, os.Getenv))
	j.Discover = &audit.Discovery{Site: demoSite, Depth: 2, MaxPages: 50}
	return j, srv, nil
}

// demoSite is the bundled city web site the demo searches for accounts
// missing from the registry.
const demoSite = "https://www.stad.demo.example/"

// demoPlatforms points the platform APIs at the bundled fixture hosts.
// Facebook, Instagram and X are read only when a token is set in the
// environment (any value will do for the demo), as in a real scan.
func demoPlatforms(p audit.PlatformsConfig) audit.PlatformsConfig {
	p.Bluesky.AppView = "https://appview.demo.example"
	p.YouTube.Site = "https://youtube.demo.example"
	p.YouTube.APIBase = "https://youtube-api.demo.example/youtube/v3"
	p.Meta.GraphBase = "https://graph.demo.example/v21.0"
	p.Meta.InstagramUserID = "17841400000000001"
	p.X.APIBase = "https://api.x.demo.example/2"
	return p
}
