package html

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"strings"
)

// assets are the page's template, style sheet and script, inlined into
// every page so a page is one file that loads nothing else.
//
//go:embed assets/page.tmpl assets/style.css assets/page.js
var assets embed.FS

// pageStyle and pageScript are the inline style sheet and script; csp
// allows exactly these two by their hashes and nothing else, so a page
// can make no request even if a scraped text slipped through escaping.
var (
	pageStyle  = blankless(mustAsset("assets/style.css"))
	pageScript = blankless(mustAsset("assets/page.js"))
	csp        = "default-src 'none'; style-src " + hashSource(pageStyle) + "; script-src " + hashSource(pageScript) +
		"; img-src 'none'; base-uri 'none'; form-action 'none'"
	pageTemplate = template.Must(template.New("page.tmpl").Funcs(template.FuncMap{
		"csp":      func() string { return csp },
		"linkable": linkable,
		"style":    func() template.CSS { return template.CSS(pageStyle) }, // #nosec: our own embedded file
		"script":   func() template.JS { return template.JS(pageScript) },  // #nosec: our own embedded file
	}).ParseFS(assets, "assets/page.tmpl"))
)

// mustAsset reads an embedded file; the files are compiled in, so a
// missing one is a build mistake.
func mustAsset(name string) string {
	b, err := assets.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// hashSource is a CSP source allowing exactly the inline text s.
func hashSource(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// render writes p through the page template. Rendering into memory
// first keeps a failed page from leaving half a file in w.
func render(w io.Writer, p *page) error {
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, p); err != nil {
		return err
	}
	_, err := w.Write(tidy(buf.Bytes()))
	return err
}

// tidy drops the blank lines the template's actions leave, so the file
// reads well as source and its golden diff stays small.
func tidy(b []byte) []byte { return []byte(blankless(string(b)) + "\n") }

// blankless drops the blank lines of s. The inline style sheet and
// script go through it before they are hashed, so tidying the page
// leaves them as the policy's hashes allow them.
func blankless(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// errorf wraps a writer's error with the page it was writing.
func errorf(what string, err error) error { return fmt.Errorf("%s: %w", what, err) }

// linkable reports whether a page may link u: a web or mail address, or
// a link within the report's folder. Anything else, such as a registry
// row's "htps://…" or a script address, is shown as text, never as a
// link that goes nowhere or runs something.
func linkable(u string) bool {
	p, err := url.Parse(u)
	if err != nil || u == "" {
		return false
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
		return p.Host != ""
	case "mailto":
		return p.Opaque != ""
	case "":
		// Only a page of this folder or a place on this page: a bare
		// handle such as "@svoa@mastodon.example" is not an address.
		own := p.Path == "" && p.Fragment != "" || strings.HasSuffix(p.Path, ".html") && !strings.Contains(p.Path, "/")
		return p.Host == "" && own
	}
	return false
}
