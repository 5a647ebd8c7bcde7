package waivers

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// Load reads the waivers file at path; errors name the path as given.
func Load(path string) ([]Waiver, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("waivers: %w", err)
	}
	defer f.Close()
	return Parse(path, f)
}

// Parse reads a waivers file: a YAML list of waivers, each with the keys
// account, rule, reason, approved-by and expires. name is the file's name
// for messages. An empty file holds no waivers. Every problem is reported,
// joined, each as an *Error naming the file and line.
func Parse(name string, r io.Reader) ([]Waiver, error) {
	dec := yaml.NewDecoder(r)
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, syntaxError(name, err)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		return nil, &Error{File: name, Line: firstLine(&extra), Msg: "a waivers file holds one list; remove the second document that starts here"}
	case !errors.Is(err, io.EOF):
		return nil, syntaxError(name, err)
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	root := resolve(doc.Content[0])
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, nil
	}
	if root.Kind != yaml.SequenceNode {
		return nil, &Error{File: name, Line: root.Line, Msg: fmt.Sprintf(`want a list of waivers, each starting with "- %s:", not %s`, keyAccount, describe(root))}
	}
	var (
		ws   []Waiver
		errs []error
	)
	for _, item := range root.Content {
		w, itemErrs := parseWaiver(name, item)
		errs = append(errs, itemErrs...)
		if len(itemErrs) == 0 {
			ws = append(ws, w)
		}
	}
	errs = append(errs, duplicates(ws)...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return ws, nil
}

// parseWaiver reads one list item; it returns every problem found in it.
func parseWaiver(name string, item *yaml.Node) (Waiver, []error) {
	item = resolve(item)
	w := Waiver{File: name, Line: item.Line}
	var errs []error
	bad := func(line int, format string, args ...any) {
		errs = append(errs, &Error{File: name, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	if item.Kind != yaml.MappingNode {
		bad(item.Line, "a waiver must be keys and values (%s), not %s", strings.Join(keys, ", "), describe(item))
		return w, errs
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(item.Content); i += 2 {
		k, v := resolve(item.Content[i]), resolve(item.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			bad(k.Line, "a key must be a word, not %s", describe(k))
			continue
		}
		key := k.Value
		if !isKey(key) {
			bad(k.Line, "unknown key %q; a waiver has the keys %s", excerpt(key), strings.Join(keys, ", "))
			continue
		}
		if first, ok := seen[key]; ok {
			bad(k.Line, "%q is given twice (first on line %d)", key, first)
			continue
		}
		seen[key] = k.Line
		if v.Kind != yaml.ScalarNode {
			bad(v.Line, "%q must be text, not %s", key, describe(v))
			continue
		}
		val := strings.TrimSpace(v.Value)
		if v.Tag == "!!null" {
			val = ""
		}
		if val == "" {
			bad(k.Line, "%q is empty", key)
			continue
		}
		switch key {
		case keyAccount:
			w.Account, w.AccountLine = val, k.Line
		case keyRule:
			w.Rule, w.RuleLine = val, k.Line
		case keyReason:
			w.Reason = val
		case keyApprovedBy:
			w.ApprovedBy = val
		case keyExpires:
			t, err := time.ParseInLocation(dateLayout, val, rules.Stockholm)
			if err != nil {
				errs = append(errs, &Error{File: name, Line: v.Line, Msg: fmt.Sprintf("%q must be a date YYYY-MM-DD, not %q", key, excerpt(val)), Err: err})
				continue
			}
			w.Expires = t
		}
	}
	for _, key := range keys {
		if _, ok := seen[key]; !ok {
			bad(item.Line, "waiver is missing %q", key)
		}
	}
	return w, errs
}

// duplicates reports every waiver that names the same account and rule as
// an earlier one: two waivers could disagree on reason and expiry.
func duplicates(ws []Waiver) []error {
	type target struct{ account, rule string }
	first := map[target]Waiver{}
	var errs []error
	for _, w := range ws {
		t := target{accountKey(w.Account), w.Rule}
		if prev, ok := first[t]; ok {
			errs = append(errs, &Error{File: w.File, Line: w.Line, Msg: fmt.Sprintf("waiver for account %q and rule %q repeats the waiver on line %d", w.Account, w.Rule, prev.Line)})
			continue
		}
		first[t] = w
	}
	return errs
}

// accountKey is the registry's account identity of a waiver's link, so a
// link spelt with or without "www." or a trailing slash still matches.
func accountKey(link string) string {
	return scanner.Account{URL: link}.Key()
}

// isKey reports whether key is one a waiver has.
func isKey(key string) bool {
	for _, k := range keys {
		if k == key {
			return true
		}
	}
	return false
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// describe names what a node is, for messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "keys and values"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("the text %q", excerpt(n.Value))
	default:
		return "an alias"
	}
}

// excerptRunes is how much of a value a message quotes.
const excerptRunes = 60

// excerpt shortens s for a message, so a pasted paragraph in the wrong
// place does not drown the line number.
func excerpt(s string) string {
	r := []rune(s)
	if len(r) <= excerptRunes {
		return s
	}
	return string(r[:excerptRunes]) + "…"
}

// firstLine is the line a decoded document starts on.
func firstLine(doc *yaml.Node) int {
	if len(doc.Content) > 0 {
		return doc.Content[0].Line
	}
	return doc.Line
}

// yamlLine matches yaml.v3's syntax errors, which name the line.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError turns a YAML syntax error into one that names the file and
// line the way every other waivers error does.
func syntaxError(name string, err error) error {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		if line, convErr := strconv.Atoi(m[1]); convErr == nil {
			return &Error{File: name, Line: line, Msg: "not valid YAML: " + m[2], Err: err}
		}
	}
	return fmt.Errorf("%s: not valid YAML: %w", name, err)
}
