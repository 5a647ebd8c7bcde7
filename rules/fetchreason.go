package rules

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// errorKindText explains a fetch error kind in plain words.
var errorKindText = map[scanner.ErrorKind]Text{
	scanner.ErrHTTPStatus:     {SV: "servern svarade med ett felmeddelande", EN: "the server answered with an error"},
	scanner.ErrTimeout:        {SV: "servern svarade inte i tid", EN: "the server did not answer in time"},
	scanner.ErrRefusedAddress: {SV: "adressen leder till ett internt nätverk och hämtas inte", EN: "the address leads to an internal network and is not fetched"},
	scanner.ErrUnparseable:    {SV: "svaret gick inte att tolka", EN: "the answer could not be understood"},
	scanner.ErrRobots:         {SV: "webbplatsens robots.txt förbjuder hämtning", EN: "the site's robots.txt forbids fetching"},
	scanner.ErrTooLarge:       {SV: "svaret var för stort", EN: "the answer was too large"},
	scanner.ErrNetwork:        {SV: "det gick inte att nå servern", EN: "the server could not be reached"},
	scanner.ErrInvalidInput:   {SV: "raden i registret går inte att använda", EN: "the registry row is unusable"},
	scanner.ErrNotFound:       {SV: "kontot finns inte på plattformen", EN: "the account does not exist on the platform"},
	scanner.ErrCanceled:       {SV: "skanningen avbröts", EN: "the scan was interrupted"},
	scanner.ErrBlocked:        {SV: "plattformen visade en spärr i stället för kontot", EN: "the platform showed a wall instead of the account"},
	scanner.ErrRateLimited:    {SV: "plattformens gräns för antal anrop hann inte återställas före granskningens tidsgräns", EN: "the platform's rate limit did not reset before the audit's deadline"},
}

// httpStatusSV is the Swedish for the HTTP statuses platforms answer
// audits with; English uses the standard reason phrase.
var httpStatusSV = map[int]string{
	http.StatusBadRequest:                 "felaktig begäran",
	http.StatusUnauthorized:               "inloggning krävs",
	http.StatusForbidden:                  "åtkomst nekad",
	http.StatusNotFound:                   "hittades inte",
	http.StatusMethodNotAllowed:           "metoden tillåts inte",
	http.StatusRequestTimeout:             "servern väntade för länge på begäran",
	http.StatusGone:                       "sidan är borttagen",
	http.StatusTooManyRequests:            "för många anrop",
	http.StatusUnavailableForLegalReasons: "inte tillgänglig av rättsliga skäl",
	http.StatusInternalServerError:        "internt serverfel",
	http.StatusNotImplemented:             "servern kan inte utföra begäran",
	http.StatusBadGateway:                 "fel i en mellanliggande server",
	http.StatusServiceUnavailable:         "tjänsten är inte tillgänglig",
	http.StatusGatewayTimeout:             "en mellanliggande server svarade inte i tid",
}

// HTTPStatus words an HTTP status for a report: "HTTP 503, tjänsten är
// inte tillgänglig" and "HTTP 503 Service Unavailable". A status without a
// Swedish phrase of its own is worded by its class.
func HTTPStatus(code int) Text {
	sv, ok := httpStatusSV[code]
	switch {
	case ok:
	case code >= 500:
		sv = "serverfel"
	case code >= 400:
		sv = "begäran avvisades"
	default:
		sv = "oväntat svar"
	}
	en := strings.TrimSpace(fmt.Sprintf("HTTP %d %s", code, http.StatusText(code)))
	return Text{SV: fmt.Sprintf("HTTP %d, %s", code, sv), EN: en}
}

// FetchReason says in words why an account, or a page of it, could not
// be read, for the reader of a report: the kind of failure, the HTTP status
// in words, and whether the request was skipped because its server had
// already failed. The server's own text (e.Detail, in whatever language
// the server speaks) is added to the English only: the Swedish reports
// carry no English, and results.json keeps the detail in the evidence.
func FetchReason(e *scanner.FetchError) Text {
	if e == nil {
		return Text{SV: "okänt fel", EN: "unknown error"}
	}
	why, ok := errorKindText[e.Kind]
	if !ok {
		why = Text{SV: "okänt fel", EN: "unknown error (" + string(e.Kind) + ")"}
	}
	switch {
	case e.StatusCode != 0:
		st := HTTPStatus(e.StatusCode)
		if e.Kind == scanner.ErrNotFound {
			// The kind says it already; a platform may answer a missing
			// account with 400, whose words ("felaktig begäran") would
			// only confuse.
			st.SV = fmt.Sprintf("HTTP %d", e.StatusCode)
		}
		why.SV += " (" + st.SV + ")"
		if e.Detail != "" && e.Detail != http.StatusText(e.StatusCode) {
			st.EN += ": " + e.Detail
		}
		why.EN += " (" + st.EN + ")"
	case e.Detail != "" && e.Kind != scanner.ErrInvalidInput:
		why.EN += " (" + e.Detail + ")"
	}
	if e.Skipped {
		// The host stopped answering earlier in this scan; asking it
		// again for every account would cost minutes each.
		why.SV += "; samma server svarade inte tidigare i granskningen, så kontot hoppades över"
		why.EN += "; the same server did not answer earlier in the audit, so the account was skipped"
	}
	return why
}

// errorEvidence is the evidence of a failed fetch: the status or kind in
// the reader's language, linked to page (what a person would open to see
// for themselves, when there is one) with the address that failed as its
// Source. Value keeps the technical error for results.json.
func errorEvidence(e *scanner.FetchError, page string) Evidence {
	short := Text{SV: errorKindText[e.Kind].SV, EN: errorKindText[e.Kind].EN}
	if short.SV == "" {
		short = Text{SV: "okänt fel", EN: string(e.Kind)}
	}
	if e.StatusCode != 0 {
		short = HTTPStatus(e.StatusCode)
		if e.Kind == scanner.ErrNotFound {
			short.SV = fmt.Sprintf("HTTP %d, kontot finns inte", e.StatusCode)
		}
	}
	if e.Detail != "" {
		short.EN += ": " + e.Detail
	}
	ev := Evidence{
		Label:     Text{SV: "Fel vid hämtning", EN: "Fetch error"},
		Value:     strings.TrimSuffix(strings.TrimSuffix(e.Error(), " ("+e.URL+")"), " ()"),
		ValueText: short,
		URL:       page,
		Source:    e.URL,
	}
	if !isWebURL(ev.Source) || ev.Source == ev.URL {
		ev.Source = ""
	}
	return ev
}
