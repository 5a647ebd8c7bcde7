package pdf

import (
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// pdfLabels holds the few fixed words only the PDF writers use; the rest
// come from labels through L.
var pdfLabels = map[string]rules.Text{
	"page": {SV: "Sida %d av %s", EN: "Page %d of %s"},
	"meta.subject": {SV: "Granskning av Stockholms stads konton i sociala medier mot " + model.PolicyTitle + " (" + model.PolicyDiary + "), granskningsdatum",
		EN: "Audit of the City of Stockholm's social media accounts against its social media policy, " + model.PolicyTitle + " (" + model.PolicyDiary + "), audit date"},
	"unjudged.points": {SV: "Kontrollpunkter", EN: "Checkpoints"},
	"checklist.explain": {SV: "Punkterna nedan kunde inte kontrolleras automatiskt. Öppna kontot på plattformen, besvara varje fråga och kryssa i Ja eller Nej.",
		EN: "The points below could not be checked automatically. Open the account on the platform, answer each question and tick Yes or No."},
	"passed.line":    {SV: "%d av %d kontrollpunkter uppfyllda", EN: "%d of %d checkpoints met"},
	"passed.lineOne": {SV: "%d av %d kontrollpunkt uppfylld", EN: "%d of %d checkpoint met"},
	"section.passed": {SV: "Bilaga: Uppfyllda kontrollpunkter", EN: "Appendix: Checkpoints met"},
	"passed.explain": {SV: "Kontrollpunkter som kontona uppfyller, konto för konto, med bedömning och underlag; därefter policyns text för varje punkt.",
		EN: "Checkpoints the accounts meet, account by account, with assessment and evidence; then the policy's text for each point."},
	"passed.policy":  {SV: "Policyns text", EN: "The policy's text"},
	"col.checkpoint": {SV: "Kontrollpunkt", EN: "Checkpoint"},

	"checklist.comment":   {SV: "Kommentar:", EN: "Comment:"},
	"checklist.continued": {SV: "(fortsättning)", EN: "(continued)"},

	// trend
	"trend.part": {SV: "diagram %d av %d, lägst andel först", EN: "chart %d of %d, lowest compliance first"},

	// waivers and answers
	"col.failingSince": {SV: "Underkänd sedan", EN: "Failing since"},
}

// pdfL returns a PDF-only word in lang, falling back to the shared labels.
func pdfL(lang, key string) string {
	if t, ok := pdfLabels[key]; ok {
		return t.In(lang)
	}
	return model.L(lang, key)
}

// pdfQuote puts policy text in the quotation marks of lang.
func pdfQuote(lang, s string) string {
	if lang == "en" {
		return "“" + s + "”"
	}
	return "”" + s + "”"
}
