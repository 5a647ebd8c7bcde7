package audit

import (
	"bytes"
	"path/filepath"
	"time"

	"github.com/stockholm-stad/smaudit/demo"
	"github.com/stockholm-stad/smaudit/fixtureserver"
	"github.com/stockholm-stad/smaudit/registry"
)

// The demo lives here rather than in package demo: demo is data only
// (embedded, importing nothing of the tool), so every layer's tests can
// read it, while an audit of it is a pipeline concern any front end may
// offer. Only front ends import audit; the demo's data never does.

// DemoAsOf is the audit date the bundled fixtures were recorded for; the
// demo uses it so that its reports are the same every day.
const DemoAsOf = "2026-11-20"

// DemoSite is the bundled city web site the demo searches for accounts
// missing from the registry.
const DemoSite = "https://www.stad.demo.example/"

// DemoRegistryName is the demo registry's file name as the reports show
// it.
const DemoRegistryName = "registry.csv"

// Demo is an audit of the bundled sample registry as of asOf, written
// into out in lang, against the recorded platform answers served on
// loopback by the returned server, which the caller closes after the
// audit. It keeps its history in out, where the demo's reports are, and
// reads no waivers until the caller sets WaiversPath.
func Demo(out, lang string, asOf time.Time) (Options, *fixtureserver.Server, error) {
	o := Options{Out: out, Lang: lang, AsOf: asOf, Config: DemoConfig(osGetenv), RegistryName: DemoRegistryName,
		Discover: &Discovery{Site: DemoSite, Depth: 2, MaxPages: 50}, DBPath: filepath.Join(out, DefaultDBName)}
	data, err := demo.Registry()
	if err != nil {
		return o, nil, err
	}
	if o.Registry, err = registry.ParseCSV(o.RegistryName, bytes.NewReader(data)); err != nil {
		return o, nil, err
	}
	hosts, err := demo.Hosts()
	if err != nil {
		return o, nil, err
	}
	srv, err := fixtureserver.Start(hosts)
	if err != nil {
		return o, nil, err
	}
	o.Transport = srv.Transport()
	return o, srv, nil
}

// DemoConfig is the demo's config: the defaults, with crawl settings
// that keep politeness but do not make a person wait for a demo, the
// platform APIs at the bundled fixture hosts, with the credentials getenv
// supplies, and a report block naming a sender, a contact and a reply
// date. Every setting the demo changes is here.
func DemoConfig(getenv func(string) string) Config {
	cfg := DefaultConfig()
	cfg.Crawl.PerHostDelay = 0
	cfg.Crawl.RetryBackoff = 100 * time.Millisecond
	cfg.Platforms = DemoPlatforms(WithEnvCredentials(cfg.Platforms, getenv))
	// Who sends the reports and how to answer, as a city's report block
	// says it; the contact's addresses are on an example domain.
	cfg.Report = ReportConfig{Sender: "Stadsledningskontoret, kommunikationsenheten",
		Contact: ContactConfig{Name: "Karin Lund", Email: "karin.lund@example.se"}, ReplyWithinDays: 30, SendTo: "kommunikation@example.se"}
	return cfg
}

// DemoPlatforms points the platform APIs of p at the bundled fixture
// hosts. Facebook, Instagram and X are read only when a token is set in
// the environment (any value will do for the demo), as in a real scan.
func DemoPlatforms(p PlatformsConfig) PlatformsConfig {
	p.Bluesky.AppView = "https://appview.demo.example"
	p.YouTube.Site = "https://youtube.demo.example"
	p.YouTube.APIBase = "https://youtube-api.demo.example/youtube/v3"
	p.Meta.GraphBase = "https://graph.demo.example/v21.0"
	p.Meta.InstagramUserID = "17841400000000001"
	p.X.APIBase = "https://api.x.demo.example/2"
	return p
}
