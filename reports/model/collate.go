package model

import (
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Collation orders strings as a Swedish reader expects (CLDR's Swedish
// collation: å, ä, ö after z; æ with ä and ø with ö; é with e and ü with
// y; lower case before upper case only when nothing else differs). A
// collator is not safe for concurrent use, so make one Collation per
// sort; it computes each distinct string's sort key once and keeps it, so
// a sort of thousands of accounts does not rebuild keys per comparison.
type Collation struct {
	c    *collate.Collator
	buf  collate.Buffer
	keys map[string]string
}

// NewCollation returns a Swedish collation for one sort.
func NewCollation() *Collation {
	return &Collation{c: collate.New(language.Swedish), keys: map[string]string{}}
}

// Key is s's Swedish sort key: keys compare byte-wise in Swedish order.
func (c *Collation) Key(s string) string {
	if k, ok := c.keys[s]; ok {
		return k
	}
	k := string(c.c.KeyFromString(&c.buf, s))
	c.buf.Reset()
	c.keys[s] = k
	return k
}

// Compare orders a and b in Swedish order (-1, 0 or +1). Strings that
// differ only in what the collation ignores compare equal, so callers
// break such ties byte-wise to stay deterministic.
func (c *Collation) Compare(a, b string) int { return strings.Compare(c.Key(a), c.Key(b)) }

// CompareRows orders two rows of fields, such as an account's
// administration and name: the first field that differs in Swedish order
// decides, and rows alike in Swedish order go byte-wise, field by field,
// so a sort gives one order whatever order it started from.
func (c *Collation) CompareRows(a, b []string) int {
	for i := range a {
		if r := c.Compare(a[i], b[i]); r != 0 {
			return r
		}
	}
	for i := range a {
		if r := strings.Compare(a[i], b[i]); r != 0 {
			return r
		}
	}
	return 0
}
