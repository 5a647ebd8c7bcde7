package pdf

import (
	"strings"
	"unicode"
)

// gofpdf's MultiCell and SplitText break a word wider than the column
// wherever the column ends ("Utbildningsförvaltning" over "en"), which
// reads as two words. pdfWrap wraps at spaces only, and breaks a word
// that alone is wider than the column at a point a reader expects: after
// a hyphen, slash or other joint of a compound or URL, else at a
// syllable-like point with a hyphen added.

// pdfWrap wraps s to lines no wider than w as measured by width; it
// always returns at least one line. s is one line (cleaned): runs of
// spaces between words become one space at a line break and stay as
// they are inside a line.
func pdfWrap(s string, w float64, width func(string) float64) []string {
	parts := pdfWrapParts(s, w, width)
	lines := make([]string, len(parts))
	for i, p := range parts {
		lines[i] = p.text
		if p.hyphen {
			lines[i] += "-"
		}
	}
	return lines
}

// pdfWrapped is one wrapped line: its text, and whether the wrap broke a
// word after it (inWord) and added a hyphen there (hyphen).
type pdfWrapped struct {
	text           string
	inWord, hyphen bool
}

// pdfWrapParts is pdfWrap telling where it broke words.
func pdfWrapParts(s string, w float64, width func(string) float64) []pdfWrapped {
	// Widths add up (the fonts have no kerning), so each word is measured
	// once and a line's width is kept as it grows: measuring the whole
	// line again for every word made long paragraphs quadratic.
	space := width(" ")
	var lines []pdfWrapped
	var line strings.Builder
	lineW := 0.0
	for _, word := range strings.Split(s, " ") {
		wordW := width(word)
		candW := wordW
		if line.Len() > 0 {
			candW = lineW + space + wordW
		}
		if candW <= w || (line.Len() == 0 && word == "") {
			if line.Len() > 0 {
				line.WriteByte(' ')
			}
			line.WriteString(word)
			lineW = candW
			continue
		}
		if text := line.String(); strings.TrimSpace(text) != "" {
			lines = append(lines, pdfWrapped{text: strings.TrimRight(text, " ")})
		}
		line.Reset()
		for word != "" && wordW > w {
			head, tail, hyphen := pdfBreakWord(word, w, width)
			lines = append(lines, pdfWrapped{text: head, inWord: true, hyphen: hyphen})
			word = tail
			wordW = width(word)
		}
		line.WriteString(word)
		lineW = wordW
	}
	if line.Len() > 0 || len(lines) == 0 {
		lines = append(lines, pdfWrapped{text: line.String()})
	}
	return lines
}

// pdfBreakWord splits a word wider than w into a first line that fits
// and the rest, and says whether a hyphen goes after the first line. It
// prefers, from the end, a joint the word has (after "-", "/", "." and
// the like: a URL or a written compound), then a syllable-like point
// where it adds a hyphen, and only when neither fits cuts the word with
// a hyphen where the line ends. At least one character always goes on
// the first line, so wrapping ends.
func pdfBreakWord(word string, w float64, width func(string) float64) (head, tail string, hyphen bool) {
	runes := []rune(word)
	// The longest prefix that fits with a hyphen after it.
	fit := 0
	for i := 1; i < len(runes); i++ {
		if width(string(runes[:i])+"-") > w {
			break
		}
		fit = i
	}
	if fit == 0 {
		return string(runes[:1]), string(runes[1:]), false
	}
	for i := fit; i >= 2; i-- {
		if pdfJoint(runes[i-1]) && width(string(runes[:i])) <= w {
			return string(runes[:i]), string(runes[i:]), false
		}
	}
	for i := fit; i >= 2; i-- {
		if pdfSyllableBreak(runes, i) {
			return string(runes[:i]), string(runes[i:]), true
		}
	}
	return string(runes[:fit]), string(runes[fit:]), true
}

// pdfJoint reports whether a line may end after r without a hyphen: r
// joins the parts of a compound, a path or an address.
func pdfJoint(r rune) bool {
	return strings.ContainsRune("-/._?&=#:,;–—", r)
}

// pdfSyllableBreak reports whether a hyphen may go before runes[i]: a
// rough Swedish (and English) syllable rule, breaking before a consonant
// that a vowel follows ("Ut-bild-nings-för-valt-ning-en") and leaving at
// least two letters on each side. It is wrong now and then ("nin-gen"),
// never inside a letter pair read as one sound (ng, ck, sj, tj, ch, sh,
// th, ph, kj, gj, stj, skj), and never outside letters.
func pdfSyllableBreak(runes []rune, i int) bool {
	if i < 2 || i > len(runes)-2 {
		return false
	}
	for _, r := range runes[i-2 : i+2] {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	prev, cur, next := unicode.ToLower(runes[i-1]), unicode.ToLower(runes[i]), unicode.ToLower(runes[i+1])
	if pdfVowel(cur) || !pdfVowel(next) {
		return false
	}
	// The part before must have a vowel of its own.
	vowel := false
	for _, r := range runes[:i] {
		vowel = vowel || pdfVowel(unicode.ToLower(r))
	}
	if !vowel {
		return false
	}
	switch string([]rune{prev, cur}) {
	case "ng", "ck", "sj", "tj", "ch", "sh", "th", "ph", "kj", "gj", "dj", "lj", "hj", "qu":
		return false
	}
	if prev == 's' || prev == 'c' {
		// "st|jä", "sk|jo": a three-letter sound.
		if (cur == 'k' || cur == 't') && i+1 < len(runes) && unicode.ToLower(runes[i+1]) == 'j' {
			return false
		}
	}
	return true
}

// pdfVowel reports whether r is a vowel in Swedish or English.
func pdfVowel(r rune) bool {
	return strings.ContainsRune("aeiouyåäöéüæø", r)
}

// multi draws s wrapped at word boundaries (pdfWrap) in the current font
// from the current position to the right margin, one line of height h
// after another, and moves to the left margin below it. Unlike gofpdf's
// MultiCell it never breaks a word without a hyphen.
func (d *pdfDoc) multi(h float64, s string) {
	f := d.f
	pageW, _ := f.GetPageSize()
	_, _, right, _ := f.GetMargins()
	w := pageW - right - f.GetX()
	for _, line := range d.wrapStyled(s, w) {
		d.text(w, h, line, "L", 2, "")
	}
	left, _, _, _ := f.GetMargins()
	f.SetX(left)
}

// split cleans s and wraps it to a cell of width w in the given style at
// the current font size; it always returns at least one line.
func (d *pdfDoc) split(s string, w float64, style string) []string {
	size, _ := d.f.GetFontSize()
	d.setFont(style, size)
	return d.wrapStyled(s, w)
}

// wrapStyled cleans s and wraps it, in the current font, to a cell of
// width w (its text is w less the cell margins).
func (d *pdfDoc) wrapStyled(s string, w float64) []string {
	return pdfWrap(d.clean.clean(s), w-2*d.f.GetCellMargin(), d.measure)
}
