package crawl

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"gopkg.in/yaml.v3"
)

func TestUserAgent(t *testing.T) {
	tests := []struct{ version, contact, want string }{
		{"1.4.0", "https://example.se/smaudit", "smaudit/1.4.0 (+https://example.se/smaudit)"},
		{"", "mailto:webb@example.se", "smaudit/dev (+mailto:webb@example.se)"},
		{"2.0", "", "smaudit/2.0"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := UserAgent(tt.version, tt.contact); got != tt.want {
				t.Errorf("UserAgent(%q, %q) = %q, want %q", tt.version, tt.contact, got, tt.want)
			}
		})
	}
}

func TestConfigFromYAML(t *testing.T) {
	const doc = `
contact: mailto:webb@example.se
per-host-concurrency: 4
per-host-delay: 250ms
request-timeout: 30s
max-body-bytes: 1048576
max-redirects: 3
max-retries: 1
retry-backoff: 2s
max-wait: 5m
deadline: 36h
graph-window: 6m
allow-private-networks: true
`
	cfg := DefaultConfig()
	if err := yaml.Unmarshal([]byte(doc), &cfg); err != nil {
		t.Fatalf("decoding YAML: %v", err)
	}
	want := Config{
		UserAgent:            DefaultConfig().UserAgent, // not in the file: kept
		Contact:              "mailto:webb@example.se",
		PerHostConcurrency:   4,
		PerHostDelay:         250 * time.Millisecond,
		RequestTimeout:       30 * time.Second,
		MaxBodyBytes:         1 << 20,
		MaxRedirects:         3,
		MaxRetries:           1,
		RetryBackoff:         2 * time.Second,
		MaxWait:              5 * time.Minute,
		Deadline:             36 * time.Hour,
		GraphWindow:          6 * time.Minute,
		AllowPrivateNetworks: true,
	}
	if diff := cmp.Diff(want, cfg, cmpopts.IgnoreFields(Config{}, "OnWait", "Logger", "Transport")); diff != "" {
		t.Errorf("decoded config (-want +got):\n%s", diff)
	}

	// Written and read back, durations stay readable strings.
	out, err := yaml.Marshal(cfg)
	if err != nil {
		t.Fatalf("encoding YAML: %v", err)
	}
	if !strings.Contains(string(out), "per-host-delay: 250ms") {
		t.Errorf("encoded YAML lacks the duration as a string:\n%s", out)
	}
}

func TestNewValidatesConfig(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(*Config)
		wantErr string
	}{
		{"defaults", func(*Config) {}, ""},
		{"zeros take defaults", func(c *Config) { *c = Config{Contact: "https://example.se"} }, ""},
		{"negative delay", func(c *Config) { c.PerHostDelay = -time.Second }, "per-host-delay"},
		{"negative retries", func(c *Config) { c.MaxRetries = -1 }, "max-retries"},
		{"negative redirects", func(c *Config) { c.MaxRedirects = -1 }, "max-redirects"},
		{"negative backoff", func(c *Config) { c.RetryBackoff = -1 }, "retry-backoff"},
		{"negative max wait", func(c *Config) { c.MaxWait = -time.Minute }, "max-wait"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := DefaultConfig()
			tt.edit(&cfg)
			c, err := New(cfg)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("New: %v", err)
				}
				if c.cfg.UserAgent == "" || c.cfg.PerHostConcurrency <= 0 || c.cfg.RequestTimeout <= 0 || c.cfg.MaxBodyBytes <= 0 ||
					c.cfg.Deadline <= 0 || c.cfg.GraphWindow <= 0 {
					t.Errorf("normalized config has unusable zero values: %+v", c.cfg)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("New error = %v, want one naming %s", err, tt.wantErr)
			}
		})
	}
}
