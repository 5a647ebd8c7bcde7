package audit

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// goTypeName matches what a Go or YAML decoder says about types, which a
// communicator reading a config error cannot act on.
var goTypeName = regexp.MustCompile(`time\.Duration|float64|\bint\b|\[\]string|map\[|!!(str|int|float|bool|map|seq)|\baudit\.Config|\baudit\.PlatformsConfig|crawl\.Config|rules\.Config`)

// FuzzParseConfig feeds the config reader any YAML: it must never panic,
// and every error names the file and never a Go type.
func FuzzParseConfig(f *testing.F) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		f.Fatal(err)
	}
	if m := regexp.MustCompile("(?s)```yaml\n(concurrency:.*?)```").FindSubmatch(readme); m != nil {
		f.Add(string(m[1]))
	}
	for _, s := range []string{
		"concurrency: abc\n",
		"crawl:\n  request-timeout: 20\n",
		"rules:\n  posting:\n    platforms:\n      mastodn: {window-days: 10}\n",
		"rules:\n  posting:\n    platforms:\n      mastodon: {}\n      Mastodon: {}\n",
		"crawl: [1, 2]\n",
		"concurrency: 0\n",
		"rules: {description-min-chars: -1, inactive-days: 1.5}\n",
		"- a\n- b\n",
		"? [a]\n: b\n",
		"&a [*a]\n",
		"crawl:\n  proxy: 'http://[::1'\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, yml string) {
		_, err := parseConfig("fuzz.yaml", []byte(yml))
		if err == nil {
			return
		}
		msg := err.Error()
		if !strings.Contains(msg, "fuzz.yaml") {
			t.Errorf("error does not name the file: %s", msg)
		}
		if m := goTypeName.FindString(msg); m != "" {
			t.Errorf("error speaks of the Go type %q: %s", m, msg)
		}
	})
}
