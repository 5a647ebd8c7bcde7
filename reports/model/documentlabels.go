package model

import "github.com/stockholm-stad/smaudit/rules"

// documentLabels are the words every audit document shares: who sends it
// and how to answer, the parts of a granskningsrapport, unread accounts,
// the change since the last audit, answers and waivers. The PDF, the web
// pages and the workbooks all read them through L, so the documents name
// their parts alike and no writer keeps a copy that could drift.
var documentLabels = map[string]rules.Text{
	"total":                   {SV: "Totalt", EN: "Total"},
	"unjudged.error":          {SV: "Kontot kunde inte läsas, så dessa punkter kunde inte kontrolleras:", EN: "The account could not be read, so these points could not be checked:"},
	"unjudged.manual":         {SV: "Plattformen kontrolleras inte automatiskt. Kontrollera dessa punkter på plattformen:", EN: "The platform is not checked automatically. Check these points on the platform:"},
	"report.sender":           {SV: "Avsändare", EN: "Sender"},
	"report.contact":          {SV: "Kontaktperson", EN: "Contact"},
	"report.replyBy":          {SV: "Svara senast", EN: "Reply by"},
	"report.sendTo":           {SV: "Skicka arbetsboken till", EN: "Send the workbook to"},
	"report.policy":           {SV: "Granskas mot", EN: "Audited against"},
	"col.coverage":            {SV: "Täckning", EN: "Coverage"},
	"col.automated":           {SV: "Bedömda automatiskt", EN: "Assessed automatically"},
	"automated.of":            {SV: "%s av %s", EN: "%s of %s"},
	"section.assessment":      {SV: "Bedömning", EN: "Assessment"},
	"section.recommendations": {SV: "Rekommendationer", EN: "Recommendations"},
	"section.intro":           {SV: "Inledning", EN: "Introduction"},
	"recommendation.accounts": {SV: "Gäller", EN: "Concerns"},
	"section.unread":          {SV: "Konton som inte kunde läsas", EN: "Accounts that could not be read"},
	"unread.explain":          {SV: "Hur dessa konton står sig vet ingen: granskningen kunde inte läsa dem. De räknas inte i andelen uppfyllda.", EN: "Nobody knows how these accounts stand: the audit could not read them. They are not counted in the compliance share."},
	"unread.none":             {SV: "Alla konton kunde läsas.", EN: "Every account could be read."},
	"col.streak":              {SV: "Granskningar i rad", EN: "Audits in a row"},
	"col.nextStep":            {SV: "Nästa steg", EN: "Next step"},
	"section.ruleTallies":     {SV: "Underkända konton per regel", EN: "Failing accounts per rule"},
	"ruleTallies.explain":     {SV: "Hur många konton i hela staden som får varje resultat på varje regel: ett underlag för utbildning och stöd där många underkänns.", EN: "How many accounts across the city get each result on each rule: a basis for training and support where many fail."},
	"section.change":          {SV: "Förändring sedan förra granskningen", EN: "Change since the previous audit"},
	"change.compared":         {SV: "Jämfört med granskningen %s", EN: "Compared with the audit of %s"},
	"change.first":            {SV: "Det här är den första sparade granskningen, så det finns inget att jämföra med.", EN: "This is the first stored audit, so there is nothing to compare with."},
	"change.added":            {SV: "Nya konton i förteckningen", EN: "Accounts added to the registry"},
	"change.removed":          {SV: "Konton borttagna ur förteckningen", EN: "Accounts removed from the registry"},
	"change.fixedList":        {SV: "Åtgärdade sedan förra granskningen", EN: "Fixed since the previous audit"},
	"section.trend":           {SV: "Utveckling över tid", EN: "Trend over time"},
	"trend.explain":           {SV: "Andel uppfyllda per förvaltning i de senaste granskningarna (högst åtta). – betyder att inget kunde bedömas eller att förvaltningen inte fanns med.", EN: "Compliance per administration in the latest audits (at most eight). – means nothing could be judged or the administration was not audited."},
	"section.waived":          {SV: "Undantagna punkter", EN: "Waived findings"},
	"section.responses":       {SV: "Förvaltningarnas svar", EN: "The administrations' answers"},
	"responses.explain":       {SV: "Svar som förvaltningarna lämnat på förra granskningens underkända punkter, med läget i den här granskningen.", EN: "Answers the administrations gave to the previous audit's failing findings, with where they stand in this audit."},
	"responses.none":          {SV: "Inga svar har lämnats in.", EN: "No answers have been returned."},
	"section.waiverRequests":  {SV: "Begäran om undantag", EN: "Waiver requests"},
	"waiverRequests.explain":  {SV: "Förvaltningarna begär undantag för dessa punkter. Kommunikationsavdelningen beslutar; ett godkänt undantag förs in i undantagsfilen med skäl, vem som godkänt och slutdatum.", EN: "The administrations ask for an exception for these findings. The communications unit decides; an approved exception goes into the waivers file with its reason, who approved it and an expiry date."},
	"waiverRequests.none":     {SV: "Inga förvaltningar begär undantag.", EN: "No administration asks for an exception."},
	"response.yours":          {SV: "Ert svar på granskningen %s: %s", EN: "Your answer to the audit of %s: %s"},
}
