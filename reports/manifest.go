package reports

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ManifestName is the file in an output folder that lists the reports
// smaudit wrote there, each with its SHA-256. A rerun removes the files
// of the previous run that it does not write again (an administration
// that left the registry, a renamed one), and only those: a file it did
// not write, or one a person changed since, is never touched.
const ManifestName = ".smaudit-manifest.json"

// manifest is ManifestName's content. The JSON has no date, so the
// reports of the same input stay byte-identical, manifest included.
type manifest struct {
	Note string `json:"note"`
	// Files maps each file's name in the folder to the hex SHA-256 of
	// what smaudit wrote.
	Files map[string]string `json:"files"`
}

const manifestNote = "Files smaudit wrote in this folder. The next run into it removes those it does not write again, " +
	"unless they were changed since; other files are never touched."

// readManifest returns the files an earlier run recorded in dir. A
// missing or unreadable manifest gives none: when in doubt, nothing is
// removed.
func readManifest(dir string) map[string]string {
	data, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return nil
	}
	var m manifest
	if json.Unmarshal(data, &m) != nil {
		return nil
	}
	return m.Files
}

// writeManifest records files in dir, atomically like every report.
func writeManifest(dir string, files map[string]string) error {
	return writeFile(dir, ManifestName, func(w io.Writer) error {
		data, err := json.MarshalIndent(manifest{Note: manifestNote, Files: files}, "", "  ")
		if err != nil {
			return err
		}
		_, err = w.Write(append(data, '\n'))
		return err
	})
}

// removeStale removes the files earlier lists that this run did not
// write again and that still hold exactly what smaudit wrote, and returns
// their names, sorted.
func removeStale(dir string, earlier, written map[string]string) []string {
	var removed []string
	for name, sum := range earlier {
		if _, again := written[name]; again || !ownName(name) {
			continue
		}
		p := filepath.Join(dir, name)
		if !unchanged(p, sum) {
			continue
		}
		if err := os.Remove(p); err == nil {
			removed = append(removed, name)
		}
	}
	sort.Strings(removed)
	return removed
}

// ownName reports whether name is one WriteAll could have written: a
// plain file name in the folder, never a path, a hidden file or another
// program's kind of file, whatever a manifest edited by hand says.
func ownName(name string) bool {
	if name == "" || name != filepath.Base(name) || strings.HasPrefix(name, ".") || strings.ContainsAny(name, `/\`) {
		return false
	}
	switch filepath.Ext(name) {
	case ".pdf", ".xlsx", ".html":
		return true
	}
	return name == "results.json"
}

// unchanged reports whether the regular file at p still hashes to sum.
func unchanged(p, sum string) bool {
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return false
	}
	got := sha256.Sum256(data)
	want, err := hex.DecodeString(sum)
	return err == nil && bytes.Equal(got[:], want)
}
