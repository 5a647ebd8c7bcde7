package reports

import "github.com/stockholm-stad/smaudit/rules"

// pdfLabels holds the few fixed words only the PDF writers use; the rest
// come from labels through L.
var pdfLabels = map[string]rules.Text{
	"page":  {SV: "Sida %d av %s", EN: "Page %d of %s"},
	"total": {SV: "Totalt", EN: "Total"},
	"unjudged.error": {SV: "Kontot kunde inte läsas, så dessa punkter kunde inte kontrolleras:",
		EN: "The account could not be read, so these points could not be checked:"},
	"unjudged.manual": {SV: "Plattformen kontrolleras inte automatiskt. Kontrollera dessa punkter på plattformen:",
		EN: "The platform is not checked automatically. Check these points on the platform:"},
	"checklist.explain": {SV: "Punkterna nedan kunde inte kontrolleras automatiskt. Öppna kontot på plattformen, besvara varje fråga och kryssa i Ja eller Nej.",
		EN: "The points below could not be checked automatically. Open the account on the platform, answer each question and tick Yes or No."},
	"checklist.comment":   {SV: "Kommentar:", EN: "Comment:"},
	"checklist.continued": {SV: "(fortsättning)", EN: "(continued)"},
}

// pdfL returns a PDF-only word in lang, falling back to the shared labels.
func pdfL(lang, key string) string {
	if t, ok := pdfLabels[key]; ok {
		return t.In(lang)
	}
	return L(lang, key)
}

// pdfQuote puts policy text in the quotation marks of lang.
func pdfQuote(lang, s string) string {
	if lang == "en" {
		return "“" + s + "”"
	}
	return "”" + s + "”"
}
