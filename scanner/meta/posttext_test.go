package meta

import (
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/stockholm-stad/smaudit/scanner"
)

// ignorePostText leaves a post's words out of whole-struct comparisons of
// fetched data; the text a post carries is checked on its own.
var ignorePostText = cmpopts.IgnoreFields(scanner.Post{}, "Text")
