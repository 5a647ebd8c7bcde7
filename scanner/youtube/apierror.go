package youtube

import (
	"encoding/json"
	"errors"
	"net/http"
	"regexp"
	"strings"

	"github.com/stockholm-stad/smaudit/scanner"
)

// apiErrorBody is the error answer of Google APIs: the older errors[]
// reasons and the newer google.rpc.ErrorInfo details alike.
type apiErrorBody struct {
	Error struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Status  string `json:"status"`
		Errors  []struct {
			Reason string `json:"reason"`
		} `json:"errors"`
		Details []struct {
			Reason string `json:"reason"`
		} `json:"details"`
	} `json:"error"`
}

// reasons lists every reason the answer gives.
func (b apiErrorBody) reasons() []string {
	var out []string
	for _, e := range b.Error.Errors {
		out = append(out, e.Reason)
	}
	for _, d := range b.Error.Details {
		out = append(out, d.Reason)
	}
	return out
}

// Plain-words details of the Data API's answers.
const (
	detailQuota      = "YouTube API quota exceeded"
	detailKeyRefused = "the API key was refused"
)

// quotaReasons and keyReasons are the Data API's reasons for running out
// of quota and for an unusable key.
var (
	quotaReasons = map[string]bool{"quotaExceeded": true, "dailyLimitExceeded": true, "RATE_LIMIT_EXCEEDED": true}
	keyReasons   = map[string]bool{"keyInvalid": true, "keyExpired": true, "API_KEY_INVALID": true, "API_KEY_EXPIRED": true}
)

// tagRe matches the HTML tags Google puts in its messages.
var tagRe = regexp.MustCompile(`<[^>]*>`)

// apiError turns a failed Data API request into the adapter's error: the
// fetcher's kind kept, the detail said in plain words, a missing playlist
// as ErrNotFound. The key never shows: it is only ever in a header, and
// any echo of it in an answer is redacted.
func (a *Adapter) apiError(u string, resp *scanner.Response, err error) error {
	fe := *scanner.AsFetchError(err)
	fe.URL = u
	fe.Detail = a.redact(fe.Detail)
	if fe.Kind != scanner.ErrHTTPStatus || resp == nil {
		return &fe
	}
	var body apiErrorBody
	if json.Unmarshal(resp.Body, &body) != nil {
		return &fe
	}
	msg := strings.TrimSpace(tagRe.ReplaceAllString(body.Error.Message, ""))
	if msg != "" {
		fe.Detail = a.redact(msg)
	}
	for _, r := range body.reasons() {
		switch {
		case quotaReasons[r]:
			fe.Detail = detailQuota
			return &fe
		case keyReasons[r]:
			fe.Detail = detailKeyRefused
			return &fe
		case r == "commentsDisabled":
			// Not a failure: the video takes no comments, so nobody
			// can have asked a question under it.
			fe.Detail = errCommentsDisabled.Error()
			fe.Err = errors.Join(errCommentsDisabled, fe.Err)
			return &fe
		case r == "playlistNotFound":
			fe.Kind = scanner.ErrNotFound
			fe.Detail = "the channel's uploads playlist does not exist"
			return &fe
		}
	}
	if resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden {
		fe.Detail = detailKeyRefused + ": " + fe.Detail
	}
	return &fe
}
