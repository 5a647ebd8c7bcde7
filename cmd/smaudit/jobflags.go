package main

import (
	"flag"
	"fmt"
	"path/filepath"
	"time"

	"github.com/stockholm-stad/smaudit/audit"
	"github.com/stockholm-stad/smaudit/registry"
)

// defaultDBName is the history database's file name, as the flags'
// defaults name it.
const defaultDBName = audit.DefaultDBName

// loadConfig reads the --config file over the defaults.
var loadConfig = audit.LoadConfig

// jobFlags are the flags scan and discover share: what to read, how, and
// where to write.
type jobFlags struct {
	registry     *string
	out          *string
	asOf         *string
	config       *string
	lang         *string
	allowPrivate *bool
	db           *string
	noHistory    *bool
	waivers      *string
	deadline     *time.Duration
}

// addJobFlags defines the shared flags on fs; outHelp says what --out is
// for in that command.
func addJobFlags(fs *flag.FlagSet, outHelp string) jobFlags {
	return jobFlags{
		registry:     fs.String("registry", "", "the account registry, .csv or .xlsx (required)"),
		out:          fs.String("out", "", outHelp),
		asOf:         fs.String("as-of", "", "audit date YYYY-MM-DD; rules judge relative to it (default: today in Europe/Stockholm)"),
		config:       fs.String("config", "", "YAML config file with crawl, platform and rule settings (see README)"),
		lang:         fs.String("lang", "sv", "report language: sv or en"),
		allowPrivate: fs.Bool("allow-private-networks", false, "allow fetching addresses in loopback, private and link-local ranges"),
		db:           fs.String("db", "", "history database (default: "+audit.DefaultDBName+" beside the registry)"),
		noHistory:    fs.Bool("no-history", false, "keep no history: no change since last quarter, nothing stored"),
		waivers:      fs.String("waivers", "", "YAML file of accepted findings with reason, approver and expiry (see README)"),
		deadline: fs.Duration("deadline", 0, "the scan's time budget, e.g. 12h or 90m: a rate limit that would outlast it makes "+
			"its accounts 'could not be checked' instead of waiting (default: the config's crawl.deadline, 12h)"),
	}
}

// load turns the flags into an audit: config, audit date, language and
// the registry. Its error names the flag or file that is wrong.
func (f jobFlags) load(now time.Time) (audit.Options, error) {
	cfg, err := audit.LoadConfig(*f.config)
	if err != nil {
		return audit.Options{}, err
	}
	cfg.Crawl.AllowPrivateNetworks = cfg.Crawl.AllowPrivateNetworks || *f.allowPrivate
	switch {
	case *f.deadline < 0:
		return audit.Options{}, fmt.Errorf("--deadline must be a positive duration such as 12h or 90m, not %s", *f.deadline)
	case *f.deadline > 0:
		cfg.Crawl.Deadline = *f.deadline
	}
	j := audit.Options{Out: *f.out, Lang: *f.lang, Config: cfg, RegistryName: filepath.Base(*f.registry), WaiversPath: *f.waivers}
	switch {
	case *f.noHistory:
	case *f.db != "":
		j.DBPath = *f.db
	default:
		j.DBPath = audit.DefaultDBPath(*f.registry)
	}
	if j.AsOf, err = parseAsOf(*f.asOf, now); err != nil {
		return j, fmt.Errorf("--as-of: %w", err)
	}
	if err := checkLang(j.Lang); err != nil {
		return j, err
	}
	if j.Registry, err = registry.Load(*f.registry); err != nil {
		return j, err
	}
	return j, nil
}
