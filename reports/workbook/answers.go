package workbook

import "github.com/stockholm-stad/smaudit/reports/model"

// AnswerWords are the answers an administration can give, in lang: the
// writer offers them in a drop-down and the reader accepts only them.
func AnswerWords(lang string) []string {
	words := make([]string, len(model.ResponseAnswers))
	for i, a := range model.ResponseAnswers {
		words[i] = model.ResponseAnswer(lang, a.SV)
	}
	return words
}
