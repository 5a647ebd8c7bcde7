package audit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stockholm-stad/smaudit/demo"
)

// TestJobOptions: a job named by paths and text becomes an audit with
// the history beside the registry unless told otherwise, today's date in
// Stockholm unless given, and errors that name the setting that is wrong.
func TestJobOptions(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data, err := demo.Registry()
	if err != nil {
		t.Fatal(err)
	}
	reg := filepath.Join(dir, "konton.csv")
	if err := os.WriteFile(reg, data, 0o600); err != nil {
		t.Fatal(err)
	}
	// 23:30 UTC on 30 June is already 1 July in Stockholm.
	now := time.Date(2026, 6, 30, 23, 30, 0, 0, time.UTC)
	base := Job{RegistryPath: reg, Out: filepath.Join(dir, "ut"), Lang: "sv"}

	o, err := base.Options(now)
	if err != nil {
		t.Fatal(err)
	}
	if o.DBPath != filepath.Join(dir, DefaultDBName) || o.RegistryName != "konton.csv" || o.AsOf.Format("2006-01-02") != "2026-07-01" ||
		len(o.Registry.Accounts) == 0 || o.Config.Crawl.AllowPrivateNetworks || o.Config.Crawl.Deadline != DefaultConfig().Crawl.Deadline {
		t.Errorf("defaults: db %s, registry %s, as of %s, %d accounts, private %v, deadline %s", o.DBPath, o.RegistryName,
			o.AsOf.Format("2006-01-02"), len(o.Registry.Accounts), o.Config.Crawl.AllowPrivateNetworks, o.Config.Crawl.Deadline)
	}

	set := base
	set.AsOf, set.DBPath, set.AllowPrivateNetworks, set.Deadline, set.WaiversPath = "2026-11-20", filepath.Join(dir, "h.db"), true, 90*time.Minute, "w.yaml"
	if o, err = set.Options(now); err != nil {
		t.Fatal(err)
	}
	if o.DBPath != set.DBPath || o.AsOf.Format("2006-01-02") != "2026-11-20" || !o.Config.Crawl.AllowPrivateNetworks ||
		o.Config.Crawl.Deadline != 90*time.Minute || o.WaiversPath != "w.yaml" {
		t.Errorf("settings given: db %s, as of %s, private %v, deadline %s, waivers %s", o.DBPath, o.AsOf.Format("2006-01-02"),
			o.Config.Crawl.AllowPrivateNetworks, o.Config.Crawl.Deadline, o.WaiversPath)
	}
	set.NoHistory = true
	if o, err = set.Options(now); err != nil || o.DBPath != "" {
		t.Errorf("no history: db %q, %v; want none", o.DBPath, err)
	}

	for _, tt := range []struct {
		name string
		edit func(*Job)
		want string
	}{
		{"deadline", func(j *Job) { j.Deadline = -time.Hour }, "--deadline"},
		{"as-of", func(j *Job) { j.AsOf = "2026-13-01" }, "--as-of"},
		{"lang", func(j *Job) { j.Lang = "de" }, "--lang"},
		{"registry", func(j *Job) { j.RegistryPath = filepath.Join(dir, "saknas.csv") }, "saknas.csv"},
		{"config", func(j *Job) { j.ConfigPath = filepath.Join(dir, "saknas.yaml") }, "saknas.yaml"},
	} {
		j := base
		tt.edit(&j)
		if _, err := j.Options(now); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one naming %s", tt.name, err, tt.want)
		}
	}
}
