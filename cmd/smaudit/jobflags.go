package main

import (
	"flag"

	"github.com/stockholm-stad/smaudit/audit"
)

// defaultDBName is the history database's file name, as the flags'
// defaults name it.
const defaultDBName = audit.DefaultDBName

// loadConfig reads the --config file over the defaults.
var loadConfig = audit.LoadConfig

// addJobFlags defines the flags scan and discover share (what to read,
// how, and where to write) on fs, into the job it returns; outHelp says
// what --out is for in that command.
func addJobFlags(fs *flag.FlagSet, outHelp string) *audit.Job {
	j := &audit.Job{}
	fs.StringVar(&j.RegistryPath, "registry", "", "the account registry, .csv or .xlsx (required)")
	fs.StringVar(&j.Out, "out", "", outHelp)
	fs.StringVar(&j.AsOf, "as-of", "", "audit date YYYY-MM-DD; rules judge relative to it (default: today in Europe/Stockholm)")
	fs.StringVar(&j.ConfigPath, "config", "", "YAML config file with crawl, platform and rule settings (see README)")
	fs.StringVar(&j.Lang, "lang", "sv", "report language: sv or en")
	fs.BoolVar(&j.AllowPrivateNetworks, "allow-private-networks", false, "allow fetching addresses in loopback, private and link-local ranges")
	fs.StringVar(&j.DBPath, "db", "", "history database (default: "+audit.DefaultDBName+" beside the registry)")
	fs.BoolVar(&j.NoHistory, "no-history", false, "keep no history: no change since last quarter, nothing stored")
	fs.StringVar(&j.WaiversPath, "waivers", "", "YAML file of accepted findings with reason, approver and expiry (see README)")
	fs.DurationVar(&j.Deadline, "deadline", 0, "the scan's time budget, e.g. 12h or 90m: a rate limit that would outlast it makes "+
		"its accounts 'could not be checked' instead of waiting (default: the config's crawl.deadline, 12h)")
	return j
}
