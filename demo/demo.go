// Package demo ships the demo's data inside the binary: a sample registry
// and the platform answers recorded for it, which `smaudit demo` serves on
// loopback and the tests and benchmarks reuse. data/EXPECTED.md says what
// each account should get.
package demo

import (
	"embed"
	"io/fs"
)

// files holds data/: registry.csv and hosts/<host>/... recordings. The
// folder is not named testdata because it ships: the demo runs from the
// binary alone.
//
//go:embed data
var files embed.FS

// Registry returns the demo registry, registry.csv.
func Registry() ([]byte, error) {
	return files.ReadFile("data/registry.csv")
}

// Hosts returns the recorded answers, one folder per host name, in the
// layout fixtureserver.Start serves.
func Hosts() (fs.FS, error) {
	return fs.Sub(files, "data/hosts")
}
