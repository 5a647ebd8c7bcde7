package bluesky

import (
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/stockholm-stad/smaudit/scanner"
)

// ignorePostText leaves a post's words, and the address it was read from
// (Source), out of whole-struct comparisons of fetched data; the text a
// post carries is checked on its own, the address by audit's evidence
// test and, for Facebook, Instagram and YouTube, the newest post's test.
var ignorePostText = cmpopts.IgnoreFields(scanner.Post{}, "Text", "Source")
