package scanner

// ReadFrom marks each post that does not say where it was read from as
// read from the answer of source, the address fetched (a page of the
// timeline, a feed), and returns posts. A finding that rests on a post
// cites that answer in the evidence bundle: the post's own page was never
// fetched.
func ReadFrom(source string, posts []Post) []Post {
	for i := range posts {
		if posts[i].Source == "" {
			posts[i].Source = source
		}
	}
	return posts
}

// AddFrom is Add for posts read from the answer of source (see ReadFrom).
func (p *Pages) AddFrom(source string, posts ...Post) (fresh int) {
	return p.Add(ReadFrom(source, posts)...)
}
