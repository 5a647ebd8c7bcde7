package model

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// Slug turns an administration's name into an ASCII file base name:
// "Östermalms stadsdelsförvaltning" becomes "ostermalms-stadsdelsforvaltning".
// A slug longer than SlugMaxBytes is cut and ends in a hash of the name.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if s, ok := fold[r]; ok {
			b.WriteString(s)
			dash = false
			continue
		}
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimRight(b.String(), "-")
	if s == "" {
		return "forvaltning"
	}
	if len(s) > SlugMaxBytes {
		// Cut, and tell long names that share a beginning apart by a
		// hash of the whole name: the same name gives the same file
		// every quarter.
		sum := sha256.Sum256([]byte(name))
		s = strings.TrimRight(s[:SlugMaxBytes-slugHashChars-1], "-") + "-" + hex.EncodeToString(sum[:])[:slugHashChars]
	}
	return s
}

// SlugMaxBytes caps a slug, so that a 300-character administration name
// still makes a file name every file system takes (most allow 255 bytes)
// that a person can read in a folder listing; slugHashChars of it are the
// hash that keeps cut names apart.
const (
	SlugMaxBytes  = 80
	slugHashChars = 8
)

// fold maps letters with diacritics to ASCII, as Swedish readers expect.
var fold = map[rune]string{
	'å': "a", 'ä': "a", 'ö': "o", 'é': "e", 'è': "e", 'ê': "e", 'ë': "e",
	'á': "a", 'à': "a", 'â': "a", 'ü': "u", 'ú': "u", 'ù': "u", 'û': "u",
	'ó': "o", 'ò': "o", 'ô': "o", 'ø': "o", 'æ': "ae", 'í': "i", 'ì': "i",
	'ï': "i", 'î': "i", 'ç': "c", 'ñ': "n", 'ß': "ss",
}

// uniqueSlug returns s, or s-2, s-3 ... when s is taken, and marks it taken.
func uniqueSlug(s string, used map[string]bool) string {
	out := s
	for i := 2; used[out]; i++ {
		out = s + "-" + strconv.Itoa(i)
	}
	used[out] = true
	return out
}
