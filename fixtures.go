// Package smaudit bundles the demo: a sample registry and recorded platform
// responses under testdata/demo, which `smaudit demo` serves on loopback.
// The tool itself lives in cmd/smaudit and the packages beside this file.
package smaudit

import "embed"

// Demo holds testdata/demo: registry.csv and hosts/<host>/... fixtures.
//
//go:embed testdata/demo
var Demo embed.FS
