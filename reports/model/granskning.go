package model

import "github.com/stockholm-stad/smaudit/rules"

// Granskning is a report as a Swedish municipal audit report
// (granskningsrapport) opens: a summary a director reads in a minute,
// the assessment, the recommendations, and an introduction saying what
// was audited against what, how, and how far to trust it. Build writes
// it once, so every format says the same.
type Granskning struct {
	// Summary is one paragraph: how the report's accounts stand, better
	// or worse than the previous scan, and the three most important
	// actions.
	Summary rules.Text
	// Assessment are the paragraphs of the bedömning: the overall
	// verdict, the shortcomings by requirement, what the verdict rests on.
	Assessment []rules.Text
	// Recommendations are the actions asked for, most important first, at
	// most MaxRecommendations.
	Recommendations []Recommendation
	// Intro are the introduction's sections: purpose, criteria, scope,
	// what is not audited, method, audit period and reliability.
	Intro []IntroSection
}

// IntroSection is one headed section of a report's introduction.
type IntroSection struct {
	Title, Body rules.Text
}

// Assessment scale: the share of automatically judged checkpoints met
// that the overall verdict calls "mainly" and "partly" meeting the
// policy. The assessment states the scale with the verdict.
const (
	MainlyMet = 0.9
	PartlyMet = 0.7
)

// granskningOf writes the report prose of one scope.
func granskningOf(s *scope) Granskning {
	g := Granskning{Recommendations: recommendations(s)}
	g.Summary = summaryOf(s, g.Recommendations)
	g.Assessment = assessmentOf(s)
	g.Intro = introOf(s)
	return g
}
