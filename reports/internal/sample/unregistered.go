package sample

import "github.com/stockholm-stad/smaudit/reports/model"

// sampleUnregistered is what discovery hands over: sorted by platform and
// URL, one account found on several pages, one on a page whose address
// is not a usable link, and one whose scraped address looks like a formula.
func sampleUnregistered() []model.Unregistered {
	return []model.Unregistered{
		{Platform: "facebook", URL: "https://www.facebook.com/forskolanistockholm", FoundOn: []string{"https://start.stockholm/forskola/"}},
		{Platform: "linkedin", URL: "https://www.linkedin.com/company/stockholms-stad", FoundOn: []string{
			"https://start.stockholm/", "https://start.stockholm/jobb/", "https://start.stockholm/om-stockholms-stad/"}},
		{Platform: "mastodon", URL: "https://social.example/@bibliotek", FoundOn: []string{"=HYPERLINK(\"x\")"}},
		{Platform: "tiktok", URL: "https://www.tiktok.com/@stadsbiblioteket", FoundOn: []string{"https://social.example/@kulturhuset"}},
	}
}

func unregisteredReport(lang string, list []model.Unregistered) *model.Report {
	return sampleReportWith(lang, model.Inputs{Unregistered: list})
}
