package reports

import "strings"

// unregistered explains the accounts discovery found outside the registry
// and lists them with the pages that link to them.
func (d *pdfDoc) unregistered(list []Unregistered) {
	lang := d.lang
	d.para(L(lang, "unregistered.explain"), "", pdfBodySize, pdfInk)
	if len(list) == 0 {
		d.f.Ln(2)
		d.para(L(lang, "unregistered.none"), "", pdfBodySize, pdfInk)
		return
	}
	d.para(L(lang, "unregistered.check"), "", 8, pdfMuted)
	d.f.Ln(2)
	rows := make([]pdfRow, 0, len(list))
	for _, u := range list {
		rows = append(rows, pdfRow{{text: PlatformName(u.Platform), bold: true}, {text: u.URL}, {text: strings.Join(u.FoundOn, " ")}})
	}
	d.table([]pdfCol{
		{L(lang, "col.platform"), 12, "L"},
		{L(lang, "col.account"), 46, "L"},
		{L(lang, "col.foundOn"), 42, "L"},
	}, rows)
}
