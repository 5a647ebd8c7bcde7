package rules

import "slices"

// The policy's requirements as one numbered table, as kube-bench names
// every check by its benchmark's section number. "Policy för sociala
// medier i Stockholms stad" numbers nothing, so the table does: sections
// that require something of an account or its registry entry are numbered
// 1, 2, … in the order the policy gives them, and each requirement within
// a section .1, .2, …; a list whose items different rules check gets one
// number per item. A number, once given, names that requirement forever
// (results.json and the reports show it): a new requirement takes the
// next free number, and a retired one's number is not reused. Quotes join
// the policy's own words with " … " where a list item is quoted apart from
// its lead-in.

const (
	basinfoLeadSV = "Konton i sociala medier som förvaltningar och bolag ansvarar för ska alltid ha viss basinformation om:"
	basinfoLeadEN = "Social media accounts that administrations and companies are responsible for shall always have certain basic information about:"
)

var (
	headEveryAcc  = Text{SV: "Varje konto ska ha", EN: "Every account shall have"}
	headReport    = Text{SV: "Rapportering av konton", EN: "Reporting of accounts"}
	headGraphic   = Text{SV: "Grafisk profil", EN: "Graphic profile"}
	headBasinfo   = Text{SV: "Basinformation", EN: "Basic information"}
	headPosting   = Text{SV: "Publiceringsfrekvens", EN: "Posting frequency"}
	headQuestions = Text{SV: "Besvara frågor och kommentarer", EN: "Answering questions and comments"}
	headPersonal  = Text{SV: "Personuppgifter och sekretessbelagda uppgifter", EN: "Personal data and classified information"}
	headClosing   = Text{SV: "Avsluta ett konto", EN: "Closing an account"}
)

// requirement builds a row of the table: its title is the number, the
// heading and, for one item of a list, the item's short name.
func requirement(ref string, heading, item, quote Text) Section {
	title := Text{SV: ref + " " + heading.SV, EN: ref + " " + heading.EN}
	if item.SV != "" {
		title.SV += " – " + item.SV
		title.EN += " – " + item.EN
	}
	return Section{Ref: ref, Heading: heading, Title: title, Quote: quote}
}

// basinfo is requirement 4.n, one item of the Basinformation list quoted
// after its lead-in.
func basinfo(ref string, item Text, quoteSV, quoteEN string) Section {
	return requirement(ref, headBasinfo, item, Text{SV: basinfoLeadSV + " … " + quoteSV, EN: basinfoLeadEN + " … " + quoteEN})
}

var (
	reqEveryAccount = requirement("1.1", headEveryAcc, Text{}, Text{
		SV: "Varje konto ska ha … ett tydligt syfte kopplat till förvaltningens eller bolagets verksamhetsplan/uppdrag … mätbara mål och identifierade målgrupper … en utsedd ansvarig för kontot som ansvarar för planering, publicering, uppföljning, bevakning och moderering.",
		EN: "Every account shall have … a clear purpose linked to the administration's or company's business plan/mission … measurable goals and identified target audiences … an appointed person responsible for the account, who is responsible for planning, publishing, follow-up, monitoring and moderation.",
	})
	reqReportLink = requirement("2.1", headReport, Text{SV: "länk till kontot", EN: "link to the account"}, Text{
		SV: "Förvaltningar och bolag ska rapportera nystartade, befintliga och avslutade konton två gånger per år (i februari och september) till stadsledningskontorets kommunikationsenhet. … Av rapporten ska framgå … länk till respektive konto",
		EN: "Administrations and companies shall report newly started, existing and closed accounts twice a year (in February and September) to the City Executive Office's communications unit. … The report shall show … a link to each account",
	})
	reqGraphic = requirement("3.1", headGraphic, Text{}, Text{
		SV: "Förvaltningarnas konton i sociala medier ska följa stadens grafiska profil enligt varumärkesmanualen.",
		EN: "The administrations' social media accounts shall follow the city's graphic profile as set out in the brand manual.",
	})
	reqAffiliation = basinfo("4.1", Text{SV: "verksamheten och staden", EN: "the operation and the city"},
		"vilken verksamhet som står bakom kontot och att verksamheten ingår i Stockholms stad",
		"which operation is behind the account and that the operation is part of the City of Stockholm")
	reqDescription = basinfo("4.2", Text{SV: "beskrivning av innehållet", EN: "description of the content"},
		"en kort beskrivning av vad användaren kan förvänta sig för innehåll från kontot",
		"a short description of what content the user can expect from the account")
	reqTerms = basinfo("4.3", Text{SV: "villkor för att delta", EN: "terms of taking part"},
		"vilka villkor som gäller för att delta på stadens sociala medier, till exempel att ett inlägg kan bli allmän handling",
		"which terms apply to taking part in the city's social media, for example that a post can become a public record")
	reqContact = basinfo("4.4", Text{SV: "kontaktuppgifter", EN: "contact details"},
		"kontaktuppgifter till den verksamhet som står bakom kontot",
		"contact details of the operation behind the account")
	reqWebsite = basinfo("4.5", Text{SV: "länk till webbplatsen", EN: "link to the website"},
		"länk till verksamhetens webbplats",
		"a link to the operation's website")
	reqPosting = requirement("5.1", headPosting, Text{}, Text{
		SV: "Det bör publiceras nya inlägg på Stockholms stads konton minst ett par gånger i veckan. Vid semester och helgdagar kan publiceringsfrekvensen vara lägre, vilket ska meddelas via ett inlägg på respektive konto.",
		EN: "New posts should be published on the City of Stockholm's accounts at least a couple of times a week. During holidays and public holidays the posting frequency may be lower, which shall be announced in a post on the account concerned.",
	})
	reqHoliday = requirement("5.2", headPosting, Text{SV: "semester och helgdagar", EN: "holidays"}, Text{
		SV: "Vid semester och helgdagar kan publiceringsfrekvensen vara lägre, vilket ska meddelas via ett inlägg på respektive konto.",
		EN: "During holidays and public holidays the posting frequency may be lower, which shall be announced in a post on the account concerned.",
	})
	reqAnswers = requirement("6.1", headQuestions, Text{}, Text{
		SV: "Frågor som kommer in till stadens konton ska besvaras under normal kontorstid och utan onödigt dröjsmål samt på ett vårdat, enkelt och begripligt sätt.",
		EN: "Questions that come in to the city's accounts shall be answered during normal office hours and without undue delay, in a proper, simple and comprehensible way.",
	})
	reqClosing = requirement("7.1", headClosing, Text{}, Text{
		SV: "När ett konto inte längre används ska det avslutas. … På kontot ska det informeras om att det ska avslutas och varför.",
		EN: "When an account is no longer used it shall be closed. … The account shall inform that it is going to be closed and why.",
	})
	// The sentence 7.1 quotes last, as its own requirement: that a
	// closing account says so is judged apart from whether it is used.
	reqClosureNotice = requirement("7.2", headClosing, Text{SV: "information om avslut", EN: "notice of closing"}, Text{
		SV: "På kontot ska det informeras om att det ska avslutas och varför.",
		EN: "The account shall inform that it is going to be closed and why.",
	})
	// Personuppgifter stands before Avsluta ett konto in the policy, but
	// its requirement came later and takes the next free number.
	reqPersonal = requirement("8.1", headPersonal, Text{}, Text{
		SV: "Det är inte tillåtet att publicera känsliga eller integritetskränkande personuppgifter eller sekretessbelagda uppgifter via Stockholms stads konton i sociala medier. Om en användare skriver ett inlägg eller en kommentar som innehåller känsliga, integritetskränkande personuppgifter eller sekretessbelagda uppgifter ska kommentaren alt. inlägget tas bort omedelbart efter det att kommentaren eller inlägget dokumenterats, till exempel genom en skärmdump, och eventuellt registreras.",
		EN: "It is not permitted to publish sensitive or privacy-infringing personal data or classified information through the City of Stockholm's social media accounts. If a user writes a post or a comment containing sensitive, privacy-infringing personal data or classified information, the comment or post shall be removed immediately after it has been documented, for example with a screenshot, and registered where appropriate.",
	})
	// The preventive advice closing the policy's Personuppgifter section,
	// which also serves the supervision Bevakning och uppsiktsplikt asks
	// of an account that takes comments.
	reqModeration = requirement("8.2", headPersonal, Text{SV: "förebyggande information", EN: "preventive information"}, Text{
		SV: "För att minska risken för kränkningar av enskildas personliga integritet bör respektive förvaltning och bolag vidta åtgärder i förebyggande syfte. Till exempel bör: … informeras om för vilka ändamål som kommentarsfunktion är tänkt att användas, vilka typer av kommentarer som inte får förekomma och att publiceringar kan komma att tas bort … användare uppmanas att rapportera kränkande innehåll till respektive förvaltning och bolag, vilka bör ha rutiner för att hantera klagomål.",
		EN: "To reduce the risk of infringing individuals' personal integrity, each administration and company should take preventive measures. For example: … users should be told for which purposes the comment function is meant, which kinds of comments are not allowed and that publications may be removed … users should be urged to report abusive content to the administration or company concerned, which should have routines for handling complaints.",
	})
)

// requirements is the table, in number order.
var requirements = []Section{
	reqEveryAccount, reqReportLink, reqGraphic,
	reqAffiliation, reqDescription, reqTerms, reqContact, reqWebsite,
	reqPosting, reqHoliday, reqAnswers, reqClosing, reqClosureNotice, reqPersonal, reqModeration,
}

// Requirements returns the policy's numbered requirements in number order,
// those no rule checks included (a person judges them), for the coverage
// table of `smaudit rules` and the README.
func Requirements() []Section {
	return slices.Clone(requirements)
}
