package rules

import (
	"errors"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestHolidayConfigFromYAML(t *testing.T) {
	cfg := DefaultConfig()
	in := `
holidays:
  periods:
    - {name: påsken, name-en: Easter, from: långfredagen, to: annandag påsk}
  notice-phrases: [påskuppehåll]
  notice-days-before: 14
sensitive-words: [diagnos]
`
	if err := yaml.Unmarshal([]byte(in), &cfg); err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	// Easter 2027: långfredagen 26 March, annandag påsk 29 March.
	runs := runsIn(cfg.Holidays.Periods, at(t, "2027-03-01 00:00"), at(t, "2027-05-01 00:00"))
	if len(runs) != 1 || runs[0].dates() != "2027-03-26 – 2027-03-29" {
		t.Errorf("runs %+v, want Easter 2027-03-26 – 2027-03-29", runs)
	}
	th := ruleByID(t, cfg, HolidayNotice).Thresholds
	for _, want := range []string{"påsken (långfredagen – annandag påsk)", "14 dagar före", "”påskuppehåll”"} {
		if !strings.Contains(th.SV, want) {
			t.Errorf("thresholds %q lack %q", th.SV, want)
		}
	}
	if !strings.Contains(ruleByID(t, cfg, PersonalData).Thresholds.EN, "“diagnos”") {
		t.Errorf("personal-data thresholds do not follow sensitive-words")
	}
}

func TestDefaultHolidayThresholds(t *testing.T) {
	th := ruleByID(t, DefaultConfig(), HolidayNotice).Thresholds
	for _, want := range []string{"sommaren (midsommarafton – 15 augusti)", "jul- och nyårshelgerna (23 december – trettondedag jul)", "30 dagar"} {
		if !strings.Contains(th.SV, want) {
			t.Errorf("thresholds %q lack %q", th.SV, want)
		}
	}
	if !strings.Contains(th.EN, "the summer (midsommarafton – 15 August)") {
		t.Errorf("English thresholds %q", th.EN)
	}
}

func TestHolidayConfigErrors(t *testing.T) {
	tests := []struct {
		edit func(*Config)
		key  string
	}{
		{func(c *Config) { c.Holidays.Periods[0].From = "midsomar" }, "holidays.periods[0].from"},
		{func(c *Config) { c.Holidays.Periods[1].To = "02-30" }, "holidays.periods[1].to"},
		{func(c *Config) { c.Holidays.Periods[0].NameEN = "" }, "holidays.periods[0]"},
		{func(c *Config) { c.Holidays.NoticePhrases = nil }, "holidays.notice-phrases"},
		{func(c *Config) { c.Holidays.NoticePhrases = []string{" "} }, "holidays.notice-phrases[0]"},
		{func(c *Config) { c.Holidays.NoticeDaysBefore = -1 }, "holidays.notice-days-before"},
		{func(c *Config) { c.SensitiveWords = []string{""} }, "sensitive-words[0]"},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			cfg := DefaultConfig()
			cfg.Holidays.Periods = append([]HolidayPeriod(nil), cfg.Holidays.Periods...)
			tt.edit(&cfg)
			err := cfg.Validate()
			var ce ConfigError
			if !errors.As(err, &ce) || ce.Key != tt.key {
				t.Errorf("Validate() = %v, want an error at %s", err, tt.key)
			}
		})
	}
}
