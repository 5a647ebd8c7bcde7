package reports

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/stockholm-stad/smaudit/reports/html"
	"github.com/stockholm-stad/smaudit/reports/jsonout"
	"github.com/stockholm-stad/smaudit/reports/model"
	"github.com/stockholm-stad/smaudit/reports/pdf"
	"github.com/stockholm-stad/smaudit/reports/xlsx"
	"github.com/stockholm-stad/smaudit/rules"
	"github.com/stockholm-stad/smaudit/scanner"
)

// TestWriteAllSameBytesAsOneByOne checks that the files WriteAll renders
// on several goroutines hold exactly the bytes of each writer called on
// its own, one after the other, and that the manifest's sums are theirs.
func TestWriteAllSameBytesAsOneByOne(t *testing.T) {
	// Every rule on 24 accounts, three in each of 8 administrations: 28
	// files, seven times the most workers. Each file costs about the same
	// whatever its accounts, so 40 administrations (124 files) took a
	// minute under -race and proved nothing more.
	judged := interruptedJudged(24, 24, sampleAsOf, scanner.Result{Status: scanner.FetchNotReached})
	for i := range judged {
		judged[i].Result.Account.Administration = fmt.Sprintf("Förvaltning %02d", i%8)
	}
	big := model.Build(judged, rules.All(rules.DefaultConfig()), model.Meta{AsOf: sampleAsOf, GeneratedBy: "smaudit test", Lang: "sv", Registry: "konton.xlsx"}, model.Inputs{})
	if len(big.Administrations) != 8 {
		t.Fatalf("%d administrations, want 8", len(big.Administrations))
	}
	for name, r := range map[string]*model.Report{"sample": sampleReport("sv"), "history": historyReport("en"), "interrupted": interruptedReport("sv"), "24 accounts in 8 administrations": big} {
		t.Run(name, func(t *testing.T) {
			want := map[string]func(io.Writer) error{
				"results.json":               func(w io.Writer) error { return jsonout.Write(w, r) },
				model.OverviewSlug + ".xlsx": func(w io.Writer) error { return xlsx.WriteOverviewXLSX(w, r) },
				model.OverviewSlug + ".pdf":  func(w io.Writer) error { return pdf.WriteOverviewPDF(w, r) },
				html.OverviewFile:            func(w io.Writer) error { return html.WriteOverview(w, r) },
			}
			for _, a := range r.Administrations {
				want[a.Slug+".xlsx"] = func(w io.Writer) error { return xlsx.WriteAdministrationXLSX(w, r, a) }
				want[a.Slug+".pdf"] = func(w io.Writer) error { return pdf.WriteAdministrationPDF(w, r, a) }
				want[html.AdministrationFile(a)] = func(w io.Writer) error { return html.WriteAdministration(w, r, a) }
			}
			dir := t.TempDir()
			if _, err := WriteAll(dir, r); err != nil {
				t.Fatal(err)
			}
			sums := readManifest(dir)
			if len(sums) != len(want) {
				t.Errorf("manifest lists %d files, want %d", len(sums), len(want))
			}
			for file, render := range want {
				var buf bytes.Buffer
				if err := render(&buf); err != nil {
					t.Fatalf("%s: %v", file, err)
				}
				got, err := os.ReadFile(filepath.Join(dir, file))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, buf.Bytes()) {
					t.Errorf("%s: WriteAll wrote %d bytes that differ from the writer's %d", file, len(got), buf.Len())
				}
				sum := sha256.Sum256(buf.Bytes())
				if sums[file] != hex.EncodeToString(sum[:]) {
					t.Errorf("%s: manifest sum %s, want %x", file, sums[file], sum)
				}
			}
		})
	}
}

// TestRenderInOrder checks the order files are handed over in, that no
// more than workers files are held at once and a file rendered alone is
// held alone, and that the first error stops the rest.
func TestRenderInOrder(t *testing.T) {
	for _, tc := range []struct {
		name    string
		workers int
		failAt  int // -1: none
		useFail bool
		alone   map[int]bool
	}{
		{"one worker", 1, -1, false, nil},
		{"three workers", 3, -1, false, nil},
		{"some alone", 3, -1, false, map[int]bool{0: true, 1: true, 6: true, 11: true}},
		{"render fails", 2, 5, false, map[int]bool{4: true}},
		{"write fails", 2, 5, true, map[int]bool{5: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var held, most atomic.Int32
			var files []reportFile
			for i := range 12 {
				files = append(files, reportFile{name: fmt.Sprint(i), alone: tc.alone[i], render: func(w io.Writer) error {
					n := held.Add(1)
					for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
					}
					if tc.alone[i] && n != 1 {
						t.Errorf("file %d, to be rendered alone, rendered with %d others held", i, n-1)
					}
					if i == tc.failAt && !tc.useFail {
						held.Add(-1) // never handed over
						return errors.New("render broke")
					}
					_, err := fmt.Fprintf(w, "file %d", i)
					return err
				}})
			}
			var got []string
			err := renderInOrder(files, tc.workers, func(f reportFile, data []byte, sum string) error {
				defer held.Add(-1)
				if want := "file " + f.name; string(data) != want {
					t.Errorf("file %s holds %q, want %q", f.name, data, want)
				}
				if s := sha256.Sum256(data); sum != hex.EncodeToString(s[:]) {
					t.Errorf("file %s: sum %s, want %x", f.name, sum, s)
				}
				if tc.useFail && f.name == fmt.Sprint(tc.failAt) {
					return errors.New("disk full")
				}
				got = append(got, f.name)
				return nil
			})
			want := len(files)
			if tc.failAt >= 0 {
				want = tc.failAt
				if err == nil {
					t.Fatal("no error")
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if len(got) != want {
				t.Fatalf("handed over %v, want the first %d", got, want)
			}
			for i, name := range got {
				if name != fmt.Sprint(i) {
					t.Fatalf("handed over %v, not in order", got)
				}
			}
			if m := most.Load(); m > int32(tc.workers) {
				t.Errorf("%d files held at once, want at most %d", m, tc.workers)
			}
		})
	}
}

// TestChunkBufferKeepsBytes writes pieces that end inside, on and across
// chunk boundaries, and one bigger than several chunks, and checks that
// chunkBuffer hands back exactly what was written, in order.
func TestChunkBufferKeepsBytes(t *testing.T) {
	var want bytes.Buffer
	var got chunkBuffer
	for i, n := range []int{0, 1, renderChunk - 1, 1, renderChunk, 3*renderChunk + 7, 5} {
		p := bytes.Repeat([]byte{byte('a' + i)}, n)
		if k, err := got.Write(p); k != n || err != nil {
			t.Fatalf("Write of %d bytes: %d, %v", n, k, err)
		}
		want.Write(p)
	}
	data := got.bytes()
	if !bytes.Equal(data, want.Bytes()) {
		t.Fatalf("chunkBuffer gave %d bytes, want the %d written", len(data), want.Len())
	}
	if cap(data) != len(data) {
		t.Errorf("cap %d, want exactly the %d bytes", cap(data), len(data))
	}
}
