package audit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"gopkg.in/yaml.v3"

	"github.com/stockholm-stad/smaudit/registry"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner/crawl"
)

// Config is the YAML config file: crawl settings, platform settings and
// rule thresholds. Any key left out keeps its default. See README's config
// reference.
type Config struct {
	Concurrency int             `yaml:"concurrency"`
	Crawl       crawl.Config    `yaml:"crawl"`
	Platforms   PlatformsConfig `yaml:"platforms"`
	// Administrations are the city's administrations and companies: the
	// registry template's drop-down and what registry check accepts.
	Administrations []string     `yaml:"administrations"`
	Rules           rules.Config `yaml:"rules"`
	// Report says who sends the reports and how to answer them; every
	// report's first page shows it.
	Report ReportConfig `yaml:"report"`
}

// DefaultConfig is the config when no file says otherwise.
func DefaultConfig() Config {
	cfg := Config{Concurrency: 8, Crawl: crawl.DefaultConfig(), Platforms: DefaultPlatforms(), Rules: rules.DefaultConfig(),
		Administrations: registry.StockholmAdministrations}
	// Empty means "smaudit/VERSION (+contact)", filled in once the config
	// file has had its say about the contact.
	cfg.Crawl.UserAgent = ""
	return cfg
}

// LoadConfig reads path over the defaults; an empty path gives the
// defaults. Unknown keys are errors, so a typo never passes silently.
// Credentials set in the environment win over the file's.
func LoadConfig(path string) (Config, error) {
	cfg, err := readConfig(path)
	cfg.Platforms = WithEnvCredentials(cfg.Platforms, osGetenv)
	return cfg, err
}

func readConfig(path string) (Config, error) {
	cfg := DefaultConfig()
	if path == "" {
		return cfg, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return cfg, fmt.Errorf("config: %w", err)
	}
	return parseConfig(path, data)
}

// parseConfig reads the config file path's contents data over the
// defaults; errors name path, the line and the key.
func parseConfig(path string, data []byte) (Config, error) {
	cfg := DefaultConfig()
	doc, err := newConfigDoc(path, data)
	if err != nil {
		return cfg, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&cfg); err != nil && !errors.Is(err, io.EOF) {
		return cfg, doc.decodeError(err)
	}
	if cfg.Concurrency < 1 {
		return cfg, fmt.Errorf("%sconcurrency must be at least 1, not %d", configWhere(path, doc.lineOf("concurrency")), cfg.Concurrency)
	}
	if err := cfg.Rules.Validate(); err != nil {
		return cfg, doc.validationError(err)
	}
	if errs := cfg.Report.problems(); len(errs) > 0 {
		out := make([]error, len(errs))
		for i, e := range errs {
			out[i] = fmt.Errorf("%sreport.%s: %s", configWhere(path, doc.lineOf("report."+e.Key)), e.Key, e.Message)
		}
		return cfg, errors.Join(out...)
	}
	return cfg, nil
}
