package reports

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Written lists the files WriteAll wrote, relative to its directory.
type Written struct {
	Results  string
	Overview []string
	// PerAdministration maps an administration's name to its files.
	PerAdministration map[string][]string
	// Removed lists the earlier run's files this run removed (see
	// ManifestName).
	Removed []string
}

// WriteAll writes results.json, the overview workbook and PDF, and one
// workbook and PDF per administration into dir, each file atomically.
// The folder's manifest (ManifestName) then lists them, and the files of
// the run before that were not written again are removed. When writing
// stops half-way, nothing is removed and the manifest keeps both runs'
// files, for the next run to clean up.
func WriteAll(dir string, r *Report) (Written, error) {
	w := Written{Results: "results.json", PerAdministration: map[string][]string{}}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return w, fmt.Errorf("create output folder: %w", err)
	}
	earlier := readManifest(dir)
	sums := map[string]string{}
	err := writeReports(dir, r, &w, sums)
	if err != nil {
		for name, sum := range earlier {
			if _, ok := sums[name]; !ok {
				sums[name] = sum
			}
		}
		writeManifest(dir, sums)
		return w, err
	}
	if err := writeManifest(dir, sums); err != nil {
		return w, err
	}
	w.Removed = removeStale(dir, earlier, sums)
	return w, nil
}

// writeReports writes every file of WriteAll, recording each name in w
// and its SHA-256 in sums as soon as it is in place.
func writeReports(dir string, r *Report, w *Written, sums map[string]string) error {
	write := func(name string, render func(io.Writer) error) error {
		var sum string
		if err := writeFile(dir, name, hashing(render, &sum)); err != nil {
			return err
		}
		sums[name] = sum
		return nil
	}
	if err := write(w.Results, func(out io.Writer) error { return WriteJSON(out, r) }); err != nil {
		return err
	}
	files := []struct {
		name  string
		write func(io.Writer) error
	}{
		{OverviewSlug + ".xlsx", func(out io.Writer) error { return WriteOverviewXLSX(out, r) }},
		{OverviewSlug + ".pdf", func(out io.Writer) error { return WriteOverviewPDF(out, r) }},
	}
	for _, f := range files {
		if err := write(f.name, f.write); err != nil {
			return err
		}
		w.Overview = append(w.Overview, f.name)
	}
	for _, a := range r.Administrations {
		a := a
		for _, f := range []struct {
			name  string
			write func(io.Writer) error
		}{
			{a.Slug + ".xlsx", func(out io.Writer) error { return WriteAdministrationXLSX(out, r, a) }},
			{a.Slug + ".pdf", func(out io.Writer) error { return WriteAdministrationPDF(out, r, a) }},
		} {
			if err := write(f.name, f.write); err != nil {
				return err
			}
			w.PerAdministration[a.Name] = append(w.PerAdministration[a.Name], f.name)
		}
	}
	return nil
}

// WriteOne writes one file into dir atomically, creating dir if needed,
// and returns its path.
func WriteOne(dir, name string, render func(io.Writer) error) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("create output folder: %w", err)
	}
	return filepath.Join(dir, name), writeFile(dir, name, render)
}

// writeFile renders into memory, then writes a temporary file beside the
// target and renames it, so a reader never sees half a report.
func writeFile(dir, name string, render func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	tmp, err := temps.create(dir, "."+name+".*.tmp") // tempfiles.go: a second Ctrl-C removes it
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	defer temps.remove(tmp.Name())
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dir, name)); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
