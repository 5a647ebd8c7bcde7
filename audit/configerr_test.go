package audit

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestConfigErrorsInPlainWords: every config problem names the file, the
// line and the key, and says in words what kind of value the key takes;
// no Go type name ("time.Duration", "rules.Posting", "!!str") reaches the
// person editing the file.
func TestConfigErrorsInPlainWords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		yaml string
		want []string // each must appear in the error
	}{
		{"duration", "concurrency: 4\ncrawl:\n  contact: x\n  request-timeout: abc\n",
			[]string{`config smaudit.yaml, line 4: crawl.request-timeout must be a duration like 20s`, `not "abc"`}},
		{"whole number", "crawl:\n  max-retries: drei\n",
			[]string{`line 2: crawl.max-retries must be a whole number, not "drei"`}},
		{"number in a flow mapping", "rules:\n  posting:\n    platforms:\n      web: {window-days: 182, min-per-week: ofta}\n",
			[]string{`line 4: rules.posting.platforms.web.min-per-week must be a number`, `not "ofta"`}},
		{"list for text", "crawl:\n  contact: [a, b]\n",
			[]string{`line 2: crawl.contact must be a text, not a list`}},
		{"text for a list", "administrations: Kulturförvaltningen\n",
			[]string{`line 1: administrations must be a list of texts`}},
		{"text for a group", "crawl: fast\n",
			[]string{`line 1: crawl must be a group of settings`, `not "fast"`}},
		{"bool", "crawl:\n  allow-private-networks: kanske\n",
			[]string{`line 2: crawl.allow-private-networks must be true or false, not "kanske"`}},
		{"unknown key", "rules:\n  posting:\n    window-dayz: 30\n",
			[]string{`line 3: unknown key "window-dayz" under rules.posting`, "min-per-week", "window-days"}},
		{"unknown top key", "concurency: 3\n",
			[]string{`line 1: unknown key "concurency" at the top level`, "concurrency"}},
		{"key twice", "concurrency: 3\nconcurrency: 4\n",
			[]string{`line 2: concurrency is given twice (first on line 1)`}},
		{"syntax", "crawl: {contact: x\n",
			[]string{`config smaudit.yaml, line 1:`}},
		{"concurrency zero", "crawl:\n  contact: x\nconcurrency: 0\n",
			[]string{`config smaudit.yaml, line 3: concurrency must be at least 1, not 0`}},
		{"misspelt platform", "rules:\n  posting:\n    platforms:\n      web: {min-per-week: 0.5}\n      mastodn: {min-per-week: 1}\n",
			[]string{`config smaudit.yaml, line 5: rules.posting.platforms.mastodn: "mastodn" is not a platform`, "mastodon"}},
		{"platform unknown to smaudit", "rules:\n  posting:\n    platforms:\n      tiktok: {min-per-week: 1}\n",
			[]string{`line 4: rules.posting.platforms.tiktok`}},
		{"same platform twice", "rules:\n  posting:\n    platforms:\n      mastodon: {min-per-week: 1}\n      Mastodon: {min-per-week: 5}\n",
			[]string{`line 4: rules.posting.platforms.mastodon: names the same platform as "Mastodon"`}},
		{"rule value", "rules:\n  description-min-chars: 40\n  inactive-days: 0\n",
			[]string{`line 3: rules.inactive-days: 0 must be at least 1`}},
		{"list item", "rules:\n  website-domains:\n    - stockholm.se\n    - inte en domän\n",
			[]string{`line 4: rules.website-domains[1]:`}},
		{"reply-by not a date", "report:\n  sender: Stadsledningskontoret\n  reply-by: 31/1 2027\n",
			[]string{`config smaudit.yaml, line 3: report.reply-by: "31/1 2027" is not a date like 2027-01-31`}},
		{"reply-by and days", "report:\n  reply-by: 2027-01-31\n  reply-within-days: 30\n",
			[]string{`line 3: report.reply-within-days: give reply-by or reply-within-days, not both`}},
		{"reply days negative", "report:\n  reply-within-days: -5\n",
			[]string{`line 2: report.reply-within-days: -5 must be at least 1`}},
		{"reply days not a number", "report:\n  reply-within-days: trettio\n",
			[]string{`line 2: report.reply-within-days must be a whole number, not "trettio"`}},
		{"contact e-mail", "report:\n  contact:\n    name: Anna\n    email: Anna <anna.example>\n",
			[]string{`line 4: report.contact.email: "Anna <anna.example>" is not an e-mail address`}},
		{"unknown report key", "report:\n  reply-within: 30\n",
			[]string{`line 2: unknown key "reply-within" under report`, "reply-within-days", "send-to"}},
	}
	goWords := regexp.MustCompile(`!!|time\.Duration|unmarshal| into |struct \{|\baudit\.|crawl\.Config|rules\.(Config|Posting)|\b(int|float64|bool|\[\]string)\b`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "smaudit.yaml")
			if err := os.WriteFile(p, []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := readConfig(p)
			if err == nil {
				t.Fatal("the config was accepted")
			}
			msg := strings.ReplaceAll(err.Error(), p, "smaudit.yaml")
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error lacks %q:\n%s", w, msg)
				}
			}
			if m := goWords.FindString(msg); m != "" {
				t.Errorf("error shows Go's words (%q):\n%s", m, msg)
			}
		})
	}
}
