package scanner

import (
	"strings"
	"unicode"
)

// CleanText removes what must never reach a person's screen from outside
// text: C0 and C1 control characters (terminal escape sequences start with
// one) and the invisible bidirectional formatting characters that make a
// text read differently from what it contains (U+202E turns
// "gpj.exe" into "exe.jpg"). Line breaks and tabs stay, as do the text's
// letters in any script; Arabic and Hebrew still read right to left
// without these marks.
func CleanText(s string) string {
	if strings.IndexFunc(s, unwanted) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unwanted(r) {
			return -1
		}
		return r
	}, s)
}

// unwanted reports whether r is a control or bidi formatting character
// that CleanText removes.
func unwanted(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r == '\r':
		// A lone carriage return lets a line overwrite itself on a
		// terminal; line breaks are kept as '\n'.
		return true
	case unicode.IsControl(r):
		return true
	case r >= 0x202A && r <= 0x202E, // embeddings and overrides
		r >= 0x2066 && r <= 0x2069,                // isolates
		r == 0x200E || r == 0x200F || r == 0x061C: // directional marks
		return true
	}
	return false
}

// Clean returns res with CleanText applied to every text a report or the
// terminal can show: the registry row, the profile, post links, proofs,
// the replies of the dialogue and the error details a server sent.
func (res Result) Clean() Result {
	a := &res.Account
	for _, s := range []*string{&a.Administration, &a.Name, &a.PlatformName, &a.URL, &a.Purpose, &a.Goals, &a.Audience, &a.Owner, &a.Website} {
		*s = CleanText(*s)
	}
	f := &res.Fetched
	p := &f.Profile
	p.DisplayName, p.Description, p.Text, p.LinksHidden = CleanText(p.DisplayName), CleanText(p.Description), CleanText(p.Text), CleanText(p.LinksHidden)
	p.Links = cleanEach(p.Links, func(l Link) Link { return Link{URL: CleanText(l.URL), Text: CleanText(l.Text)} })
	p.Fields = cleanEach(p.Fields, func(fd Field) Field {
		fd.Name, fd.Value = CleanText(fd.Name), CleanText(fd.Value)
		return fd
	})
	f.Posts = cleanEach(f.Posts, func(post Post) Post {
		post.ID, post.URL, post.Text = CleanText(post.ID), CleanText(post.URL), CleanText(post.Text)
		return post
	})
	f.Sources = cleanEach(f.Sources, CleanText)
	f.Proofs = cleanEach(f.Proofs, func(pr Proof) Proof {
		pr.From, pr.To = CleanText(pr.From), CleanText(pr.To)
		return pr
	})
	res.Err = cleanError(res.Err)
	f.PostsCut = cleanError(f.PostsCut)
	f.PostsHidden = CleanText(f.PostsHidden)
	if f.Terms != nil {
		t := *f.Terms
		t.URL, t.Text, t.Err = CleanText(t.URL), CleanText(t.Text), cleanError(t.Err)
		f.Terms = &t
	}
	f.Dialogue = cleanDialogue(f.Dialogue)
	return res
}

// cleanDialogue returns a copy of d with its texts cleaned: the replies are
// strangers' words, quoted as evidence in every report. The adapter's
// Dialogue is not changed; nil stays nil.
func cleanDialogue(d *Dialogue) *Dialogue {
	if d == nil {
		return nil
	}
	c := *d
	c.Hidden = CleanText(c.Hidden)
	c.Threads = cleanEach(c.Threads, func(th Thread) Thread {
		th.PostID, th.URL, th.Source = CleanText(th.PostID), CleanText(th.URL), CleanText(th.Source)
		th.Cut = cleanError(th.Cut)
		th.Replies = cleanEach(th.Replies, func(r Reply) Reply {
			r.ID, r.URL, r.Parent = CleanText(r.ID), CleanText(r.URL), CleanText(r.Parent)
			r.Author, r.Text = CleanText(r.Author), CleanText(r.Text)
			return r
		})
		return th
	})
	return &c
}

// cleanEach returns a new slice of clean applied to each element, so the
// result never shares its backing array with the adapter's; nil stays nil.
func cleanEach[T any](xs []T, clean func(T) T) []T {
	if xs == nil {
		return nil
	}
	out := make([]T, len(xs))
	for i, x := range xs {
		out[i] = clean(x)
	}
	return out
}

// cleanError returns a copy of e with its texts cleaned; the underlying
// error is kept for errors.Is and errors.As.
func cleanError(e *FetchError) *FetchError {
	if e == nil {
		return nil
	}
	c := *e
	c.URL, c.Detail = CleanText(c.URL), CleanText(c.Detail)
	return &c
}
