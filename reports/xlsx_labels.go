package reports

import "github.com/stockholm-stad/smaudit/rules"

// xlsxLabels holds the fixed words only the workbooks use, Swedish first.
// Sheet names stay within Excel's 31 characters.
var xlsxLabels = map[string]rules.Text{
	"sheet.unregistered": {SV: "Saknas i förteckningen", EN: "Not in registry"},
	"sheet.summary":      {SV: "Sammanfattning", EN: "Summary"},
	"sheet.findings":     {SV: "Resultat", EN: "Findings"},
	"sheet.closure":      {SV: "Avslut", EN: "Closure"},
	"sheet.admins":       {SV: "Förvaltningar", EN: "Administrations"},
	"sheet.failing":      {SV: "Underkända", EN: "Failing"},
	"sheet.rules":        {SV: "Regler", EN: "Rules"},
	"sheet.checklist":    {SV: "Manuell kontroll", EN: "Manual checks"},
	"col.comment":        {SV: "Kommentar", EN: "Comment"},
	"col.answer":         {SV: "Svar", EN: "Answer"},
	"answer.pick":        {SV: "Välj %s, %s eller %s.", EN: "Choose %s, %s or %s."},

	"col.file":               {SV: "Fil", EN: "File"},
	"col.accountsFailing":    {SV: "Konton med underkända punkter", EN: "Accounts failing"},
	"col.accountsUnreadable": {SV: "Konton som inte kunde läsas", EN: "Accounts unreadable"},
	"row.total":              {SV: "Totalt", EN: "Total"},
}

// xl returns a workbook word in lang: from xlsxLabels, else from the
// shared labels via L.
func xl(lang, key string) string {
	if t, ok := xlsxLabels[key]; ok {
		return t.In(lang)
	}
	return L(lang, key)
}
