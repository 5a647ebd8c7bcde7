package rules

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

	"github.com/stockholm-stad/smaudit/scanner"
)

func TestDefaultConfigIsValid(t *testing.T) {
	if err := DefaultConfig().Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestConfigYAMLRoundTrip(t *testing.T) {
	cfg := DefaultConfig()
	cfg.AdministrationAliases = map[string][]string{"Kulturförvaltningen": {"Kultur\u00adförvaltningen i Stockholm", "Stockholms stadsbibliotek"}}
	cfg.WebsiteDomains = []string{"kulturhuset.se"}
	cfg.Posting.Platforms = map[string]Posting{"mastodon": {WindowDays: 28, MinPerWeek: 1.5}}
	data, err := yaml.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"affiliation-phrases:", "administration-aliases:", "description-min-chars:", "participation-link-words:", "contact-link-words:", "website-domains:", "posting:", "window-days:", "min-per-week:", "platforms:", "inactive-days:"} {
		if !strings.Contains(string(data), key) {
			t.Errorf("YAML lacks %s:\n%s", key, data)
		}
	}
	var back Config
	if err := yaml.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(cfg, back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

func TestConfigYAMLOverridesDefaults(t *testing.T) {
	cfg := DefaultConfig()
	in := `
description-min-chars: 60
posting:
  platforms:
    mastodon:
      min-per-week: 3
`
	if err := yaml.Unmarshal([]byte(in), &cfg); err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	if cfg.DescriptionMinChars != 60 || cfg.InactiveDays != 90 {
		t.Errorf("got min %d, inactive %d; want 60 and the default 90", cfg.DescriptionMinChars, cfg.InactiveDays)
	}
	want := Posting{WindowDays: 91, MinPerWeek: 3}
	if got := cfg.Posting.For(scanner.Mastodon); got != want {
		t.Errorf("mastodon threshold %+v, want %+v (window inherited)", got, want)
	}
	if got := cfg.Posting.For(scanner.Web); got != (Posting{WindowDays: 91, MinPerWeek: 2}) {
		t.Errorf("web threshold %+v, want the default", got)
	}
}

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Config)
		want   string // substring of the error
	}{
		{"negative description length", func(c *Config) { c.DescriptionMinChars = -1 }, "description-min-chars: -1"},
		{"zero window", func(c *Config) { c.Posting.WindowDays = 0 }, "posting.window-days: 0"},
		{"negative window", func(c *Config) { c.Posting.WindowDays = -7 }, "posting.window-days: -7"},
		{"zero rate", func(c *Config) { c.Posting.MinPerWeek = 0 }, "posting.min-per-week"},
		{"negative rate", func(c *Config) { c.Posting.MinPerWeek = -2 }, "posting.min-per-week"},
		{"negative platform window", func(c *Config) { c.Posting.Platforms = map[string]Posting{"mastodon": {WindowDays: -1}} }, "posting.platforms.mastodon.window-days"},
		{"negative platform rate", func(c *Config) { c.Posting.Platforms = map[string]Posting{"web": {MinPerWeek: -0.5}} }, "posting.platforms.web.min-per-week"},
		{"zero inactive days", func(c *Config) { c.InactiveDays = 0 }, "inactive-days: 0"},
		{"negative inactive days", func(c *Config) { c.InactiveDays = -90 }, "inactive-days: -90"},
		{"no affiliation phrase", func(c *Config) { c.AffiliationPhrases = nil }, "affiliation-phrases"},
		{"blank phrase", func(c *Config) { c.ParticipationPhrases = []string{"allmän handling", " "} }, "participation-phrases[1]"},
		{"blank alias", func(c *Config) { c.AdministrationAliases = map[string][]string{"Kulturförvaltningen": {""}} }, "administration-aliases.Kulturförvaltningen[0]"},
		{"bad domain", func(c *Config) { c.WebsiteDomains = []string{"inte en domän"} }, "website-domains[0]"},
		{"no participation words", func(c *Config) { c.ParticipationPhrases, c.ParticipationLinkWords = nil, nil }, "must not both be empty"},
		{"misspelt platform", func(c *Config) { c.Posting.Platforms = map[string]Posting{"mastodn": {MinPerWeek: 1}} }, `posting.platforms.mastodn: "mastodn" is not a platform`},
		{"unknown platform", func(c *Config) { c.Posting.Platforms = map[string]Posting{"tiktok": {MinPerWeek: 1}} }, "posting.platforms.tiktok"},
		{"same platform in two cases", func(c *Config) {
			c.Posting.Platforms = map[string]Posting{"mastodon": {MinPerWeek: 1}, "Mastodon": {MinPerWeek: 5}}
		}, `posting.platforms.mastodon: names the same platform as "Mastodon"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := DefaultConfig()
			tt.change(&cfg)
			err := cfg.Validate()
			if err == nil {
				t.Fatal("Validate accepted the config")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q lacks %q", err, tt.want)
			}
		})
	}
	t.Run("zero platform values inherit", func(t *testing.T) {
		cfg := DefaultConfig()
		cfg.Posting.Platforms = map[string]Posting{"mastodon": {}}
		if err := cfg.Validate(); err != nil {
			t.Errorf("Validate: %v", err)
		}
	})
	t.Run("every problem is reported", func(t *testing.T) {
		cfg := DefaultConfig()
		cfg.InactiveDays, cfg.DescriptionMinChars = 0, -1
		err := cfg.Validate()
		if err == nil || !strings.Contains(err.Error(), "inactive-days") || !strings.Contains(err.Error(), "description-min-chars") {
			t.Errorf("error %v should name both keys", err)
		}
	})
}

// TestPostingForIsStable: For visits the overrides in order, so even a
// config that skipped Validate gets the same threshold on every call.
func TestPostingForIsStable(t *testing.T) {
	p := DefaultConfig().Posting
	p.Platforms = map[string]Posting{"mastodon": {MinPerWeek: 1}, "Mastodon": {MinPerWeek: 5}, "MASTODON": {MinPerWeek: 3}}
	first := p.For(scanner.Mastodon)
	for i := 0; i < 200; i++ {
		if got := p.For(scanner.Mastodon); got != first {
			t.Fatalf("call %d: %+v, first call %+v", i, got, first)
		}
	}
	var ce ConfigError
	cfg := DefaultConfig()
	cfg.Posting = p
	if err := cfg.Validate(); !errors.As(err, &ce) {
		t.Errorf("Validate: %v, want a ConfigError", err)
	}
}
