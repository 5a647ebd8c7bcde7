package youtube

import (
	"bytes"
	"encoding/json"
	"errors"
	"sort"
)

// errNoInitialData says a page carries no ytInitialData object.
var errNoInitialData = errors.New("the page has no ytInitialData script")

// initialDataName is the variable YouTube's pages assign their state to:
// `var ytInitialData = {...};` or `window["ytInitialData"] = {...};`.
const initialDataName = "ytInitialData"

// extractInitialData returns the JSON object assigned to ytInitialData in
// script, the text of one <script> element. The object ends where the
// JSON value ends, whatever follows it (`;`, more statements).
func extractInitialData(script []byte) (json.RawMessage, error) {
	rest := script
	for {
		i := bytes.Index(rest, []byte(initialDataName))
		if i < 0 {
			return nil, errNoInitialData
		}
		rest = rest[i+len(initialDataName):]
		v := bytes.TrimLeft(rest, " \t\r\n\"']")
		if len(v) == 0 || v[0] != '=' {
			continue // a mention, not the assignment
		}
		v = bytes.TrimLeft(v[1:], " \t\r\n")
		if len(v) == 0 || v[0] != '{' {
			continue
		}
		var raw json.RawMessage
		if err := json.NewDecoder(bytes.NewReader(v)).Decode(&raw); err != nil {
			return nil, err
		}
		return raw, nil
	}
}

// walk calls visit for every key of every object in v, at any depth,
// depth first, with object keys in sorted order and arrays in their
// order, so that what is found comes out in the same order every time.
func walk(v any, visit func(key string, val any)) {
	switch t := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			visit(k, t[k])
			walk(t[k], visit)
		}
	case []any:
		for _, e := range t {
			walk(e, visit)
		}
	}
}

// findAll returns every value stored under key anywhere in v, in walk
// order.
func findAll(v any, key string) []any {
	var out []any
	walk(v, func(k string, val any) {
		if k == key {
			out = append(out, val)
		}
	})
	return out
}

// decodeInto converts a generic JSON value into the typed v; a value of
// the wrong shape leaves v as it was and reports false.
func decodeInto(val any, v any) bool {
	b, err := json.Marshal(val)
	if err != nil {
		return false
	}
	return json.Unmarshal(b, v) == nil
}
