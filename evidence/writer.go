// Package evidence keeps what an audit saw: every response a scan's
// adapters received, written as it arrives into WARC files (ISO 28500,
// WARC 1.1, the format national web archives use), one per
// administration, with SHA-256 digests; and checks such a bundle later
// (Verify). Credentials never enter it (see Redacted).
//
// Each fetch becomes a request record and a response record. A page that
// several accounts of one administration used (a shared city page) is
// recorded once in that administration's file and cited by each; an
// administration's file holds everything its accounts' findings rest on,
// so it can be handed over or archived on its own.
package evidence

import (
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	gowarc "github.com/nlnwa/gowarc/v2"

	"github.com/stockholm-stad/smaudit/scanner"
)

// Folder is the bundle's folder inside the report folder.
const Folder = "bevis"

// Ext ends every archive file's name: per-record gzip, as WARC 1.1's
// annex recommends, so a reader can start at any record.
const Ext = ".warc.gz"

// openSuffix marks a file still being written; Close renames it.
const openSuffix = ".open"

// The bundle keeps the platforms' answers unaltered, personal data as it
// was published included (a personal identity number the reports mask is
// in it as posted: that is what makes it evidence). Only the owner of the
// folder may read it: the folder is DirPerm and each file FilePerm,
// whatever the umask, and Verify warns about a bundle opened wider.
const (
	DirPerm  fs.FileMode = 0o700 // DirPerm is the bundle folder's mode: owner only.
	FilePerm fs.FileMode = 0o600 // FilePerm is each archive file's mode: owner only.
)

// Options configure a Writer.
type Options struct {
	// FileBase turns an administration's name into the file's base name
	// (the reports' slug, so "kulturforvaltningen.pdf" sits beside
	// "bevis/kulturforvaltningen.warc.gz"). Required.
	FileBase func(administration string) string
	// Secrets are the credentials the scan was configured with: they are
	// replaced wherever they appear.
	Secrets []string
	// UserAgent is what smaudit sent as User-Agent, written into the
	// request records.
	UserAgent string
	// Software names the tool in each file's warcinfo record.
	Software string
	// Now is the clock that dates the records; nil is time.Now.
	Now func() time.Time
}

// Writer records a scan's responses. It implements scanner.Recorder and
// is safe for concurrent use. Records are written as they come, so the
// scan holds no response longer than it would without a Writer.
type Writer struct {
	dir  string // the report folder; files go into dir/Folder
	opts Options
	red  redactor

	mu    sync.Mutex
	files map[string]*file // by administration
	taken map[string]bool  // file base names in use
	cites map[accountKey]map[string]scanner.Citation
	err   error    // the first failure; recording stops at it
	done  []string // files closed, relative to the report folder
}

var _ scanner.Recorder = (*Writer)(nil)

// accountKey tells the registry's accounts apart.
type accountKey struct {
	row int
	url string
}

// file is one administration's archive file being written.
type file struct {
	mu   sync.Mutex
	rel  string // path relative to the report folder, slash-separated
	path string // where it is written until Close
	f    *os.File
	buf  *bufio.Writer
	gz   *gzip.Writer
	// seen maps a target URL and its recorded block's digest to the
	// response record already holding it.
	seen map[[sha256.Size]byte]string
}

// NewWriter returns a Writer that writes into dir/Folder, which it
// creates.
func NewWriter(dir string, opts Options) (*Writer, error) {
	if opts.FileBase == nil {
		return nil, errors.New("evidence: Options.FileBase is required")
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	bundle := filepath.Join(dir, Folder)
	if err := os.MkdirAll(bundle, DirPerm); err != nil {
		return nil, fmt.Errorf("evidence: %w", err)
	}
	// MkdirAll leaves a folder from an earlier run as it is, and the
	// umask may have narrowed nothing: set the mode outright.
	if err := os.Chmod(bundle, DirPerm); err != nil {
		return nil, fmt.Errorf("evidence: %w", err)
	}
	return &Writer{
		dir:   dir,
		opts:  opts,
		red:   newRedactor(opts.Secrets),
		files: map[string]*file{},
		taken: map[string]bool{},
		cites: map[accountKey]map[string]scanner.Citation{},
	}, nil
}

// Record implements scanner.Recorder: it writes a request and a response
// record into the account's administration's file, unless that file
// already holds the same answer from the same URL, and notes the citation
// for the URL as requested and as answered.
func (w *Writer) Record(acc scanner.Account, req scanner.Request, resp *scanner.Response) {
	f, err := w.fileFor(acc.Administration)
	if err != nil {
		w.fail(err)
		return
	}
	id, err := f.record(w, req, resp)
	if err != nil {
		w.fail(fmt.Errorf("evidence: %s: %w", f.rel, err))
		return
	}
	c := scanner.Citation{File: f.rel, RecordID: id}
	w.mu.Lock()
	defer w.mu.Unlock()
	k := accountKey{acc.Row, acc.URL}
	m := w.cites[k]
	if m == nil {
		m = map[string]scanner.Citation{}
		w.cites[k] = m
	}
	// An address fetched twice for one account keeps the record of its
	// first answer; a different second answer is in the file too, and
	// the account's findings rest on what the adapter read first.
	if _, ok := m[req.URL]; !ok {
		m[req.URL] = c
	}
	if _, ok := m[resp.URL]; !ok && resp.URL != "" {
		m[resp.URL] = c
	}
}

// RecordRobots implements what crawl's OnRobots hook hears: it keeps the
// robots.txt answer (answer) that decided whether page could be fetched
// for acc, under the origin's robots.txt address. When the answer forbade
// the page, the page is cited with that record too: the finding that
// robots.txt forbids it rests on the robots.txt, as a 404 finding rests
// on the 404. A nil answer (robots.txt never arrived) keeps nothing.
func (w *Writer) RecordRobots(acc scanner.Account, page string, allowed bool, answer *scanner.Response) {
	u, err := url.Parse(page)
	if answer == nil || err != nil || u.Host == "" {
		return
	}
	robots := u.Scheme + "://" + strings.ToLower(u.Host) + "/robots.txt"
	w.Record(acc, scanner.Request{URL: robots, Accept: "text/plain"}, answer)
	if allowed {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	m := w.cites[accountKey{acc.Row, acc.URL}]
	c, ok := m[robots]
	if _, have := m[page]; ok && !have {
		m[page] = c
	}
}

// Citations returns the records of the URLs fetched for acc, or nil.
func (w *Writer) Citations(acc scanner.Account) map[string]scanner.Citation {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.cites[accountKey{acc.Row, acc.URL}]
}

// Cite fills in each result's Records from what was recorded for it.
func (w *Writer) Cite(results []scanner.Result) {
	for i := range results {
		results[i].Records = w.Citations(results[i].Account)
	}
}

// fail keeps the first error.
func (w *Writer) fail(err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err == nil {
		w.err = err
	}
}

// fileFor returns the administration's file, opening it with its
// warcinfo record the first time.
func (w *Writer) fileFor(admin string) (*file, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return nil, w.err
	}
	if f, ok := w.files[admin]; ok {
		return f, nil
	}
	base := w.opts.FileBase(admin)
	name := base
	for i := 2; w.taken[name]; i++ {
		name = base + "-" + strconv.Itoa(i)
	}
	w.taken[name] = true
	rel := Folder + "/" + name + Ext
	path := filepath.Join(w.dir, Folder, name+Ext+openSuffix)
	fh, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_TRUNC, FilePerm)
	if err != nil {
		return nil, fmt.Errorf("evidence: %w", err)
	}
	// A file left open by an interrupted run keeps its old mode.
	if err := fh.Chmod(FilePerm); err != nil {
		fh.Close()
		return nil, fmt.Errorf("evidence: %w", err)
	}
	buf := bufio.NewWriterSize(fh, 64<<10)
	f := &file{rel: rel, path: path, f: fh, buf: buf, gz: newGzip(buf), seen: map[[sha256.Size]byte]string{}}
	info, err := buildRecord(gowarc.Warcinfo, gowarc.ApplicationWarcFields, warcinfo(w.opts.Software, admin),
		w.opts.Now().UTC().Truncate(time.Millisecond), [][2]string{{gowarc.WarcFilename, name + Ext}})
	if err == nil {
		err = f.write(info)
	}
	if err != nil {
		fh.Close()
		os.Remove(path)
		return nil, fmt.Errorf("evidence: %s: %w", rel, err)
	}
	w.files[admin] = f
	return f, nil
}

// warcinfo is the body of a file's warcinfo record: what made it, for
// whom, and what was changed in it.
func warcinfo(software, admin string) []byte {
	return []byte("software: " + software + "\r\n" +
		"format: WARC File Format 1.1\r\n" +
		"conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n" +
		"description: Responses an audit of the social-media accounts of " + admin + " read, as smaudit received them: " +
		"bodies decoded (the server's Content-Encoding and Content-Length kept as X-Archive-Orig-*), " +
		"credentials in requests, addresses and bodies replaced by " + Redacted + ".\r\n")
}

// record writes req and resp unless the same answer from the same URL is
// already in the file, and returns the response record's id.
func (f *file) record(w *Writer, req scanner.Request, resp *scanner.Response) (string, error) {
	body := w.red.bytes(resp.Body)
	target := w.red.url(resp.URL)
	if resp.URL == "" {
		target = w.red.url(req.URL)
	}
	respBlock := responseBlock(resp, body, w.red)
	key := sha256.New()
	key.Write([]byte(target))
	key.Write([]byte{0})
	key.Write(respBlock)
	var k [sha256.Size]byte
	key.Sum(k[:0])

	f.mu.Lock()
	defer f.mu.Unlock()
	if id, ok := f.seen[k]; ok {
		return id, nil
	}
	u, err := url.Parse(w.red.url(req.URL))
	if err != nil {
		return "", fmt.Errorf("request URL %q: %w", w.red.url(req.URL), err)
	}
	date := w.opts.Now().UTC().Truncate(time.Millisecond)
	response, err := buildRecord(gowarc.Response, "application/http;msgtype=response", respBlock, date,
		[][2]string{{gowarc.WarcTargetURI, target}})
	if err != nil {
		return "", err
	}
	id := response.RecordId()
	request, err := buildRecord(gowarc.Request, "application/http;msgtype=request", requestBlock(u, req, w.opts.UserAgent, w.red), date,
		[][2]string{{gowarc.WarcTargetURI, u.String()}, {gowarc.WarcConcurrentTo, "<" + id + ">"}})
	if err != nil {
		response.Close()
		return "", err
	}
	if err := f.write(request); err != nil {
		return "", err
	}
	if err := f.write(response); err != nil {
		return "", err
	}
	f.seen[k] = id
	return id, nil
}

// write adds rec to the file as a gzip member of its own, and releases
// the record's buffers.
func (f *file) write(rec gowarc.WarcRecord) error {
	defer rec.Close()
	f.gz.Reset(f.buf)
	if _, _, err := gowarc.NewMarshaler().Marshal(f.gz, rec, 0); err != nil {
		return err
	}
	return f.gz.Close()
}

// Close finishes every file, syncs it to disk and gives it its name, and
// returns the first error met while recording or closing. A bundle with
// an error is incomplete; its files are left under their ".open" names,
// never passed off as complete.
func (w *Writer) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	err := w.err
	for _, f := range w.files {
		f.mu.Lock()
		ferr := f.buf.Flush()
		if ferr == nil {
			ferr = f.f.Sync()
		}
		if cerr := f.f.Close(); ferr == nil {
			ferr = cerr
		}
		if ferr == nil && err == nil {
			ferr = os.Rename(f.path, filepath.Join(w.dir, filepath.FromSlash(f.rel)))
		}
		f.mu.Unlock()
		if err == nil && ferr != nil {
			err = fmt.Errorf("evidence: %s: %w", f.rel, ferr)
		}
		if ferr == nil && err == nil {
			w.done = append(w.done, f.rel)
		}
	}
	slices.Sort(w.done)
	w.files = map[string]*file{}
	return err
}

// Files lists the archive files Close finished, relative to the report
// folder, sorted.
func (w *Writer) Files() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.done)
}

// newGzip returns the file's compressor. Level 1 (BestSpeed): a scan
// with --evidence compresses every answer it reads, and compressing is
// half of what a record costs. A page of Mastodon posts (190 kB) shrinks
// to a tenth (the default level: a twentieth) in two thirds of the time
// (BenchmarkRecord).
func newGzip(w io.Writer) *gzip.Writer {
	gz, err := gzip.NewWriterLevel(w, gzip.BestSpeed)
	if err != nil {
		panic(err) // only for a level out of range
	}
	return gz
}
