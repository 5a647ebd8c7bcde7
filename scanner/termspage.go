package scanner

// TermsPage is the one terms page an account's profile links to (its
// comment rules, its terms of taking part), as the scan read it: the
// policy lets the profile say how comments are moderated either itself or
// on the terms it links to, so moderation-info judges the two together.
// The scan follows one such link per account, as a page a person opens
// (robots.txt applies), and keeps only the page's main text.
type TermsPage struct {
	// URL is the link as the profile gives it.
	URL string
	// Text is the page's main text, one block a line, at most
	// MaxTermsText bytes; empty when Err is set.
	Text string
	// Cut says the page's text was longer than MaxTermsText and Text
	// holds only its beginning: what the page says further down is
	// unknown, and the rule must not fail it for words it did not read.
	Cut bool
	// Err says why the page could not be read: robots.txt forbids it,
	// the server answered 404, it is not an HTML page. The rule then
	// hands the account to a person with the reason.
	Err *FetchError
}

// MaxTermsText bounds the text a TermsPage keeps, in bytes. A city's
// comment rules fit in a few kilobytes; a long page's words past the cut
// are not read.
const MaxTermsText = 16 << 10
