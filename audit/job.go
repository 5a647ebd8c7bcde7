package audit

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/stockholm-stad/smaudit/registry"
	"github.com/stockholm-stad/smaudit/rules"
)

// Job is an audit as a person names it, by paths and text, as the command
// line's flags or a scheduled job's settings give it; Options turns it
// into an audit.
type Job struct {
	// RegistryPath is the account registry, .csv or .xlsx.
	RegistryPath string
	// Out is the folder the reports are written into.
	Out string
	// AsOf is the audit date, YYYY-MM-DD; empty is today in Stockholm.
	AsOf string
	// ConfigPath is the YAML config file; empty keeps the defaults.
	ConfigPath string
	// Lang is the reports' language: sv or en.
	Lang string
	// AllowPrivateNetworks lets the crawl fetch loopback, private and
	// link-local addresses, whatever the config says.
	AllowPrivateNetworks bool
	// DBPath is the history database; empty is DefaultDBPath beside the
	// registry.
	DBPath string
	// NoHistory keeps no history, whatever DBPath says.
	NoHistory bool
	// WaiversPath is the waivers file; empty means none.
	WaiversPath string
	// Deadline is the scan's time budget; zero keeps the config's
	// crawl.deadline.
	Deadline time.Duration
	// Evidence keeps every response the scan used in WARC files beside
	// the reports (see Options.Evidence).
	Evidence bool
}

// Options reads the config and the registry and settles the audit date
// (today in Stockholm at now, when AsOf is empty) and the history. Its
// error names the file or the setting that is wrong, a setting by the
// command line's flag, the name README documents.
func (j Job) Options(now time.Time) (Options, error) {
	cfg, err := LoadConfig(j.ConfigPath)
	if err != nil {
		return Options{}, err
	}
	cfg.Crawl.AllowPrivateNetworks = cfg.Crawl.AllowPrivateNetworks || j.AllowPrivateNetworks
	switch {
	case j.Deadline < 0:
		return Options{}, fmt.Errorf("--deadline must be a positive duration such as 12h or 90m, not %s", j.Deadline)
	case j.Deadline > 0:
		cfg.Crawl.Deadline = j.Deadline
	}
	o := Options{Out: j.Out, Lang: j.Lang, Config: cfg, RegistryName: filepath.Base(j.RegistryPath), WaiversPath: j.WaiversPath, Evidence: j.Evidence}
	switch {
	case j.NoHistory:
	case j.DBPath != "":
		o.DBPath = j.DBPath
	default:
		o.DBPath = DefaultDBPath(j.RegistryPath)
	}
	if o.AsOf, err = ParseAsOf(j.AsOf, now); err != nil {
		return o, fmt.Errorf("--as-of: %w", err)
	}
	if err := CheckLang(o.Lang); err != nil {
		return o, err
	}
	if o.Registry, err = registry.Load(j.RegistryPath); err != nil {
		return o, err
	}
	return o, nil
}

// ParseAsOf reads an audit date, YYYY-MM-DD; empty is now's date in
// Stockholm, the city whose calendar the audit follows.
func ParseAsOf(s string, now time.Time) (time.Time, error) {
	if s == "" {
		s = now.In(rules.Stockholm).Format("2006-01-02")
	}
	return rules.ParseAsOf(s)
}

// CheckLang accepts the languages the reports are written in: sv and en.
func CheckLang(lang string) error {
	if lang != "sv" && lang != "en" {
		return fmt.Errorf("--lang must be sv or en, not %q", lang)
	}
	return nil
}
