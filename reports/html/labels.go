package html

import (
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// htmlLabels holds the words only the web pages use, Swedish first; the
// rest come from the model's labels through model.L.
var htmlLabels = map[string]rules.Text{
	"skip":           {SV: "Hoppa till innehållet", EN: "Skip to content"},
	"contents":       {SV: "Innehåll", EN: "Contents"},
	"overview":       {SV: "Till översikten", EN: "To the overview"},
	"scroll":         {SV: "Tabellen har fler kolumner: rulla i sidled.", EN: "The table has more columns: scroll sideways."},
	"facts":          {SV: "Om rapporten", EN: "About the report"},
	"tiles":          {SV: "Antal kontrollpunkter per resultat", EN: "Points per result"},
	"passed.summary": {SV: "%d av %d kontrollpunkter uppfyllda", EN: "%d of %d points met"},
	"account.open":   {SV: "Öppna kontot", EN: "Open the account"},

	// accounts that could not be read
	"caption.unread": {SV: "Konton som inte kunde läsas, med orsak", EN: "Accounts that could not be read, with the reason"},

	// per rule, city-wide
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

	// trend
	"col.trend":   {SV: "Utveckling", EN: "Trend"},
	"trend.spark": {SV: "Linje från %s till %s", EN: "Line from %s to %s"},

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
