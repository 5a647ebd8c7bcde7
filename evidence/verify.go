package evidence

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
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
	// Warnings say what does not make the bundle untrue but needs a
	// person: a folder or file others may read (see DirPerm).
	Warnings []Problem
}

// OK says the bundle holds: every record parsed, its digests matched,
// and every citation names a response record that exists.
func (c Check) OK() bool { return len(c.Problems) == 0 }

// ErrNoBundle says the folder holds no evidence bundle at all.
var ErrNoBundle = errors.New("no evidence bundle")

// Verify checks the bundle of the report folder dir: every record of
// every file in dir/Folder parses, carries SHA-256 block (and for
// responses payload) digests that match its bytes, and has an id of its
// own; and every record results.json cites (in a finding's evidence or
// an account's list of records) exists as a response record in the file
// it names. Its error means nothing could be checked (no
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
	c.Warnings = permissionWarnings(bundle, entries)
	responses := map[string]map[string]bool{} // file -> response record ids
	// broken counts, per file that could not be read to its end, the
	// citations of records not found in the part that could: one line
	// says so, rather than one per citation.
	broken := map[string]int{}
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
		fv := verifyFile(filepath.Join(bundle, name), rel)
		responses[rel] = fv.ids
		if fv.broken {
			broken[rel] = 0
		}
		c.Records += fv.n
		c.Problems = append(c.Problems, fv.problems...)
	}
	if len(c.Files) == 0 && len(c.Problems) == 0 {
		return c, fmt.Errorf("%w in %s: %s holds no %s file", ErrNoBundle, dir, bundle, Ext)
	}
	cites, err := readCitations(filepath.Join(dir, "results.json"))
	if err != nil {
		return c, err
	}
	citedFiles := map[string]bool{}
	for _, ct := range cites {
		c.Citations++
		citedFiles[ct.File] = true
		ids, ok := responses[ct.File]
		switch {
		case !ok:
			c.Problems = append(c.Problems, Problem{File: "results.json", Record: ct.ID, Offset: -1,
				Message: fmt.Sprintf("%s cites file %s, which is not in the bundle", ct.where, ct.File)})
		case !ids[ct.ID]:
			if n, ok := broken[ct.File]; ok {
				broken[ct.File] = n + 1
				continue
			}
			c.Problems = append(c.Problems, Problem{File: "results.json", Record: ct.ID, Offset: -1,
				Message: fmt.Sprintf("%s cites a response record that %s does not hold", ct.where, ct.File)})
		}
	}
	for _, f := range slices.Sorted(maps.Keys(broken)) {
		if n := broken[f]; n > 0 {
			c.Problems = append(c.Problems, Problem{File: "results.json", Offset: -1,
				Message: fmt.Sprintf("%d citations name records of %s that could not be read", n, f)})
		}
	}
	// Every file of a scan's bundle holds the answers of accounts that
	// results.json lists with their records. A file nobody cites is not
	// this scan's: left from an earlier run into the same folder, or
	// results.json was written by a scan without --evidence.
	for _, f := range c.Files {
		if !citedFiles[f] {
			c.Problems = append(c.Problems, Problem{File: f, Offset: -1,
				Message: "results.json cites no record of this file: it is not from the scan that wrote results.json (an earlier run into the same folder, or a later scan without --evidence)"})
		}
	}
	return c, nil
}

// readOptions make gowarc report what is there and never repair it.
var readOptions = []gowarc.WarcRecordOption{
	gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
	gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
	gowarc.WithUnknownRecordTypePolicy(gowarc.ErrWarn),
	gowarc.WithFixDigest(false),
	gowarc.WithFixContentLength(false),
	gowarc.WithFixSyntaxErrors(false),
	gowarc.WithAddMissingDigest(false),
	gowarc.WithAddMissingContentLength(false),
	gowarc.WithAddMissingRecordId(false),
}

// verifyFile reads every record of one file and returns the ids of its
// response records, the number of records read and what is wrong.
//
// A .warc.gz file is read one gzip member at a time, and every byte of
// each member must belong to a record: gowarc's own file reader expects
// one record per member and would take a file compressed as a whole for
// a single record, silently passing over the rest.
func verifyFile(path, rel string) (fv fileVerifier) {
	fv = fileVerifier{rel: rel, ids: map[string]bool{}, seen: map[string]bool{}}
	fail := func(off int64, msg string) fileVerifier {
		fv.problems = append(fv.problems, Problem{File: rel, Offset: off, Message: msg})
		fv.broken = true
		return fv
	}
	f, err := os.Open(path)
	if err != nil {
		return fail(-1, err.Error())
	}
	defer f.Close()
	if !strings.HasSuffix(path, ".gz") {
		data, err := io.ReadAll(f)
		if err != nil {
			return fail(-1, err.Error())
		}
		fv.member(data, 0)
		return fv
	}
	counted := &countingReader{r: f}
	br := bufio.NewReader(counted)
	zr, err := gzip.NewReader(br)
	if err != nil {
		return fail(0, "not a gzip file: "+err.Error())
	}
	var off int64
	for {
		zr.Multistream(false)
		data, err := io.ReadAll(zr)
		if err != nil {
			return fail(off, "unreadable from here on ("+err.Error()+")")
		}
		fv.member(data, off)
		off = counted.n - int64(br.Buffered())
		if err := zr.Reset(br); err == io.EOF {
			break
		} else if err != nil {
			return fail(off, "unreadable from here on ("+err.Error()+")")
		}
	}
	return fv
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// fileVerifier collects what one file's records show.
type fileVerifier struct {
	rel      string
	ids      map[string]bool // response records
	seen     map[string]bool // every record id
	n        int
	problems []Problem
	broken   bool
}

// member checks the records in one gzip member's bytes (or a whole
// uncompressed file), which starts at off in the file.
func (v *fileVerifier) member(data []byte, off int64) {
	r := bufio.NewReader(bytes.NewReader(data))
	gowarcOptions.Lock() // see gowarcOptions
	u := gowarc.NewUnmarshaler(readOptions...)
	gowarcOptions.Unlock()
	for {
		rec, _, val, err := u.Unmarshal(r)
		if err == io.EOF {
			if r.Buffered() > 0 {
				v.problems = append(v.problems, Problem{File: v.rel, Offset: off,
					Message: fmt.Sprintf("%d bytes after the last record that are no record", r.Buffered())})
			}
			return
		}
		id := ""
		if rec != nil {
			id = rec.RecordId()
			defer rec.Close()
		}
		if err != nil {
			v.problems = append(v.problems, Problem{File: v.rel, Record: id, Offset: off, Message: "unreadable: " + err.Error()})
			v.broken = true
			return
		}
		v.record(rec, id, off, val)
	}
}

// record checks one parsed record.
func (v *fileVerifier) record(rec gowarc.WarcRecord, id string, off int64, val *gowarc.Validation) {
	v.n++
	add := func(msg string) {
		v.problems = append(v.problems, Problem{File: v.rel, Record: id, Offset: off, Message: msg})
	}
	if val != nil {
		for _, e := range *val {
			add(e.Error())
		}
	}
	switch {
	case id == "":
		add("no WARC-Record-ID")
	case v.seen[id]:
		add("WARC-Record-ID used twice in the file")
	}
	v.seen[id] = true
	if v.n == 1 && rec.Type() != gowarc.Warcinfo {
		add("the file does not begin with a warcinfo record")
	}
	need := []string{gowarc.WarcBlockDigest, gowarc.WarcDate}
	if rec.Type() == gowarc.Response || rec.Type() == gowarc.Request {
		need = append(need, gowarc.WarcTargetURI)
	}
	if rec.Type() == gowarc.Response {
		need = append(need, gowarc.WarcPayloadDigest)
		v.ids[id] = true
	}
	h := rec.WarcHeader()
	for _, f := range need {
		switch val := h.Get(f); {
		case val == "":
			add("no " + f)
		case strings.HasSuffix(f, "Digest") && !strings.HasPrefix(strings.ToLower(val), "sha256:"):
			add(fmt.Sprintf("%s is %q, not SHA-256", f, val))
		}
	}
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
			Records []struct {
				URL  string `json:"url"`
				File string `json:"file"`
				ID   string `json:"id"`
			} `json:"records"`
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
		for _, r := range a.Records {
			out = append(out, citation{File: r.File, ID: r.ID,
				where: fmt.Sprintf("account %q (registry row %d), records, %s", a.Name, a.Row, r.URL)})
		}
	}
	slices.SortStableFunc(out, func(a, b citation) int { return strings.Compare(a.File, b.File) })
	return out, nil
}
