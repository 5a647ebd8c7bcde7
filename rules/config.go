package rules

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// Config holds the thresholds and word lists the rules are built with. Its
// YAML keys are kebab-case; DefaultConfig gives the values the policy
// implies, and a config file only needs to name what it changes.
type Config struct {
	// AffiliationPhrases are the names that say an account belongs to the
	// city, matched case-insensitively as whole words.
	AffiliationPhrases []string `yaml:"affiliation-phrases"`
	// AdministrationAliases maps an administration's name as written in the
	// registry to other names that count as naming it in a profile.
	AdministrationAliases map[string][]string `yaml:"administration-aliases"`
	// DescriptionMinChars is the shortest profile description, in
	// characters, once links and contact details are removed.
	DescriptionMinChars int `yaml:"description-min-chars"`
	// ParticipationPhrases are words in profile text that tell visitors the
	// terms of taking part.
	ParticipationPhrases []string `yaml:"participation-phrases"`
	// ParticipationLinkWords mark a link (text or URL) to the terms.
	ParticipationLinkWords []string `yaml:"participation-link-words"`
	// ContactLinkWords mark a link (text or URL path) to a contact page.
	ContactLinkWords []string `yaml:"contact-link-words"`
	// WebsiteDomains are extra domains, with their subdomains, that count as
	// an administration's website besides stockholm.se, start.stockholm and
	// the registry's Webbplats.
	WebsiteDomains []string `yaml:"website-domains"`
	// Posting sets the posting-frequency thresholds.
	Posting PostingConfig `yaml:"posting"`
	// InactiveDays is how many days may pass since the newest own post
	// before an account counts as no longer used.
	InactiveDays int `yaml:"inactive-days"`
	// Holidays sets the holiday periods and the words of a notice of a
	// lower pace (holiday-notice, posting-frequency).
	Holidays HolidayConfig `yaml:"holidays"`
	// SensitiveWords are words of the sensitive categories of personal
	// data (health, religion, ethnic origin, …); a post holding one near a
	// name goes to a person (personal-data), never to a verdict.
	SensitiveWords []string `yaml:"sensitive-words"`
	// Closure sets the words of a notice that an account is closing
	// (closure-notice).
	Closure ClosureConfig `yaml:"closure"`
	// Moderation sets the words of a profile that tells its users how
	// comments are moderated (moderation-info).
	Moderation ModerationConfig `yaml:"moderation"`
	// Response sets how fast questions to an account must be answered,
	// in office hours, and how many threads an adapter reads
	// (response-time).
	Response ResponseConfig `yaml:"response-time"`
}

// Posting is one posting-frequency threshold: at least MinPerWeek own posts
// a week on average over the WindowDays days that end with the audit date.
type Posting struct {
	WindowDays int     `yaml:"window-days"`
	MinPerWeek float64 `yaml:"min-per-week"`
}

// PostingConfig is the default posting threshold with per-platform
// overrides. An override's zero fields inherit the default.
type PostingConfig struct {
	Posting   `yaml:",inline"`
	Platforms map[string]Posting `yaml:"platforms,omitempty"`
}

// PostingPlatforms are the platforms a posting override may name: those
// whose posts smaudit reads. Validate refuses any other name, so a typo
// such as "mastodn" never leaves the real platform at the default.
var PostingPlatforms = []scanner.Platform{
	scanner.Bluesky, scanner.Facebook, scanner.Instagram, scanner.LinkedIn,
	scanner.Mastodon, scanner.Web, scanner.X, scanner.YouTube,
}

// For returns the threshold that applies to platform: the override's
// non-zero fields over the default. Names are matched without regard to
// case; Validate refuses two names for one platform, and the names are
// visited in order, so the answer never depends on map order.
func (p PostingConfig) For(platform scanner.Platform) Posting {
	eff := p.Posting
	for _, name := range sortedKeys(p.Platforms) {
		o := p.Platforms[name]
		if !strings.EqualFold(strings.TrimSpace(name), string(platform)) {
			continue
		}
		if o.WindowDays != 0 {
			eff.WindowDays = o.WindowDays
		}
		if o.MinPerWeek != 0 {
			eff.MinPerWeek = o.MinPerWeek
		}
	}
	return eff
}

// DefaultConfig returns the thresholds that follow from the policy.
func DefaultConfig() Config {
	return Config{
		AffiliationPhrases:     []string{"Stockholms stad", "Stockholm stad", "City of Stockholm"},
		AdministrationAliases:  map[string][]string{},
		DescriptionMinChars:    40,
		ParticipationPhrases:   []string{"allmän handling", "allmänna handlingar"},
		ParticipationLinkWords: []string{"villkor", "regler", "kommentarsregler", "netikett", "terms"},
		ContactLinkWords:       []string{"kontakt", "contact"},
		WebsiteDomains:         []string{},
		Posting:                PostingConfig{Posting: Posting{WindowDays: 91, MinPerWeek: 2.0}},
		InactiveDays:           90,
		Holidays:               DefaultHolidays(),
		SensitiveWords:         defaultSensitiveWords(),
		Closure:                defaultClosure(),
		Moderation:             defaultModeration(),
		Response:               defaultResponse(),
	}
}

// ConfigError is one unusable value in a rules config. Key is its YAML
// key path below rules ("posting.platforms.web.min-per-week",
// "website-domains[0]"), so a caller holding the file can add the line.
type ConfigError struct {
	Key     string
	Message string
}

// Error words the problem as "rules config: KEY: MESSAGE".
func (e ConfigError) Error() string { return "rules config: " + e.Key + ": " + e.Message }

// Validate reports every unusable value in c, each a ConfigError naming
// its YAML key; errors.Join holds them.
func (c Config) Validate() error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, ConfigError{Key: key, Message: fmt.Sprintf(format, args...)})
	}
	if len(c.AffiliationPhrases) == 0 {
		bad("affiliation-phrases", "must name at least one phrase")
	}
	checkWords := func(key string, words []string) {
		for i, w := range words {
			if foldPhrase(w) == "" {
				bad(fmt.Sprintf("%s[%d]", key, i), "must not be blank")
			}
		}
	}
	checkWords("affiliation-phrases", c.AffiliationPhrases)
	checkWords("participation-phrases", c.ParticipationPhrases)
	checkWords("participation-link-words", c.ParticipationLinkWords)
	checkWords("contact-link-words", c.ContactLinkWords)
	if len(c.ParticipationPhrases)+len(c.ParticipationLinkWords) == 0 {
		bad("participation-phrases", "participation-phrases and participation-link-words must not both be empty")
	}
	for _, name := range sortedKeys(c.AdministrationAliases) {
		key := "administration-aliases." + name
		if foldPhrase(name) == "" {
			bad(key, "administration name must not be blank")
		}
		checkWords(key, c.AdministrationAliases[name])
	}
	for i, d := range c.WebsiteDomains {
		if bareDomain(d) == "" {
			bad(fmt.Sprintf("website-domains[%d]", i), "%q is not a domain name", d)
		}
	}
	if c.DescriptionMinChars < 0 {
		bad("description-min-chars", "%d must not be negative", c.DescriptionMinChars)
	}
	if c.InactiveDays < 1 {
		bad("inactive-days", "%d must be at least 1", c.InactiveDays)
	}
	checkWords("holidays.notice-phrases", c.Holidays.NoticePhrases)
	checkWords("sensitive-words", c.SensitiveWords)
	if len(c.Holidays.Periods) > 0 && len(c.Holidays.NoticePhrases) == 0 {
		bad("holidays.notice-phrases", "must name at least one phrase when holiday periods are set")
	}
	for _, l := range []struct {
		key   string
		words []string
	}{
		{"closure.closing-phrases", c.Closure.ClosingPhrases}, {"closure.reason-phrases", c.Closure.ReasonPhrases},
		{"moderation.purpose-phrases", c.Moderation.PurposePhrases}, {"moderation.removal-phrases", c.Moderation.RemovalPhrases},
		{"moderation.report-phrases", c.Moderation.ReportPhrases},
	} {
		checkWords(l.key, l.words)
		if len(l.words) == 0 {
			bad(l.key, "must name at least one phrase")
		}
	}
	if c.Holidays.NoticeDaysBefore < 0 {
		bad("holidays.notice-days-before", "%d must not be negative", c.Holidays.NoticeDaysBefore)
	}
	for i, p := range c.Holidays.Periods {
		key := fmt.Sprintf("holidays.periods[%d]", i)
		if strings.TrimSpace(p.Name) == "" || strings.TrimSpace(p.NameEN) == "" {
			bad(key, "needs a name and a name-en")
		}
		for _, end := range []struct{ key, v string }{{"from", p.From}, {"to", p.To}} {
			if _, ok := dayOf(end.v, 2026); !ok {
				bad(key+"."+end.key, "%q is neither MM-DD nor a Swedish holiday (%s)", end.v, strings.Join(HolidayNames(), ", "))
			}
		}
	}
	c.Response.problems(bad)
	if c.Posting.WindowDays < 1 {
		bad("posting.window-days", "%d must be at least 1", c.Posting.WindowDays)
	}
	if !(c.Posting.MinPerWeek > 0) || math.IsInf(c.Posting.MinPerWeek, 0) {
		bad("posting.min-per-week", "%v must be a number above 0", c.Posting.MinPerWeek)
	}
	first := map[string]string{} // platform -> the first name given for it
	for _, name := range sortedKeys(c.Posting.Platforms) {
		o := c.Posting.Platforms[name]
		key := "posting.platforms." + name
		canon := strings.ToLower(strings.TrimSpace(name))
		switch {
		case canon == "":
			bad(key, "platform name must not be blank")
		case !knownPostingPlatform(canon):
			bad(key, "%q is not a platform smaudit reads posts from; use one of %s", name, postingPlatformList())
		case first[canon] != "":
			bad(key, "names the same platform as %q; give each platform once", first[canon])
		default:
			first[canon] = name
		}
		if o.WindowDays < 0 {
			bad(key+".window-days", "%d must not be negative (0 inherits the default)", o.WindowDays)
		}
		if o.MinPerWeek < 0 || math.IsNaN(o.MinPerWeek) || math.IsInf(o.MinPerWeek, 0) {
			bad(key+".min-per-week", "%v must be a number, 0 or above (0 inherits the default)", o.MinPerWeek)
		}
	}
	return errors.Join(errs...)
}

// sortedKeys returns m's keys in order, so messages and texts are stable.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// knownPostingPlatform reports whether name, lower-cased, is one of
// PostingPlatforms.
func knownPostingPlatform(name string) bool {
	for _, p := range PostingPlatforms {
		if string(p) == name {
			return true
		}
	}
	return false
}

// postingPlatformList words PostingPlatforms for a message.
func postingPlatformList() string {
	names := make([]string, len(PostingPlatforms))
	for i, p := range PostingPlatforms {
		names[i] = string(p)
	}
	return strings.Join(names, ", ")
}
