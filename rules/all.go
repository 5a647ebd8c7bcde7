package rules

import "fmt"

// All returns the policy's rules built with cfg, in report order.
func All(cfg Config) []Rule {
	return []Rule{
		{
			ID:      AccountExists,
			Section: reqReportLink,
			Checks: Text{
				SV: "Att kontot i registret finns på plattformen, det vill säga inte är raderat, avstängt eller felstavat.",
				EN: "That the account in the registry exists on the platform, that is, is not deleted, suspended or misspelt.",
			},
			PassTitle: Text{SV: "Kontot finns", EN: "The account exists"},
			FailTitle: Text{SV: "Registret listar ett konto som inte finns", EN: "The registry lists an account that does not exist"},
			Question: Text{
				SV: "Finns kontot på länken i kontoförteckningen, och är det öppet (inte raderat eller avstängt)?",
				EN: "Does the account exist at the link in the registry, and is it open (not deleted or suspended)?",
			},
			Fix: Text{
				SV: "Kontrollera länken i kontoförteckningen. Om kontot är avslutat: ta bort det ur förteckningen och rapportera det som avslutat. Om länken är fel: rätta den.",
				EN: "Check the link in the registry. If the account has been closed, remove it from the registry and report it as closed. If the link is wrong, correct it.",
			},
			Thresholds: Text{SV: "Plattformen svarar att kontot finns.", EN: "The platform answers that the account exists."},
			check:      checkExists,
			Samples:    existsSamples,
		},
		{
			ID:      CityAffiliation,
			Section: reqAffiliation,
			Checks: Text{
				SV: "Att profilen säger vilken förvaltning eller vilket bolag som står bakom kontot och att den ingår i Stockholms stad.",
				EN: "That the profile says which administration or company runs the account and that it is part of the City of Stockholm.",
			},
			PassTitle: Text{SV: "Profilen säger vem som står bakom kontot", EN: "The profile says who runs the account"},
			FailTitle: Text{SV: "Profilen säger inte tydligt vem som står bakom kontot", EN: "The profile does not clearly say who runs the account"},
			Question: Text{
				SV: "Framgår det vilken verksamhet som står bakom kontot och att verksamheten ingår i Stockholms stad?",
				EN: "Does it show which operation is behind the account and that the operation is part of the City of Stockholm?",
			},
			Fix: Text{
				SV: "Skriv i profiltexten vilken förvaltning eller vilket bolag som driver kontot och att den ingår i Stockholms stad, till exempel: ”Kontot drivs av Kulturförvaltningen i Stockholms stad.” En länk till stockholm.se räcker inte.",
				EN: "Write in the profile text which administration or company runs the account and that it is part of the City of Stockholm, for example: “This account is run by the Culture Administration, City of Stockholm.” A link to stockholm.se is not enough.",
			},
			NeedsFetch: true,
			Thresholds: affiliationThresholds(cfg),
			check:      checkAffiliation(cfg),
			Samples:    affiliationSamples,
		},
		{
			ID:      ContentDescription,
			Section: reqDescription,
			Checks: Text{
				SV: "Att profilen har en kort beskrivning av vad man kan förvänta sig för innehåll från kontot.",
				EN: "That the profile has a short description of what content to expect from the account.",
			},
			PassTitle: Text{SV: "Profilen beskriver vad kontot innehåller", EN: "The profile describes what the account offers"},
			FailTitle: Text{SV: "Profilen saknar en beskrivning av vad kontot innehåller", EN: "The profile does not describe what the account offers"},
			Question: Text{
				SV: "Finns en kort beskrivning av vad användaren kan förvänta sig för innehåll från kontot?",
				EN: "Is there a short description of what content the user can expect from the account?",
			},
			Fix: Text{
				SV: "Skriv en eller två meningar i profilens beskrivning om vad kontot handlar om och vad följarna kan förvänta sig, till exempel: ”Här tipsar vi om program och evenemang på stadens bibliotek.”",
				EN: "Write one or two sentences in the profile description about what the account is about and what followers can expect, for example: “Tips on programmes and events at the city's libraries.”",
			},
			NeedsFetch: true,
			Thresholds: descriptionThresholds(cfg),
			check:      checkDescription(cfg),
			Samples:    descriptionSamples,
		},
		{
			ID:      ParticipationTerms,
			Section: reqTerms,
			Checks: Text{
				SV: "Att profilen berättar vilka villkor som gäller för att delta, till exempel att inlägg kan bli allmän handling, eller länkar till villkoren.",
				EN: "That the profile tells the terms of taking part, for example that a post can become a public record, or links to the terms.",
			},
			PassTitle: Text{SV: "Profilen berättar villkoren för att delta", EN: "The profile tells the terms of taking part"},
			FailTitle: Text{SV: "Profilen berättar inte villkoren för att delta", EN: "The profile does not tell the terms of taking part"},
			Question: Text{
				SV: "Framgår vilka villkor som gäller för att delta, till exempel att ett inlägg kan bli allmän handling?",
				EN: "Does it show which terms apply to taking part, for example that a post can become a public record?",
			},
			Fix: Text{
				SV: "Skriv i profilen att inlägg och kommentarer kan bli allmänna handlingar, till exempel: ”Det du skriver här kan bli allmän handling.” Lägg gärna till en länk till stadens kommentarsregler.",
				EN: "Write in the profile that posts and comments can become public records, for example: “What you write here can become a public record.” Add a link to the city's comment rules if you can.",
			},
			NeedsFetch: true,
			Thresholds: participationThresholds(cfg),
			check:      checkParticipation(cfg),
			Samples:    participationSamples,
		},
		{
			ID:      ContactDetails,
			Section: reqContact,
			Checks: Text{
				SV: "Att profilen har kontaktuppgifter till verksamheten: e-postadress, telefonnummer eller en länk till en kontaktsida.",
				EN: "That the profile has contact details of the administration: an e-mail address, a phone number or a link to a contact page.",
			},
			PassTitle: Text{SV: "Profilen har kontaktuppgifter", EN: "The profile has contact details"},
			FailTitle: Text{SV: "Profilen saknar kontaktuppgifter", EN: "The profile has no contact details"},
			Question: Text{
				SV: "Finns kontaktuppgifter till den verksamhet som står bakom kontot?",
				EN: "Are there contact details of the operation behind the account?",
			},
			Fix: Text{
				SV: "Lägg till verksamhetens e-postadress eller telefonnummer i profilen, eller en länk till verksamhetens kontaktsida.",
				EN: "Add the administration's e-mail address or phone number to the profile, or a link to its contact page.",
			},
			NeedsFetch: true,
			Thresholds: contactThresholds(cfg),
			check:      checkContact(cfg),
			Samples:    contactSamples,
		},
		{
			ID:      WebsiteLink,
			Section: reqWebsite,
			Checks: Text{
				SV: "Att profilen länkar till verksamhetens webbplats: stockholm.se, start.stockholm eller webbplatsen i registret.",
				EN: "That the profile links to the administration's website: stockholm.se, start.stockholm or the website in the registry.",
			},
			PassTitle: Text{SV: "Profilen länkar till verksamhetens webbplats", EN: "The profile links to the administration's website"},
			FailTitle: Text{SV: "Profilen länkar inte till verksamhetens webbplats", EN: "The profile does not link to the administration's website"},
			Question: Text{
				SV: "Finns en länk till verksamhetens webbplats?",
				EN: "Is there a link to the operation's website?",
			},
			Fix: Text{
				SV: "Lägg in en länk till verksamhetens sida på stockholm.se, eller till verksamhetens egen webbplats, i profilens länkfält.",
				EN: "Put a link to the administration's page on stockholm.se, or to its own website, in the profile's link field.",
			},
			NeedsFetch: true,
			Thresholds: websiteThresholds(cfg),
			check:      checkWebsite(cfg),
			Samples:    websiteSamples,
		},
		{
			ID:      PostingFrequency,
			Section: reqPosting,
			Checks: Text{
				SV: "Att kontot publicerar egna inlägg minst ett par gånger i veckan, i snitt över granskningsperioden. Svar och delningar räknas inte.",
				EN: "That the account publishes its own posts at least a couple of times a week, on average over the audit period. Replies and reposts do not count.",
			},
			PassTitle: Text{SV: "Kontot publicerar tillräckligt ofta", EN: "The account posts often enough"},
			FailTitle: Text{SV: "Kontot publicerar för sällan", EN: "The account posts too rarely"},
			Question: Text{
				SV: fmt.Sprintf("Publiceras nya egna inlägg minst ett par gånger i veckan? Räkna de egna inläggen (inte svar eller delningar) under de senaste %d dagarna.", cfg.Posting.WindowDays),
				EN: fmt.Sprintf("Are new own posts published at least a couple of times a week? Count the own posts (not replies or shares) of the last %d days.", cfg.Posting.WindowDays),
			},
			Fix: Text{
				SV: "Planera in egna inlägg minst ett par gånger i veckan. Vid semester och helgdagar får ni publicera mer sällan, men berätta det då i ett inlägg på kontot.",
				EN: "Plan your own posts at least a couple of times a week. During holidays you may post less often, but say so in a post on the account.",
			},
			NeedsFetch: true,
			Thresholds: postingThresholds(cfg),
			check:      checkPosting(cfg),
			Samples:    postingSamples,
			Record:     recordPosting(cfg),
		},
		{
			ID:      InactiveAccount,
			Section: reqClosing,
			Checks: Text{
				SV: "Att kontot fortfarande används, det vill säga har publicerat ett eget inlägg nyligen. Konton som inte används ska avslutas.",
				EN: "That the account is still in use, that is, has published an own post recently. Accounts no longer used shall be closed.",
			},
			PassTitle: Text{SV: "Kontot används", EN: "The account is in use"},
			FailTitle: Text{SV: "Kontot verkar inte användas längre", EN: "The account seems to be no longer used"},
			Question: Text{
				SV: fmt.Sprintf("Används kontot fortfarande, det vill säga finns ett eget inlägg från de senaste %d dagarna? Om inte ska kontot avslutas.", cfg.InactiveDays),
				EN: fmt.Sprintf("Is the account still in use, that is, is there an own post from the last %d days? If not, the account shall be closed.", cfg.InactiveDays),
			},
			Fix: Text{
				SV: "Börja publicera igen, eller avsluta kontot: skriv ett sista inlägg om att kontot ska avslutas och varför, hänvisa till andra kontaktvägar eller konton, och följ stadsarkivets vägledning för arkivering.",
				EN: "Start posting again, or close the account: write a last post saying that the account will be closed and why, point to other ways of contact or accounts, and follow the City Archives' guidance on archiving.",
			},
			NeedsFetch: true,
			Thresholds: inactiveThresholds(cfg),
			check:      checkInactive(cfg),
			Samples:    inactiveSamples,
		},
		{
			ID:      RegistryComplete,
			Section: reqEveryAccount,
			Checks: Text{
				SV: "Att registret anger kontots syfte, mål, målgrupp och ansvarig.",
				EN: "That the registry gives the account's purpose, goals, audience and owner.",
			},
			PassTitle: Text{SV: "Registret har syfte, mål, målgrupp och ansvarig", EN: "The registry has purpose, goals, audience and owner"},
			FailTitle: Text{SV: "Registret saknar uppgifter om kontot", EN: "The registry lacks details of the account"},
			Question: Text{
				SV: "Anger kontoförteckningen kontots syfte, mål, målgrupp och ansvarig?",
				EN: "Does the registry give the account's purpose, goals, audience and owner?",
			},
			Fix: Text{
				SV: "Fyll i kolumnerna Syfte, Mål, Målgrupp och Ansvarig för kontot i registret och rapportera dem till stadsledningskontorets kommunikationsenhet.",
				EN: "Fill in the columns Syfte (purpose), Mål (goals), Målgrupp (audience) and Ansvarig (owner) for the account in the registry and report them to the City Executive Office's communications unit.",
			},
			NeedsFetch: false,
			Thresholds: Text{
				SV: "Kolumnerna Syfte, Mål, Målgrupp och Ansvarig får inte vara tomma.",
				EN: "The columns Syfte, Mål, Målgrupp and Ansvarig must not be empty.",
			},
			check:   checkRegistry,
			Samples: registrySamples,
		},
	}
}
