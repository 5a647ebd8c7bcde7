package registry

// StockholmAdministrations is the default list of the city's
// administrations and companies that own accounts: the bodies the city
// board asked to comment on the social-media policy (KS 2018/1303), each
// named as its administration (förvaltning) or company rather than its
// committee. It is sorted in Swedish order. Configuration can replace it
// when the city reorganises; WriteTemplate and Check take the list to use.
var StockholmAdministrations = []string{
	"AB Familjebostäder",
	"AB Stockholmshem",
	"AB Svenska Bostäder",
	"Arbetsmarknadsförvaltningen",
	"Bromma stadsdelsförvaltning",
	"Enskede-Årsta-Vantörs stadsdelsförvaltning",
	"Exploateringskontoret",
	"Farsta stadsdelsförvaltning",
	"Fastighetskontoret",
	"Hägersten-Liljeholmens stadsdelsförvaltning",
	"Hässelby-Vällingby stadsdelsförvaltning",
	"Idrottsförvaltningen",
	"Kulturförvaltningen",
	"Kungsholmens stadsdelsförvaltning",
	"Kyrkogårdsförvaltningen",
	"Miljöförvaltningen",
	"Norrmalms stadsdelsförvaltning",
	"Rinkeby-Kista stadsdelsförvaltning",
	"Serviceförvaltningen",
	"Skarpnäcks stadsdelsförvaltning",
	"Skolfastigheter i Stockholm AB (SISAB)",
	"Skärholmens stadsdelsförvaltning",
	"Socialförvaltningen",
	"Spånga-Tensta stadsdelsförvaltning",
	"Stadsbyggnadskontoret",
	"Stadsledningskontoret",
	"Stockholm Business Region AB",
	"Stockholm Parkering AB",
	"Stockholm Vatten och Avfall AB",
	"Stockholms Hamn AB",
	"Stockholms Stadshus AB",
	"Södermalms stadsdelsförvaltning",
	"Trafikkontoret",
	"Utbildningsförvaltningen",
	"Valnämndens kansli",
	"Äldreförvaltningen",
	"Älvsjö stadsdelsförvaltning",
	"Östermalms stadsdelsförvaltning",
	"Överförmyndarförvaltningen",
}
