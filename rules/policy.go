package rules

// The policy's sections, as "Policy för sociala medier i Stockholms stad"
// names them. Quotes join the policy's own words with " … " where a list
// item is quoted apart from its lead-in.

const (
	refBasinfo  = "Basinformation"
	refPosting  = "Publiceringsfrekvens"
	refClosing  = "Avsluta ett konto"
	refEveryAcc = "Varje konto ska ha"
	refReport   = "Rapportering av konton"
)

const (
	basinfoLeadSV = "Konton i sociala medier som förvaltningar och bolag ansvarar för ska alltid ha viss basinformation om:"
	basinfoLeadEN = "Social media accounts that administrations and companies are responsible for shall always have certain basic information about:"
)

// basinfo is the Basinformation section quoting one of its list items.
func basinfo(itemSV, itemEN string) Section {
	return Section{
		Ref:   refBasinfo,
		Title: Text{SV: "Basinformation", EN: "Basic information"},
		Quote: Text{SV: basinfoLeadSV + " … " + itemSV, EN: basinfoLeadEN + " … " + itemEN},
	}
}

var (
	postingSection = Section{
		Ref:   refPosting,
		Title: Text{SV: "Publiceringsfrekvens", EN: "Posting frequency"},
		Quote: Text{
			SV: "Det bör publiceras nya inlägg på Stockholms stads konton minst ett par gånger i veckan. Vid semester och helgdagar kan publiceringsfrekvensen vara lägre, vilket ska meddelas via ett inlägg på respektive konto.",
			EN: "New posts should be published on the City of Stockholm's accounts at least a couple of times a week. During holidays and public holidays the posting frequency may be lower, which shall be announced in a post on the account concerned.",
		},
	}
	closingSection = Section{
		Ref:   refClosing,
		Title: Text{SV: "Avsluta ett konto", EN: "Closing an account"},
		Quote: Text{
			SV: "När ett konto inte längre används ska det avslutas. … På kontot ska det informeras om att det ska avslutas och varför.",
			EN: "When an account is no longer used it shall be closed. … The account shall inform that it is going to be closed and why.",
		},
	}
	reportingSection = Section{
		Ref:   refReport,
		Title: Text{SV: "Rapportering av konton", EN: "Reporting of accounts"},
		Quote: Text{
			SV: "Förvaltningar och bolag ska rapportera nystartade, befintliga och avslutade konton två gånger per år (i februari och september) till stadsledningskontorets kommunikationsenhet. … Av rapporten ska framgå … länk till respektive konto",
			EN: "Administrations and companies shall report newly started, existing and closed accounts twice a year (in February and September) to the City Executive Office's communications unit. … The report shall show … a link to each account",
		},
	}
	everyAccountSection = Section{
		Ref:   refEveryAcc,
		Title: Text{SV: "Varje konto ska ha", EN: "Every account shall have"},
		Quote: Text{
			SV: "Varje konto ska ha … ett tydligt syfte kopplat till förvaltningens eller bolagets verksamhetsplan/uppdrag … mätbara mål och identifierade målgrupper … en utsedd ansvarig för kontot som ansvarar för planering, publicering, uppföljning, bevakning och moderering.",
			EN: "Every account shall have … a clear purpose linked to the administration's or company's business plan/mission … measurable goals and identified target audiences … an appointed person responsible for the account, who is responsible for planning, publishing, follow-up, monitoring and moderation.",
		},
	}
)
