package evidence

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	gowarc "github.com/nlnwa/gowarc/v2"
)

// Problem is one thing wrong with a bundle, named by file and record.
type Problem struct {
	File    string // relative to the report folder; "results.json" for a citation
	Record  string // the record's id, when known
	Offset  int64  // the record's offset in the file's bytes, -1 when none
	Message string
}

// String says where and what: "bevis/x.warc.gz, record urn:uuid:… at
// byte 1234: …".
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Record != "" {
		b.WriteString(", record " + p.Record)
	}
	if p.Offset >= 0 {
		fmt.Fprintf(&b, " at byte %d", p.Offset)
	}
	b.WriteString(": " + p.Message)
	return b.String()
}

// Check is what Verify found.
type Check struct {
	Files     []string // archive files read, relative to the report folder
	Records   int      // records read in all
	Citations int      // citations in results.json
	Problems  []Problem
}

// OK says the bundle holds: every record parsed, its digests matched,
// and every citation names a response record that exists.
func (c Check) OK() bool { return len(c.Problems) == 0 }

// ErrNoBundle says the folder holds no evidence bundle at all.
var ErrNoBundle = errors.New("no evidence bundle")

// Verify checks the bundle of the report folder dir: every record of
// every file in dir/Folder parses, carries SHA-256 block (and for
// responses payload) digests that match its bytes, and has an id of its
// own; and every record results.json cites exists as a response record
// in the file it names. Its error means nothing could be checked (no
// bundle, no results.json); what is wrong inside is in Check.Problems.
func Verify(dir string) (Check, error) {
	var c Check
	bundle := filepath.Join(dir, Folder)
	entries, err := os.ReadDir(bundle)
	if errors.Is(err, fs.ErrNotExist) {
		return c, fmt.Errorf("%w in %s: %s is missing (scan with --evidence)", ErrNoBundle, dir, bundle)
	}
	if err != nil {
		return c, err
	}
	responses := map[string]map[string]bool{} // file -> response record ids
	for _, e := range entries {
		name := e.Name()
		rel := Folder + "/" + name
		switch {
		case e.IsDir():
			continue
		case strings.HasSuffix(name, openSuffix):
			c.Problems = append(c.Problems, Problem{File: rel, Offset: -1,
				Message: "unfinished file: the scan stopped before the bundle was closed"})
			continue
		case !strings.HasSuffix(name, Ext) && !strings.HasSuffix(name, ".warc"):
			continue
		}
		c.Files = append(c.Files, rel)
		ids, n, problems := verifyFile(filepath.Join(bundle, name), rel)
		responses[rel] = ids
		c.Records += n
		c.Problems = append(c.Problems, problems...)
	}
	if len(c.Files) == 0 && len(c.Problems) == 0 {
		return c, fmt.Errorf("%w in %s: %s holds no %s file", ErrNoBundle, dir, bundle, Ext)
	}
	cites, err := readCitations(filepath.Join(dir, "results.json"))
	if err != nil {
		return c, err
	}
	for _, ct := range cites {
		c.Citations++
		ids, ok := responses[ct.File]
		switch {
		case !ok:
			c.Problems = append(c.Problems, Problem{File: "results.json", Record: ct.ID, Offset: -1,
				Message: fmt.Sprintf("%s cites file %s, which is not in the bundle", ct.where, ct.File)})
		case !ids[ct.ID]:
			c.Problems = append(c.Problems, Problem{File: "results.json", Record: ct.ID, Offset: -1,
				Message: fmt.Sprintf("%s cites a response record that %s does not hold", ct.where, ct.File)})
		}
	}
	return c, nil
}

// verifyFile reads every record of one file and returns the ids of its
// response records, the number of records read and what is wrong.
func verifyFile(path, rel string) (map[string]bool, int, []Problem) {
	ids := map[string]bool{}
	var problems []Problem
	r, err := gowarc.NewWarcFileReader(path, 0,
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrWarn),
		// Verify reports what is there; it never repairs.
		gowarc.WithFixDigest(false),
		gowarc.WithFixContentLength(false),
		gowarc.WithFixSyntaxErrors(false),
		gowarc.WithAddMissingDigest(false),
		gowarc.WithAddMissingContentLength(false),
		gowarc.WithAddMissingRecordId(false))
	if err != nil {
		return ids, 0, []Problem{{File: rel, Offset: -1, Message: err.Error()}}
	}
	defer r.Close()
	seen := map[string]bool{}
	n := 0
	for {
		rec, off, val, err := r.Next()
		if err == io.EOF {
			break
		}
		id := ""
		if rec != nil {
			id = rec.RecordId()
		}
		if err != nil {
			// The file cannot be read past this point.
			problems = append(problems, Problem{File: rel, Record: id, Offset: off, Message: "unreadable: " + err.Error()})
			if rec != nil {
				rec.Close()
			}
			break
		}
		n++
		add := func(msg string) {
			problems = append(problems, Problem{File: rel, Record: id, Offset: off, Message: msg})
		}
		if val != nil {
			for _, e := range *val {
				add(e.Error())
			}
		}
		h := rec.WarcHeader()
		switch {
		case id == "":
			add("no WARC-Record-ID")
		case seen[id]:
			add("WARC-Record-ID used twice in the file")
		}
		seen[id] = true
		if n == 1 && rec.Type() != gowarc.Warcinfo {
			add("the file does not begin with a warcinfo record")
		}
		need := []string{gowarc.WarcBlockDigest, gowarc.WarcDate}
		if rec.Type() == gowarc.Response || rec.Type() == gowarc.Request {
			need = append(need, gowarc.WarcTargetURI)
		}
		if rec.Type() == gowarc.Response {
			need = append(need, gowarc.WarcPayloadDigest)
			ids[id] = true
		}
		for _, f := range need {
			switch v := h.Get(f); {
			case v == "":
				add("no " + f)
			case strings.HasSuffix(f, "Digest") && !strings.HasPrefix(strings.ToLower(v), "sha256:"):
				add(fmt.Sprintf("%s is %q, not SHA-256", f, v))
			}
		}
		rec.Close()
	}
	return ids, n, problems
}

// citation is one record results.json cites, with where it cites it.
type citation struct {
	File, ID string
	where    string
}

// readCitations returns every evidence record results.json cites.
func readCitations(path string) ([]citation, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading the citations: %w", err)
	}
	var doc struct {
		Accounts []struct {
			Name     string `json:"name"`
			Row      int    `json:"registryRow"`
			Findings []struct {
				Rule     string `json:"rule"`
				Evidence []struct {
					Record *struct {
						File string `json:"file"`
						ID   string `json:"id"`
					} `json:"record"`
				} `json:"evidence"`
			} `json:"findings"`
		} `json:"accounts"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []citation
	for _, a := range doc.Accounts {
		for _, f := range a.Findings {
			for i, e := range f.Evidence {
				if e.Record == nil {
					continue
				}
				out = append(out, citation{File: e.Record.File, ID: e.Record.ID,
					where: fmt.Sprintf("account %q (registry row %d), finding %s, evidence %d", a.Name, a.Row, f.Rule, i+1)})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b citation) int { return strings.Compare(a.File, b.File) })
	return out, nil
}
