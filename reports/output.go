package reports

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/stockholm-stad/smaudit/reports/html"
	"github.com/stockholm-stad/smaudit/reports/jsonout"
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/pdf"
	"github.com/stockholm-stad/smaudit/reports/xlsx"
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

// WriteAll writes results.json, the overview workbook, PDF and web page,
// and one workbook, PDF and web page per administration into dir, each
// file atomically.
// The folder's manifest (ManifestName) then lists them, and the files of
// the run before that were not written again are removed. When writing
// stops half-way, nothing is removed and the manifest keeps both runs'
// files, for the next run to clean up.
func WriteAll(dir string, r *model.Report) (Written, error) {
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
// and its SHA-256 in sums as soon as it is in place. The files are
// rendered ahead on every CPU (renderahead.go) but written in this order;
// results.json and the overview, which cover every account, are rendered
// one at a time.
func writeReports(dir string, r *model.Report, w *Written, sums map[string]string) error {
	files := []reportFile{
		{name: w.Results, alone: true, render: func(out io.Writer) error { return jsonout.Write(out, r) }},
		{name: model.OverviewSlug + ".xlsx", alone: true, render: func(out io.Writer) error { return xlsx.WriteOverviewXLSX(out, r) }},
		{name: model.OverviewSlug + ".pdf", alone: true, render: func(out io.Writer) error { return pdf.WriteOverviewPDF(out, r) }},
		{name: html.OverviewFile, alone: true, render: func(out io.Writer) error { return html.WriteOverview(out, r) }},
	}
	for _, a := range r.Administrations {
		files = append(files,
			reportFile{name: a.Slug + ".xlsx", admin: a.Name, render: func(out io.Writer) error { return xlsx.WriteAdministrationXLSX(out, r, a) }},
			reportFile{name: a.Slug + ".pdf", admin: a.Name, render: func(out io.Writer) error { return pdf.WriteAdministrationPDF(out, r, a) }},
			reportFile{name: html.AdministrationFile(a), admin: a.Name, render: func(out io.Writer) error { return html.WriteAdministration(out, r, a) }})
	}
	return renderInOrder(files, renderWorkers(), func(f reportFile, data []byte, sum string) error {
		if err := writeBytes(dir, f.name, data); err != nil {
			return err
		}
		sums[f.name] = sum
		switch {
		case f.admin != "":
			w.PerAdministration[f.admin] = append(w.PerAdministration[f.admin], f.name)
		case f.name != w.Results:
			w.Overview = append(w.Overview, f.name)
		}
		return nil
	})
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
	return writeBytes(dir, name, buf.Bytes())
}

// writeBytes writes data to a temporary file beside the target and
// renames it, so a reader never sees half a report; the file is synced
// before the rename and the folder after (fsync.go), so a power cut
// leaves the old report or the new one, never an empty file.
func writeBytes(dir, name string, data []byte) error {
	tmp, err := temps.create(dir, "."+name+".*.tmp") // tempfiles.go: a second Ctrl-C removes it
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	defer temps.remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := tmp.Sync(); err != nil {
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
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("%s: sync folder: %w", name, err)
	}
	return nil
}
