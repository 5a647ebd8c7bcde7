package demo

import (
	"bytes"
	"io/fs"
	"testing"
)

// TestData checks that the embedded data is the demo's: a registry with a
// header and accounts, and a routes.json for every recorded host.
func TestData(t *testing.T) {
	reg, err := Registry()
	if err != nil {
		t.Fatal(err)
	}
	if lines := bytes.Count(reg, []byte("\n")); lines < 5 {
		t.Errorf("registry.csv has %d lines, want a header and several accounts", lines)
	}
	hosts, err := Hosts()
	if err != nil {
		t.Fatal(err)
	}
	entries, err := fs.ReadDir(hosts, ".")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 5 {
		t.Fatalf("%d hosts recorded, want the demo's platforms and city site", len(entries))
	}
	for _, e := range entries {
		if !e.IsDir() {
			t.Errorf("hosts/%s is not a host folder", e.Name())
			continue
		}
		if _, err := fs.Stat(hosts, e.Name()+"/routes.json"); err != nil {
			t.Errorf("host %s: %v", e.Name(), err)
		}
	}
}
