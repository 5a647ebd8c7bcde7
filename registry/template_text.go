package registry

import "fmt"

// templateText holds the words of a registry template in one language.
type templateText struct {
	language     string // document language tag
	title        string // document title
	instructions string // instruction sheet name
	lists        string // hidden sheet name for drop-down sources
	// headers are the column headers, which the loader knows in both
	// languages.
	headers [fieldCount]string
	// platforms are the Plattform drop-down values; the loader reads each.
	platforms []string

	intro         []string           // paragraphs above the column table
	tableHeads    [3]string          // column, needed, what to write
	needed        [fieldCount]string // whether a value is needed, and why
	explain       [fieldCount]string // what to write in each column
	platformError [2]string          // title, message
	adminError    [2]string
	linkPrompt    [2]string
	linkError     [2]string
	websiteError  [2]string
}

// texts returns the template words for lang: "sv" (or empty) or "en".
func texts(lang string) (*templateText, error) {
	switch lang {
	case "", "sv":
		return &swedishText, nil
	case "en":
		return &englishText, nil
	}
	return nil, fmt.Errorf("registry template: unknown language %q; want \"sv\" or \"en\"", lang)
}

// headersIn returns the column headers in one language.
func headersIn(english bool) [fieldCount]string {
	var h [fieldCount]string
	for f, c := range columns {
		h[f] = c.swedish
		if english {
			h[f] = c.english
		}
	}
	return h
}

var swedishText = templateText{
	language:     "sv-SE",
	title:        "Register över Stockholms stads konton i sociala medier",
	instructions: "Instruktioner",
	lists:        "Listor",
	headers:      headersIn(false),
	platforms:    []string{"Mastodon", "Bluesky", "YouTube", "Facebook", "Instagram", "X", "LinkedIn", "Blogg", "Webbplats", "Annan"},
	intro: []string{
		"Fyll i en rad per konto på fliken Konton. Skriv inte över rubrikraden.",
		"Policyn för sociala medier i Stockholms stad kräver att varje konto har ett tydligt syfte kopplat till verksamhetsplanen eller uppdraget, mätbara mål, identifierade målgrupper och en utsedd ansvarig. Det gäller även konton som redan finns.",
		"Förvaltningar och bolag rapporterar nystartade, befintliga och avslutade konton till kommunikationsenheten på stadsledningskontoret i februari och september.",
		"Kontrollera filen med kommandot smaudit registry check FILNAMN innan du skickar in den.",
	},
	tableHeads: [3]string{"Kolumn", "Krävs", "Vad du skriver"},
	needed: [fieldCount]string{
		fieldAdministration: "Ja",
		fieldName:           "Ja",
		fieldPlatform:       "Ja",
		fieldURL:            "Ja",
		fieldPurpose:        "Ja, enligt policyn",
		fieldGoals:          "Ja, enligt policyn",
		fieldAudience:       "Ja, enligt policyn",
		fieldOwner:          "Ja, enligt policyn",
		fieldWebsite:        "Nej",
	},
	explain: [fieldCount]string{
		fieldAdministration: "Förvaltningen eller bolaget som ansvarar för kontot. Välj i listan, så att namnet stavas likadant i alla rapporter.",
		fieldName:           "Kontots namn så som det visas på plattformen, till exempel Kulturhuset Stadsteatern.",
		fieldPlatform:       "Var kontot finns. Välj i listan. Välj Blogg eller Webbplats för en egen blogg eller webbplats och Annan för en plattform som inte finns i listan.",
		fieldURL:            "Adressen till kontot, med https:// först, till exempel https://www.facebook.com/kulturforvaltningen. Ett Mastodonkonto kan också skrivas @namn@server. Länka till kontot, inte till ett enskilt inlägg.",
		fieldPurpose:        "Varför kontot finns. Policyn kräver ett tydligt syfte kopplat till förvaltningens eller bolagets verksamhetsplan eller uppdrag.",
		fieldGoals:          "Vad kontot ska uppnå. Policyn kräver mätbara mål som går att följa upp, till exempel att frågor besvaras inom en arbetsdag.",
		fieldAudience:       "Vilka kontot vänder sig till. Policyn kräver identifierade målgrupper, till exempel föräldrar till förskolebarn i stadsdelen.",
		fieldOwner:          "Den som är utsedd ansvarig för kontot, med namn eller funktion. Den ansvarige svarar för planering, publicering, uppföljning, bevakning och moderering.",
		fieldWebsite:        "Frivillig. Stadens webbsida som hör till kontot, till exempel verksamhetens sida på stockholm.se. Den används för att se att kontot och sidan länkar till varandra.",
	},
	platformError: [2]string{"Okänd plattform", "Välj en plattform i listan. Välj Annan för en plattform som inte finns i listan."},
	adminError:    [2]string{"Okänd förvaltning", "Namnet finns inte i stadens lista över förvaltningar och bolag. Välj i listan, så att namnet stavas likadant i alla rapporter."},
	linkPrompt:    [2]string{"Länk till kontot", "Till exempel https://www.facebook.com/kulturforvaltningen eller, för Mastodon, @namn@server."},
	linkError:     [2]string{"Ogiltig länk", "Länken ska börja med https:// (eller http://). Ett Mastodonkonto kan också skrivas @namn@server."},
	websiteError:  [2]string{"Ogiltig webbadress", "Webbadressen ska börja med https:// (eller http://)."},
}

var englishText = templateText{
	language:     "en-GB",
	title:        "Register of the City of Stockholm's social media accounts",
	instructions: "Instructions",
	lists:        "Lists",
	headers:      headersIn(true),
	platforms:    []string{"Mastodon", "Bluesky", "YouTube", "Facebook", "Instagram", "X", "LinkedIn", "Blog", "Website", "Other"},
	intro: []string{
		"Fill in one row per account on the Konton (accounts) sheet. Do not change the header row.",
		"The City of Stockholm's social media policy requires every account to have a clear purpose linked to the business plan or mission, measurable goals, identified audiences and an appointed owner. This applies to existing accounts too.",
		"Administrations and companies report new, existing and closed accounts to the communications unit of the City Executive Office in February and September.",
		"Check the file with the command smaudit registry check FILENAME before you send it in.",
	},
	tableHeads: [3]string{"Column", "Required", "What to write"},
	needed: [fieldCount]string{
		fieldAdministration: "Yes",
		fieldName:           "Yes",
		fieldPlatform:       "Yes",
		fieldURL:            "Yes",
		fieldPurpose:        "Yes, by the policy",
		fieldGoals:          "Yes, by the policy",
		fieldAudience:       "Yes, by the policy",
		fieldOwner:          "Yes, by the policy",
		fieldWebsite:        "No",
	},
	explain: [fieldCount]string{
		fieldAdministration: "The administration or company responsible for the account. Pick it from the list so that the name is spelt the same in every report.",
		fieldName:           "The account's name as the platform shows it, for example Kulturhuset Stadsteatern.",
		fieldPlatform:       "Where the account is. Pick it from the list. Pick Blog or Website for a blog or website of your own, and Other for a platform the list does not have.",
		fieldURL:            "The account's address, starting with https://, for example https://www.facebook.com/kulturforvaltningen. A Mastodon account may also be written @name@server. Link to the account, not to a single post.",
		fieldPurpose:        "Why the account exists. The policy requires a clear purpose linked to the administration's or company's business plan or mission.",
		fieldGoals:          "What the account is to achieve. The policy requires measurable goals that can be followed up, for example that questions are answered within one working day.",
		fieldAudience:       "Whom the account addresses. The policy requires identified audiences, for example parents of preschool children in the district.",
		fieldOwner:          "The person appointed responsible for the account, by name or role. The owner answers for planning, publishing, follow-up, monitoring and moderation.",
		fieldWebsite:        "Optional. The city web page that belongs with the account, for example the service's page on stockholm.se. It is used to see that the account and the page link to each other.",
	},
	platformError: [2]string{"Unknown platform", "Pick a platform from the list. Pick Other for a platform the list does not have."},
	adminError:    [2]string{"Unknown administration", "The name is not in the city's list of administrations and companies. Pick it from the list so that it is spelt the same in every report."},
	linkPrompt:    [2]string{"Link to the account", "For example https://www.facebook.com/kulturforvaltningen or, for Mastodon, @name@server."},
	linkError:     [2]string{"Invalid link", "The link must start with https:// (or http://). A Mastodon account may also be written @name@server."},
	websiteError:  [2]string{"Invalid web address", "The web address must start with https:// (or http://)."},
}
