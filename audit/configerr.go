package audit

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/stockholm-stad/smaudit/rules"
)

// configDoc is a config file as YAML nodes, to say where in the file a
// problem is and which key it concerns. The yaml package's own messages
// name Go types ("cannot unmarshal !!str `abc` into time.Duration"),
// which mean nothing to the person editing smaudit.yaml.
type configDoc struct {
	path string
	root *yaml.Node // the top mapping; nil when the file is empty
}

// newConfigDoc parses data as YAML nodes; a syntax error is returned in
// the file's words.
func newConfigDoc(path string, data []byte) (*configDoc, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, errors.New(syntaxWords(path, err))
	}
	d := &configDoc{path: path}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		d.root = doc.Content[0]
	}
	return d, nil
}

// configWhere is the start of every config message: "config FILE, line
// N: ", or without the line when it is not known.
func configWhere(path string, line int) string {
	if line > 0 {
		return fmt.Sprintf("config %s, line %d: ", path, line)
	}
	return fmt.Sprintf("config %s: ", path)
}

// syntaxWords words a YAML syntax error as "config FILE, line N: what".
func syntaxWords(path string, err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return configWhere(path, line) + m[2]
	}
	return configWhere(path, 0) + msg
}

// yamlLine and the others match one line of a yaml.TypeError.
var (
	yamlLine = regexp.MustCompile(`(?s)^line (\d+): (.*)$`)
	// The tag is !!str, !!int … for plain YAML, or any !tag a file names.
	yamlMismatch = regexp.MustCompile("(?s)^cannot unmarshal !!?(\\S*?)(?: `(.*)`)? into ")
	yamlUnknown  = regexp.MustCompile(`(?s)^field (.*) not found in type `)
	yamlTwice    = regexp.MustCompile(`^mapping key "(.*)" already defined at line (\d+)$`)
)

// decodeError words an error of decoding the config into config: each
// problem with its line, the key it concerns and, for a value of the
// wrong kind, the kind of value the key takes.
func (d *configDoc) decodeError(err error) error {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return errors.New(syntaxWords(d.path, err))
	}
	var errs []error
	for _, msg := range te.Errors {
		errs = append(errs, errors.New(d.typeProblem(msg)))
	}
	return errors.Join(errs...)
}

// typeProblem words one line of a yaml.TypeError.
func (d *configDoc) typeProblem(msg string) string {
	m := yamlLine.FindStringSubmatch(msg)
	if m == nil {
		return configWhere(d.path, 0) + msg
	}
	line, _ := strconv.Atoi(m[1])
	where, rest := configWhere(d.path, line), m[2]
	if mm := yamlMismatch.FindStringSubmatch(rest); mm != nil {
		p, node := d.valueAt(line, mm[1], mm[2])
		if node == nil || len(p) == 0 {
			// The whole document, or a value the walk cannot place.
			return where + "a value of the wrong kind; the config is a list of keys such as concurrency: 8 (see README)"
		}
		return fmt.Sprintf("%s%s must be %s, not %s", where, p, kindWords(configType(p)), valueWords(node))
	}
	if mm := yamlUnknown.FindStringSubmatch(rest); mm != nil {
		p := d.keyAt(line, mm[1])
		parent := p[:len(p)-1]
		known := knownKeys(configType(parent))
		in := "at the top level"
		if len(parent) > 0 {
			in = "under " + parent.String()
		}
		s := fmt.Sprintf("%sunknown key %q %s", where, mm[1], in)
		if len(known) > 0 {
			s += "; the keys there are " + strings.Join(known, ", ")
		}
		return s
	}
	if mm := yamlTwice.FindStringSubmatch(rest); mm != nil {
		return fmt.Sprintf("%s%s is given twice (first on line %s)", where, d.keyAt(line, mm[1]), mm[2])
	}
	if decoderWords.MatchString(rest) {
		// A decoder message of a shape not worded above: it would speak
		// of Go types, which nobody editing the file can act on.
		return where + "a key or value the config does not take (see the configuration reference in README)"
	}
	return where + rest
}

// decoderWords matches what only a decoder says: Go type names and YAML
// tags.
var decoderWords = regexp.MustCompile(`\binto \S|in type \S|!!\w|\baudit\.`)

// validationError adds the line to each of the rules' validation errors,
// which name their key below rules.
func (d *configDoc) validationError(err error) error {
	var list []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	} else {
		list = []error{err}
	}
	out := make([]error, 0, len(list))
	for _, e := range list {
		var ce rules.ConfigError
		if !errors.As(e, &ce) {
			out = append(out, fmt.Errorf("%srules: %w", configWhere(d.path, 0), e))
			continue
		}
		key := "rules." + ce.Key
		out = append(out, fmt.Errorf("%s%s: %s", configWhere(d.path, d.lineOf(key)), key, ce.Message))
	}
	return errors.Join(out...)
}

// configPath is a key path in the config file: "crawl", "request-timeout";
// a list item's index is its own part, "[2]".
type configPath []string

// String writes the path as README does: crawl.request-timeout,
// administrations[2].
func (p configPath) String() string {
	var b strings.Builder
	for i, part := range p {
		if i > 0 && !strings.HasPrefix(part, "[") {
			b.WriteByte('.')
		}
		b.WriteString(part)
	}
	return b.String()
}

// walk calls fn for every value in the document with its path, the key
// node (nil for a list item) and the value node, depth first.
func (d *configDoc) walk(fn func(p configPath, key, value *yaml.Node) bool) {
	var visit func(p configPath, n *yaml.Node) bool
	visit = func(p configPath, n *yaml.Node) bool {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				q := append(append(configPath{}, p...), k.Value)
				if !fn(q, k, v) || !visit(q, v) {
					return false
				}
			}
		case yaml.SequenceNode:
			for i, v := range n.Content {
				q := append(append(configPath{}, p...), fmt.Sprintf("[%d]", i))
				if !fn(q, nil, v) || !visit(q, v) {
					return false
				}
			}
		}
		return true
	}
	if d.root != nil {
		visit(nil, d.root)
	}
}

// valueAt finds the value on line that the yaml package complained about:
// one of YAML kind tag ("str", "seq", "map") whose text matches shown
// (which it shortens with "..."), else the first on the line.
func (d *configDoc) valueAt(line int, tag, shown string) (configPath, *yaml.Node) {
	var firstPath, matchPath configPath
	var first, match *yaml.Node
	prefix := strings.TrimSuffix(shown, "...")
	d.walk(func(p configPath, _, v *yaml.Node) bool {
		if v.Line != line {
			return true
		}
		if first == nil {
			firstPath, first = p, v
		}
		var ok bool
		switch tag {
		case "seq":
			ok = v.Kind == yaml.SequenceNode
		case "map":
			ok = v.Kind == yaml.MappingNode
		default:
			ok = v.Kind == yaml.ScalarNode && strings.HasPrefix(v.Value, prefix)
		}
		if ok {
			matchPath, match = p, v
			return false
		}
		return true
	})
	if match != nil {
		return matchPath, match
	}
	return firstPath, first
}

// keyAt finds the key named name on line and returns its path.
func (d *configDoc) keyAt(line int, name string) configPath {
	found := configPath{name}
	d.walk(func(p configPath, k, _ *yaml.Node) bool {
		if k != nil && k.Line == line && k.Value == name {
			found = p
			return false
		}
		return true
	})
	return found
}

// lineOf is the line of the key or item at the dotted path key, or of
// the deepest part of it the file has; 0 when none.
func (d *configDoc) lineOf(key string) int {
	best, bestLen := 0, 0
	d.walk(func(p configPath, k, v *yaml.Node) bool {
		s := p.String()
		if (s == key || strings.HasPrefix(key, s+".") || strings.HasPrefix(key, s+"[")) && len(s) > bestLen {
			best, bestLen = v.Line, len(s)
			if k != nil {
				best = k.Line
			}
		}
		return true
	})
	return best
}

// configType is the Go type the config file's value at p decodes into;
// nil when p is not a key smaudit has.
func configType(p configPath) reflect.Type {
	t := reflect.TypeOf(Config{})
	for _, part := range p {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch {
		case strings.HasPrefix(part, "[") && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array):
			t = t.Elem()
		case t.Kind() == reflect.Map:
			t = t.Elem()
		case t.Kind() == reflect.Struct:
			f, ok := yamlField(t, part)
			if !ok {
				return nil
			}
			t = f
		default:
			return nil
		}
	}
	return t
}

// yamlField finds the field a YAML key names in struct t, looking into
// inlined structs as the yaml package does.
func yamlField(t reflect.Type, key string) (reflect.Type, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if strings.Contains(opts, "inline") {
			if ft, ok := yamlField(f.Type, key); ok {
				return ft, true
			}
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		if name == key {
			return f.Type, true
		}
	}
	return nil, false
}

// knownKeys lists the YAML keys of struct t, inlined ones included,
// sorted; nil when t is not a struct.
func knownKeys(t reflect.Type) []string {
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	var keys []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		switch {
		case name == "-" || !f.IsExported():
		case strings.Contains(opts, "inline"):
			keys = append(keys, knownKeys(f.Type)...)
		case name == "":
			keys = append(keys, strings.ToLower(f.Name))
		default:
			keys = append(keys, name)
		}
	}
	sort.Strings(keys)
	return keys
}

// kindWords says in plain words what kind of value a key of Go type t
// takes.
func kindWords(t reflect.Type) string {
	if t == nil {
		return "a different kind of value"
	}
	if t == reflect.TypeOf(time.Duration(0)) {
		return "a duration like 20s, 500ms or 2m"
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number like 2 or 0.5"
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "a text"
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.String {
			return "a list of texts, like [a, b]"
		}
		return "a list"
	case reflect.Map:
		return "names, each followed by a colon and its value"
	case reflect.Struct:
		return "a group of settings, one \"key: value\" a line below it"
	}
	return "a different kind of value"
}

// valueWords says what the file gave instead.
func valueWords(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a group of settings"
	case yaml.AliasNode:
		return "an alias"
	}
	if n.Tag == "!!null" {
		return "empty"
	}
	return strconv.Quote(n.Value)
}
