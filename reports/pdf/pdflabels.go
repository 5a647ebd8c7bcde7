package pdf

import (
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// pdfLabels holds the few fixed words only the PDF writers use; the rest
// come from labels through L.
var pdfLabels = map[string]rules.Text{
	"page": {SV: "Sida %d av %s", EN: "Page %d of %s"},
	"meta.subject": {SV: "Granskning av Stockholms stads konton i sociala medier mot stadens riktlinjer, granskningsdatum",
		EN: "Audit of the City of Stockholm's social media accounts against the city's guidelines, audit date"},
	"total": {SV: "Totalt", EN: "Total"},
	"unjudged.error": {SV: "Kontot kunde inte läsas, så dessa punkter kunde inte kontrolleras:",
		EN: "The account could not be read, so these points could not be checked:"},
	"unjudged.manual": {SV: "Plattformen kontrolleras inte automatiskt. Kontrollera dessa punkter på plattformen:",
		EN: "The platform is not checked automatically. Check these points on the platform:"},
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
	// who sends the report and how to answer it
	"report.sender":  {SV: "Avsändare", EN: "Sender"},
	"report.contact": {SV: "Kontaktperson", EN: "Contact"},
	"report.replyBy": {SV: "Svara senast", EN: "Reply by"},
	"report.sendTo":  {SV: "Skicka arbetsboken till", EN: "Send the workbook to"},
	"report.policy":  {SV: "Granskas mot", EN: "Audited against"},
	"col.coverage":   {SV: "Täckning", EN: "Coverage"},
	"col.automated":  {SV: "Bedömda automatiskt", EN: "Assessed automatically"},
	"automated.of":   {SV: "%s av %s", EN: "%s of %s"},

	// the audit report's parts
	"section.assessment":      {SV: "Bedömning", EN: "Assessment"},
	"section.recommendations": {SV: "Rekommendationer", EN: "Recommendations"},
	"section.intro":           {SV: "Inledning", EN: "Introduction"},
	"recommendation.accounts": {SV: "Gäller", EN: "Concerns"},

	// accounts that could not be read
	"section.unread": {SV: "Konton som inte kunde läsas", EN: "Accounts that could not be read"},
	"unread.explain": {SV: "Hur dessa konton står sig vet ingen: granskningen kunde inte läsa dem. De räknas inte i andelen uppfyllda.",
		EN: "Nobody knows how these accounts stand: the audit could not read them. They are not counted in the compliance share."},
	"unread.none":  {SV: "Alla konton kunde läsas.", EN: "Every account could be read."},
	"col.streak":   {SV: "Granskningar i rad", EN: "Audits in a row"},
	"col.nextStep": {SV: "Nästa steg", EN: "Next step"},

	// per rule, city-wide
	"section.ruleTallies": {SV: "Underkända konton per regel", EN: "Failing accounts per rule"},
	"ruleTallies.explain": {SV: "Hur många konton i hela staden som får varje resultat på varje regel: ett underlag för utbildning och stöd där många underkänns.",
		EN: "How many accounts across the city get each result on each rule: a basis for training and support where many fail."},

	"checklist.comment":   {SV: "Kommentar:", EN: "Comment:"},
	"checklist.continued": {SV: "(fortsättning)", EN: "(continued)"},

	// change since the previous scan
	"section.change":   {SV: "Förändring sedan förra granskningen", EN: "Change since the previous audit"},
	"change.compared":  {SV: "Jämfört med granskningen %s", EN: "Compared with the audit of %s"},
	"change.first":     {SV: "Det här är den första sparade granskningen, så det finns inget att jämföra med.", EN: "This is the first stored audit, so there is nothing to compare with."},
	"change.added":     {SV: "Nya konton i förteckningen", EN: "Accounts added to the registry"},
	"change.removed":   {SV: "Konton borttagna ur förteckningen", EN: "Accounts removed from the registry"},
	"change.fixedList": {SV: "Åtgärdade sedan förra granskningen", EN: "Fixed since the previous audit"},

	// trend
	"section.trend": {SV: "Utveckling över tid", EN: "Trend over time"},
	"trend.explain": {SV: "Andel uppfyllda per förvaltning i de senaste granskningarna (högst åtta). – betyder att inget kunde bedömas eller att förvaltningen inte fanns med.",
		EN: "Compliance per administration in the latest audits (at most eight). – means nothing could be judged or the administration was not audited."},
	"trend.part": {SV: "diagram %d av %d, lägst andel först", EN: "chart %d of %d, lowest compliance first"},

	// waivers and answers
	"section.waived":         {SV: "Undantagna punkter", EN: "Waived findings"},
	"section.responses":      {SV: "Förvaltningarnas svar", EN: "The administrations' answers"},
	"responses.explain":      {SV: "Svar som förvaltningarna lämnat på förra granskningens underkända punkter, med läget i den här granskningen.", EN: "Answers the administrations gave to the previous audit's failing findings, with where they stand in this audit."},
	"responses.none":         {SV: "Inga svar har lämnats in.", EN: "No answers have been returned."},
	"section.waiverRequests": {SV: "Begäran om undantag", EN: "Waiver requests"},
	"waiverRequests.explain": {SV: "Förvaltningarna begär undantag för dessa punkter. Kommunikationsavdelningen beslutar; ett godkänt undantag förs in i undantagsfilen med skäl, vem som godkänt och slutdatum.",
		EN: "The administrations ask for an exception for these findings. The communications unit decides; an approved exception goes into the waivers file with its reason, who approved it and an expiry date."},
	"waiverRequests.none": {SV: "Inga förvaltningar begär undantag.", EN: "No administration asks for an exception."},
	"col.failingSince":    {SV: "Underkänd sedan", EN: "Failing since"},
	"response.yours":      {SV: "Ert svar på granskningen %s: %s", EN: "Your answer to the audit of %s: %s"},
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
