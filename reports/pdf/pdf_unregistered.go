package pdf

import (
	"strings"

	"github.com/stockholm-stad/smaudit/reports/model"
)

// unregistered explains the accounts discovery found outside the registry
// and lists them with the pages that link to them.
func (d *pdfDoc) unregistered(list []model.Unregistered) {
	lang := d.lang
	d.para(model.L(lang, "unregistered.explain"), "", pdfBodySize, pdfInk)
	if len(list) == 0 {
		d.f.Ln(2)
		d.para(model.L(lang, "unregistered.none"), "", pdfBodySize, pdfInk)
		return
	}
	d.para(model.L(lang, "unregistered.check"), "", 8, pdfMuted)
	d.f.Ln(2)
	rows := make([]pdfRow, 0, len(list))
	for _, u := range list {
		rows = append(rows, pdfRow{{text: model.PlatformName(u.Platform), bold: true}, {text: u.URL}, {text: strings.Join(u.FoundOn, " ")}})
	}
	d.table([]pdfCol{
		{model.L(lang, "col.platform"), 12, "L"},
		{model.L(lang, "col.account"), 46, "L"},
		{model.L(lang, "col.foundOn"), 42, "L"},
	}, rows)
}
