package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/stockholm-stad/smaudit/audit"
	"github.com/stockholm-stad/smaudit/discover"
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/scanner/progress"
)

func runDiscover(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("discover", flag.ContinueOnError)
	site := fs.String("site", "", "the city web site to crawl for links to social-media accounts (required)")
	depth := fs.Int("depth", 2, "how many links deep to follow from the start page")
	maxPages := fs.Int("max-pages", discover.DefaultMaxPages, "the most pages to read from the site")
	jf := addJobFlags(fs, "folder to write "+audit.UnregisteredFile+" into (default: only print the list)")
	fs.Usage = helpFor(fs, "smaudit discover --site URL --registry FILE [--depth N] [--out DIR]\n\n"+
		"Crawls the city's web site (same site only, robots.txt respected, rate limited) and\n"+
		"every registered account's profile, and lists the social-media accounts they link\n"+
		"to that the registry does not list, with the page where each was found.")
	if done, code := parseFlags(fs, args, stdout, stderr); done {
		return code
	}
	if *site == "" || jf.RegistryPath == "" {
		fmt.Fprintln(stderr, "smaudit discover: --site and --registry are required (see smaudit discover -h)")
		return exitUsage
	}
	if *depth < 0 || *maxPages < 1 {
		fmt.Fprintln(stderr, "smaudit discover: --depth must be 0 or more and --max-pages at least 1")
		return exitUsage
	}
	j, err := jf.Options(time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "smaudit discover: %v\n", err)
		return exitUsage
	}
	j.DBPath = "" // discovery alone keeps no history
	j.Discover = &audit.Discovery{Site: *site, Depth: *depth, MaxPages: *maxPages}
	return discoverOnly(ctx, j, stdout, stderr)
}

// discoverOnly scans the registry's accounts for their profile links,
// crawls the site, and prints and writes the accounts missing from the
// registry. Exit 0: none missing; 1: some missing; 3: none found missing,
// but some pages could not be read.
func discoverOnly(ctx context.Context, j audit.Options, stdout, stderr io.Writer) int {
	j.Version = version
	j.Logger = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	j.Notices = stderr
	missing, notes, err := audit.DiscoverOnly(ctx, j, progress.New(stderr, j.Registry.Accounts))
	var notStarted *audit.NotStartedError
	switch {
	case errors.As(err, &notStarted):
		fmt.Fprintf(stderr, "smaudit: %v\n", err)
		return exitUsage
	case errors.Is(err, audit.ErrDiscoveryInterrupted):
		fmt.Fprintf(stderr, "smaudit discover: %v; nothing is reported or written. Run it again.\n", err)
		return exitInterrupted
	case err != nil:
		fmt.Fprintf(stderr, "smaudit discover: %v\n", err)
		return exitUsage
	}
	if len(missing) == 0 {
		fmt.Fprintln(stdout, "Every account the site and the profiles link to is in the registry.")
	} else {
		fmt.Fprintf(stdout, "%d accounts are linked to but missing from the registry:\n", len(missing))
		for _, m := range missing {
			fmt.Fprintf(stdout, "  %-10s %s\n             found on %s\n", model.PlatformName(m.Platform), m.URL, m.FoundOn[0])
		}
	}
	if j.Out != "" {
		written, err := audit.WriteUnregistered(j, missing, notes)
		if err != nil {
			fmt.Fprintf(stderr, "smaudit discover: %v\n", err)
			return exitUsage
		}
		fmt.Fprintf(stdout, "Workbook: %s\n", written)
	}
	switch {
	case len(missing) > 0:
		return exitFail
	case len(notes) > 0:
		return exitUnchecked
	}
	return exitOK
}
