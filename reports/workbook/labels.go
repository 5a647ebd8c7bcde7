package workbook

import (
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// labels holds the fixed words only the workbooks use, Swedish first.
// Sheet names stay within Excel's 31 characters.
var labels = map[string]rules.Text{
	"sheet.unregistered": {SV: "Saknas i förteckningen", EN: "Not in registry"},
	"sheet.summary":      {SV: "Sammanfattning", EN: "Summary"},
	"sheet.accounts":     {SV: "Konton", EN: "Accounts"},
	"sheet.findings":     {SV: "Resultat", EN: "Findings"},
	"sheet.closure":      {SV: "Avslut", EN: "Closure"},
	"sheet.admins":       {SV: "Förvaltningar", EN: "Administrations"},
	"sheet.failing":      {SV: "Underkända", EN: "Failing"},
	"sheet.rules":        {SV: "Regler", EN: "Rules"},
	"sheet.checklist":    {SV: "Manuell kontroll", EN: "Manual checks"},
	// The overview's first sheet is not "Sammanfattning": the reader
	// of returned workbooks refuses an overview by that sheet's absence.
	"sheet.overview":  {SV: "Översikt", EN: "Overview"},
	"sheet.fixed":     {SV: "Åtgärdade", EN: "Fixed"},
	"sheet.unread":    {SV: "Kunde inte läsas", EN: "Not read"},
	"sheet.ruleTally": {SV: "Per regel", EN: "By rule"},
	"col.severity":    rules.SeverityName,
	"col.unreadScans": {SV: "Kunde inte läsas, granskningar i rad", EN: "Unreadable, audits in a row"},
	"owner.missing":   {SV: "Saknas i förteckningen", EN: "Not in the registry"},

	"answer.pick": {SV: "Välj %s, %s eller %s.", EN: "Choose %s, %s or %s."},

	"col.file":               {SV: "Fil", EN: "File"},
	"col.accountsFailing":    {SV: "Konton med underkända punkter", EN: "Accounts failing"},
	"col.accountsUnreadable": {SV: "Konton som inte kunde läsas", EN: "Accounts unreadable"},
	"row.total":              {SV: "Totalt", EN: "Total"},

	// waivers, change since the previous scan, trend, answers, closing
	"sheet.waivers":       {SV: "Undantag", EN: "Waivers"},
	"sheet.trend":         {SV: "Utveckling", EN: "Trend"},
	"sheet.answers":       {SV: "Svar", EN: "Answers"},
	"sheet.requests":      {SV: "Begärda undantag", EN: "Exception requests"},
	"col.key":             {SV: "Nyckel", EN: "Key"},
	"col.check":           {SV: "Kontroll", EN: "Check"},
	"col.answeredAudit":   {SV: "Svar på granskningen", EN: "Answer to the audit of"},
	"col.adminAnswer":     {SV: "Förvaltningens svar", EN: "Administration's answer"},
	"history.compared":    {SV: "Jämfört med granskningen %s", EN: "Compared with the audit of %s"},
	"history.first":       {SV: "Det finns ingen tidigare sparad granskning att jämföra med.", EN: "There is no earlier stored audit to compare with."},
	"history.added":       {SV: "Konton som har tillkommit i förteckningen", EN: "Accounts added to the registry"},
	"history.removed":     {SV: "Konton som har tagits bort ur förteckningen", EN: "Accounts removed from the registry"},
	"history.noneAdded":   {SV: "Inga konton har tillkommit.", EN: "No accounts were added."},
	"history.noneRemoved": {SV: "Inga konton har tagits bort.", EN: "No accounts were removed."},
	"trend.explain":       {SV: "Andel uppfyllda per förvaltning i de senaste granskningarna. Tom cell: förvaltningen fanns inte med eller inget kunde bedömas.", EN: "Compliance per administration in the latest audits. Empty cell: the administration was not included or nothing could be judged."},
	"answers.howTo":       {SV: "Svara på varje underkänd punkt i fliken ”Resultat”: välj ett svar i kolumnen ”Svar” och skriv gärna en kommentar. Ändra inte de andra kolumnerna; filen läses in igen.", EN: "Answer every failing finding on the sheet “Findings”: choose an answer in the column “Answer” and add a comment if you like. Do not change the other columns; the file is read back in."},
	"answer.pickOne":      {SV: "Välj ett av svaren: %s.", EN: "Choose one of: %s."},
	"answers.explain":     {SV: "Förvaltningarnas svar på underkända punkter i tidigare granskning, och hur det ser ut nu.", EN: "The administrations' answers to failing findings of an earlier audit, and how things stand now."},
	"requests.explain":    {SV: "Förvaltningarna begär undantag för de här punkterna. Kommunikationsavdelningen beslutar; ett beviljat undantag skrivs in i undantagsfilen med skäl, vem som godkänt och slutdatum.", EN: "The administrations request an exception for these findings. The communications unit decides; a granted exception goes into the waivers file with its reason, who approved it and an expiry date."},
	"fixed.explain":       {SV: "Punkter som var underkända i förra granskningen och är godkända nu, med den rubrik de underkändes under.", EN: "Findings that failed in the previous audit and pass now, under the title they failed with."},
	"unread.explain":      {SV: "Konton som granskningen inte kunde läsa eller inte hann kontrollera. Ingen vet hur de står sig mot policyn förrän de kan läsas.", EN: "Accounts the audit could not read or did not reach. Nobody knows how they stand against the policy until they can be read."},
	"ruleTally.explain":   {SV: "Antal konton per regel och resultat i hela staden: ett underlag för utbildning.", EN: "Accounts per rule and result across the city: a basis for training."},
	"waivers.explain":     {SV: "Punkter med ett undantag. Ett undantag som har gått ut gäller inte längre, och punkten bedöms som vanligt.", EN: "Findings with a waiver. A waiver past its expiry no longer applies, and the finding is judged as usual."},
}

// Label returns a workbook word in lang: from the workbook's own labels,
// else from the model's shared labels via model.L. The writer puts these
// words in the sheets and the reader finds sheets and columns by them.
func Label(lang, key string) string {
	if t, ok := labels[key]; ok {
		return t.In(lang)
	}
	return model.L(lang, key)
}
