package pdf

import (
	"fmt"
	"slices"
	"strings"

	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/rules"
)

// An administration's report shows, per account, what needs doing: its
// failing findings first, then what a person must check and what could
// not be checked, each in full. The passed checks are one line naming
// them; their messages, evidence and policy text are in an appendix at
// the end. A report with one failing point is then a few pages, not
// fourteen.

// pdfStatusRank orders an account's findings for reading as
// rules.SortFindings does: failures, then what could not be checked, what
// a person must check, what was waived, and what passed.
var pdfStatusRank = map[rules.Status]int{rules.Fail: 0, rules.Error: 1, rules.Manual: 2, rules.Waived: 3, rules.Pass: 4}

// pdfOpenFirst returns the findings that are not passes, failures first
// and otherwise in the order given (the rules' order, by severity), and
// the passes.
func pdfOpenFirst(findings []rules.Finding) (open, passed []rules.Finding) {
	for _, fd := range findings {
		if fd.Status == rules.Pass {
			passed = append(passed, fd)
		} else {
			open = append(open, fd)
		}
	}
	slices.SortStableFunc(open, func(a, b rules.Finding) int {
		return pdfStatusRank[a.Status] - pdfStatusRank[b.Status]
	})
	return open, passed
}

// passedLine draws, under an account's open findings, one line naming its
// passed checks: "7 av 9 kontrollpunkter uppfyllda: …".
func (d *pdfDoc) passedLine(points int, passed []rules.Finding, catalog map[string]rules.Rule) {
	if len(passed) == 0 {
		return
	}
	lang := d.lang
	names := make([]string, len(passed))
	for i, fd := range passed {
		names[i] = fd.Rule
		if rl, ok := catalog[fd.Rule]; ok {
			names[i] = rl.PassTitle.In(lang)
		}
	}
	key := "passed.line"
	if points == 1 {
		key = "passed.lineOne"
	}
	f := d.f
	f.Ln(3)
	d.need(10)
	bw := d.badge(rules.Pass, 5)
	f.SetX(f.GetX() + 2)
	d.indent(bw + 2)
	d.para(fmt.Sprintf(pdfL(lang, key), len(passed), points)+": "+strings.Join(names, "; ")+".", "", pdfBodySize, pdfInk)
	d.indent(-bw - 2)
}

// passedAppendix lists every passed check of the accounts, account by
// account, as a table of the check, its assessment and its evidence, and
// then, once per rule, the policy text the checks enforce.
func (d *pdfDoc) passedAppendix(accounts []*rules.Judged, catalog map[string]rules.Rule) {
	lang := d.lang
	heading := false
	var quoted []string
	seen := map[string]bool{}
	for _, j := range accounts {
		_, passed := pdfOpenFirst(j.Findings)
		if len(passed) == 0 {
			continue
		}
		if !heading {
			d.headingKeep(pdfL(lang, "section.passed"), 40)
			d.para(pdfL(lang, "passed.explain"), "", pdfBodySize, pdfMuted)
			heading = true
		}
		d.f.Ln(3)
		d.need(20)
		d.subheading(j.Result.Account.Name, 11)
		// The account's page is printed once under its name; evidence
		// that only points at it leaves the address out, so the table
		// is not the same address ten times over.
		page := pdfAccountPage(j)
		if page != "" {
			d.para(page, "", pdfBodySize, pdfMuted)
		}
		d.f.Ln(1)
		var rows []pdfRow
		for _, fd := range passed {
			name := fd.Rule
			if rl, ok := catalog[fd.Rule]; ok {
				name = rl.PassTitle.In(lang) + " (" + rl.Section.Ref + ")"
				if !seen[fd.Rule] {
					seen[fd.Rule] = true
					quoted = append(quoted, fd.Rule)
				}
			}
			var evidence []string
			for _, e := range fd.Evidence {
				if e.URL == page {
					e.URL = ""
				}
				evidence = append(evidence, model.EvidenceLine(lang, e))
			}
			rows = append(rows, pdfRow{{text: name, bold: true}, {text: fd.Message.In(lang)}, {text: strings.Join(evidence, "; ")}})
		}
		d.table([]pdfCol{
			{pdfL(lang, "col.checkpoint"), 28, "L"},
			{model.L(lang, "col.message"), 38, "L"},
			{model.L(lang, "col.evidence"), 34, "L"},
		}, rows)
	}
	if len(quoted) == 0 {
		return
	}
	d.f.Ln(2)
	d.need(25)
	d.subheading(pdfL(lang, "passed.policy"), 11)
	// Each section's number and title lead its words in one paragraph:
	// an appendix is read to look things up, and a line each for the
	// titles would take a page more.
	// A list item is quoted after its list's lead-in, joined by " … "
	// (the five Basinformation items): the lead-in is printed with the
	// first item only, and the next items start at their own words.
	lastLead := ""
	for _, id := range pdfCatalogOrder(catalog, quoted) {
		rl := catalog[id]
		words := rl.Section.Quote.In(lang)
		lead, item, listed := strings.Cut(words, " … ")
		if listed && lead == lastLead {
			words = "… " + item
		}
		lastLead = ""
		if listed {
			lastLead = lead
		}
		d.f.Ln(0.8)
		d.need(10)
		d.quoteAt(rl.Section.Title.In(lang)+": "+pdfQuote(lang, words), 8)
	}
}

// pdfAccountPage is the address an account's evidence mostly points at:
// the page the platform shows people, or the registry's link.
func pdfAccountPage(j *rules.Judged) string {
	if p := j.Result.Fetched.Page; p != "" {
		return p
	}
	return j.Result.Account.URL
}

// pdfCatalogOrder returns ids in the order of the policy's sections.
func pdfCatalogOrder(catalog map[string]rules.Rule, ids []string) []string {
	out := slices.Clone(ids)
	slices.SortStableFunc(out, func(a, b string) int {
		return strings.Compare(catalog[a].Section.Ref, catalog[b].Section.Ref)
	})
	return out
}
