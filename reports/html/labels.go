package html

import (
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// htmlLabels holds the words only the web pages use, Swedish first; the
// rest come from the model's labels through model.L.
var htmlLabels = map[string]rules.Text{
	"skip":     {SV: "Hoppa till innehållet", EN: "Skip to content"},
	"contents": {SV: "Innehåll", EN: "Contents"},
	"total":    {SV: "Totalt", EN: "Total"},
	"overview": {SV: "Till översikten", EN: "To the overview"},
	"scroll":   {SV: "Tabellen har fler kolumner: rulla i sidled.", EN: "The table has more columns: scroll sideways."},
	"facts":    {SV: "Om rapporten", EN: "About the report"},
	"tiles":    {SV: "Antal kontrollpunkter per resultat", EN: "Points per result"},
	"unjudged.error": {SV: "Kontot kunde inte läsas, så dessa punkter kunde inte kontrolleras:",
		EN: "The account could not be read, so these points could not be checked:"},
	"unjudged.manual": {SV: "Plattformen kontrolleras inte automatiskt. Kontrollera dessa punkter på plattformen:",
		EN: "The platform is not checked automatically. Check these points on the platform:"},
	"passed.summary": {SV: "%d av %d kontrollpunkter uppfyllda", EN: "%d of %d points met"},
	"account.open":   {SV: "Öppna kontot", EN: "Open the account"},

	// who sends the report and how to answer it
	"report.sender":  {SV: "Avsändare", EN: "Sender"},
	"report.contact": {SV: "Kontaktperson", EN: "Contact"},
	"report.replyBy": {SV: "Svara senast", EN: "Reply by"},
	"report.sendTo":  {SV: "Skicka arbetsboken till", EN: "Send the workbook to"},
	"report.policy":  {SV: "Granskas mot", EN: "Audited against"},
	"col.coverage":   {SV: "Täckning", EN: "Coverage"},
	"col.automated":  {SV: "Bedömda automatiskt", EN: "Assessed automatically"},
	"automated.of":   {SV: "%s av %s", EN: "%s of %s"},

	// the parts of an audit report
	"section.assessment":      {SV: "Bedömning", EN: "Assessment"},
	"section.recommendations": {SV: "Rekommendationer", EN: "Recommendations"},
	"section.intro":           {SV: "Inledning", EN: "Introduction"},
	"recommendation.accounts": {SV: "Gäller", EN: "Concerns"},

	// accounts that could not be read
	"section.unread": {SV: "Konton som inte kunde läsas", EN: "Accounts that could not be read"},
	"unread.explain": {SV: "Hur dessa konton står sig vet ingen: granskningen kunde inte läsa dem. De räknas inte i andelen uppfyllda.",
		EN: "Nobody knows how these accounts stand: the audit could not read them. They are not counted in the compliance share."},
	"unread.none":    {SV: "Alla konton kunde läsas.", EN: "Every account could be read."},
	"caption.unread": {SV: "Konton som inte kunde läsas, med orsak", EN: "Accounts that could not be read, with the reason"},
	"col.streak":     {SV: "Granskningar i rad", EN: "Audits in a row"},
	"col.nextStep":   {SV: "Nästa steg", EN: "Next step"},

	// per rule, city-wide
	"section.ruleTallies": {SV: "Underkända konton per regel", EN: "Failing accounts per rule"},
	"ruleTallies.explain": {SV: "Hur många konton i hela staden som får varje resultat på varje regel: ett underlag för utbildning och stöd där många underkänns.",
		EN: "How many accounts across the city get each result on each rule: a basis for training and support where many fail."},
	"caption.ruleTallies": {SV: "Konton per regel och resultat", EN: "Accounts per rule and result"},

	// filters
	"filter.legend":    {SV: "Visa resultat", EN: "Show results"},
	"filter.account":   {SV: "Konto", EN: "Account"},
	"filter.admin":     {SV: "Förvaltning", EN: "Administration"},
	"filter.all":       {SV: "Alla", EN: "All"},
	"filter.shown":     {SV: "Visar %s av %s", EN: "Showing %s of %s"},
	"filter.help":      {SV: "Bocka ur resultat eller välj ett konto för att visa färre punkter.", EN: "Untick results or choose an account to show fewer points."},
	"filter.helpAdmin": {SV: "Välj en förvaltning för att bara visa dess punkter.", EN: "Choose an administration to show only its points."},

	// tables
	"caption.admins":     {SV: "Resultat per förvaltning", EN: "Results per administration"},
	"caption.failing":    {SV: "Alla underkända punkter", EN: "Every failing finding"},
	"caption.accounts":   {SV: "Konton med antal punkter per resultat, sämst först", EN: "Accounts with points per result, worst first"},
	"caption.closure":    {SV: "Konton utan egna inlägg i perioden", EN: "Accounts without own posts in the period"},
	"caption.rules":      {SV: "Regler som granskningen tillämpade", EN: "Rules the audit applied"},
	"caption.change":     {SV: "Förändring per förvaltning", EN: "Change per administration"},
	"caption.trend":      {SV: "Andel uppfyllda per granskning", EN: "Compliance per audit"},
	"caption.notReached": {SV: "Konton som inte kontrollerades", EN: "Accounts not checked"},

	// change since the previous scan
	"section.change":   {SV: "Förändring sedan förra granskningen", EN: "Change since the previous audit"},
	"change.compared":  {SV: "Jämfört med granskningen %s", EN: "Compared with the audit of %s"},
	"change.first":     {SV: "Det här är den första sparade granskningen, så det finns inget att jämföra med.", EN: "This is the first stored audit, so there is nothing to compare with."},
	"change.added":     {SV: "Nya konton i förteckningen", EN: "Accounts added to the registry"},
	"change.removed":   {SV: "Konton borttagna ur förteckningen", EN: "Accounts removed from the registry"},
	"change.fixedList": {SV: "Åtgärdade sedan förra granskningen", EN: "Fixed since the previous audit"},

	// trend
	"col.trend":     {SV: "Utveckling", EN: "Trend"},
	"trend.spark":   {SV: "Linje från %s till %s", EN: "Line from %s to %s"},
	"section.trend": {SV: "Utveckling över tid", EN: "Trend over time"},
	"trend.explain": {SV: "Andel uppfyllda per förvaltning i de senaste granskningarna (högst åtta). – betyder att inget kunde bedömas eller att förvaltningen inte fanns med.",
		EN: "Compliance per administration in the latest audits (at most eight). – means nothing could be judged or the administration was not audited."},

	// waivers and answers
	"section.waived":         {SV: "Undantagna punkter", EN: "Waived findings"},
	"section.responses":      {SV: "Förvaltningarnas svar", EN: "The administrations' answers"},
	"responses.explain":      {SV: "Svar som förvaltningarna lämnat på förra granskningens underkända punkter, med läget i den här granskningen.", EN: "Answers the administrations gave to the previous audit's failing findings, with where they stand in this audit."},
	"responses.none":         {SV: "Inga svar har lämnats in.", EN: "No answers have been returned."},
	"section.waiverRequests": {SV: "Begäran om undantag", EN: "Waiver requests"},
	"waiverRequests.explain": {SV: "Förvaltningarna begär undantag för dessa punkter. Kommunikationsavdelningen beslutar; ett godkänt undantag förs in i undantagsfilen med skäl, vem som godkänt och slutdatum.",
		EN: "The administrations ask for an exception for these findings. The communications unit decides; an approved exception goes into the waivers file with its reason, who approved it and an expiry date."},
	"waiverRequests.none": {SV: "Inga förvaltningar begär undantag.", EN: "No administration asks for an exception."},
	"response.yours":      {SV: "Ert svar på granskningen %s: %s", EN: "Your answer to the audit of %s: %s"},

	// the checklist
	"checklist.explain": {SV: "Punkterna nedan kunde inte kontrolleras automatiskt. Öppna kontot på plattformen och besvara varje fråga.",
		EN: "The points below could not be checked automatically. Open the account on the platform and answer each question."},
}

// hL returns a web-only word in lang, falling back to the model's labels.
func hL(lang, key string) string {
	if t, ok := htmlLabels[key]; ok {
		return t.In(lang)
	}
	return model.L(lang, key)
}
