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
}

// WriteAll writes results.json, the overview workbook and PDF, and one
// workbook and PDF per administration into dir, each file atomically.
func WriteAll(dir string, r *Report) (Written, error) {
	w := Written{Results: "results.json", PerAdministration: map[string][]string{}}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return w, fmt.Errorf("create output folder: %w", err)
	}
	if err := writeFile(dir, w.Results, func(out io.Writer) error { return WriteJSON(out, r) }); err != nil {
		return w, err
	}
	files := []struct {
		name  string
		write func(io.Writer) error
	}{
		{OverviewSlug + ".xlsx", func(out io.Writer) error { return WriteOverviewXLSX(out, r) }},
		{OverviewSlug + ".pdf", func(out io.Writer) error { return WriteOverviewPDF(out, r) }},
	}
	for _, f := range files {
		if err := writeFile(dir, f.name, f.write); err != nil {
			return w, err
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
			if err := writeFile(dir, f.name, f.write); err != nil {
				return w, err
			}
			w.PerAdministration[a.Name] = append(w.PerAdministration[a.Name], f.name)
		}
	}
	return w, nil
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
