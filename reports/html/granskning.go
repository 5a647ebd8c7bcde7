package html

import (
	"strings"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// The parts of a report a Swedish municipal audit report
// (granskningsrapport) opens with: the summary paragraph, the assessment,
// the recommendations and the introduction. The model words them once;
// a page lays out what the model has and leaves out what it has not.

// recommendation is one action the report asks for.
type recommendation struct {
	Text, Detail string
}

// granskningSections add the assessment, the recommendations and the
// introduction, each under its heading, when the model has them.
func (p *page) granskningSections(g model.Granskning) {
	lang := p.Lang
	if len(g.Assessment) > 0 {
		var blocks []block
		for _, para := range g.Assessment {
			blocks = append(blocks, block{Para: para.In(lang)})
		}
		p.add("assessment", hL(lang, "section.assessment"), blocks...)
	}
	if len(g.Recommendations) > 0 {
		var recs []recommendation
		for _, rec := range g.Recommendations {
			detail := rules.SeverityName.In(lang) + ": " + rec.Severity.Label().In(lang)
			if len(rec.Accounts) > 0 {
				detail += ". " + hL(lang, "recommendation.accounts") + ": " + strings.Join(rec.Accounts, ", ")
			}
			recs = append(recs, recommendation{Text: rec.Text.In(lang), Detail: detail + "."})
		}
		p.add("recommendations", hL(lang, "section.recommendations"), block{Recommendations: recs})
	}
	if len(g.Intro) > 0 {
		var blocks []block
		for _, s := range g.Intro {
			blocks = append(blocks, block{Sub: s.Title.In(lang)}, block{Para: s.Body.In(lang)})
		}
		p.add("intro", hL(lang, "section.intro"), blocks...)
	}
}

// summaryLead is the summary paragraph a director reads in a minute, as
// the first block of the summary when the model has one.
func summaryLead(lang string, g model.Granskning) []block {
	if s := g.Summary.In(lang); s != "" {
		return []block{{Lead: s}}
	}
	return nil
}
