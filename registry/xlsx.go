package registry

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// registrySheet is the sheet a workbook keeps its accounts on; without
// one the first sheet is read.
const registrySheet = "Konton"

// maxXLSXBytes bounds the unzipped size of a workbook, against zip bombs.
const maxXLSXBytes = 256 << 20

// ParseXLSX reads an XLSX registry from r; name locates messages and
// becomes each account's Source. It reads the sheet named "Konton" (in any
// case), else the first sheet. Values are read as Excel displays them.
func ParseXLSX(name string, r io.Reader) (*Registry, error) {
	f, err := excelize.OpenReader(r, excelize.Options{UnzipSizeLimit: maxXLSXBytes})
	if err != nil {
		return nil, fmt.Errorf("%s: open workbook: %w", name, err)
	}
	defer f.Close()
	sheet, err := pickSheet(f.GetSheetList())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		return nil, fmt.Errorf("%s: sheet %q: %w", name, sheet, err)
	}
	// GetRows pads skipped rows, so index i is spreadsheet row i+1.
	records := make([]record, len(rows))
	for i, cells := range rows {
		records[i] = record{row: i + 1, cells: cells}
	}
	l, reg, rest, err := header(name, records)
	if err != nil {
		return nil, err
	}
	for i := range rest {
		for _, fl := range []field{fieldURL, fieldWebsite} {
			if err := resolveHyperlink(f, sheet, l.index[fl], &rest[i]); err != nil {
				return nil, fmt.Errorf("%s: sheet %q, row %d: %w", name, sheet, rest[i].row, err)
			}
		}
	}
	return finish(name, l, reg, rest)
}

// pickSheet returns the registry sheet of a workbook's sheet list.
func pickSheet(sheets []string) (string, error) {
	for _, s := range sheets {
		if strings.EqualFold(strings.TrimSpace(s), registrySheet) {
			return s, nil
		}
	}
	if len(sheets) == 0 {
		return "", fmt.Errorf("workbook has no sheets")
	}
	return sheets[0], nil
}

// resolveHyperlink replaces the link cell at index col of rec by its
// hyperlink target when the cell's text is not itself a link: an Excel
// cell often shows "Instagram" or nothing while the link sits behind it.
func resolveHyperlink(f *excelize.File, sheet string, col int, rec *record) error {
	if col < 0 {
		return nil
	}
	cell, err := excelize.CoordinatesToCellName(col+1, rec.row)
	if err != nil {
		return err
	}
	ok, target, err := f.GetCellHyperLink(sheet, cell)
	if err != nil || !ok {
		return err
	}
	target = strings.TrimSpace(target)
	text := ""
	if col < len(rec.cells) {
		text = strings.TrimSpace(rec.cells[col])
	}
	if target == "" || target == text || httpURLProblem(text) == "" || isHandle(text) {
		return nil
	}
	for len(rec.cells) <= col {
		// GetRows leaves out blank cells at the end of a row.
		rec.cells = append(rec.cells, "")
	}
	rec.cells[col] = target
	return nil
}

// isHandle reports whether s is a Mastodon handle such as @name@host.
func isHandle(s string) bool {
	_, _, ok := mastodonHandle(s)
	return ok
}
