package jsonout

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stockholm-stad/smaudit/scanner"
)

// TestFindingsCiteTheirRecords gives one account of the sample report
// the records a scan with --evidence keeps: the evidence whose fetched
// address (or page) was archived cites that record, the rest cite
// nothing, and the account lists every record. Without records (every
// other account, and every golden file) nothing is added.
func TestFindingsCiteTheirRecords(t *testing.T) {
	r := sampleReport("sv")
	var evURL string
	var target *scanner.Result
	for _, j := range r.Accounts {
		for _, f := range j.Findings {
			for _, e := range f.Evidence {
				if u := e.Source; u != "" && evURL == "" {
					evURL, target = u, &j.Result
				} else if u := e.URL; u != "" && evURL == "" {
					evURL, target = u, &j.Result
				}
			}
		}
	}
	if target == nil {
		t.Fatal("the sample report has no evidence with an address")
	}
	c := scanner.Citation{File: "bevis/kulturforvaltningen.warc.gz", RecordID: "urn:uuid:1b4e28ba-2fa1-41d2-883f-0016d3cca427"}
	target.Records = map[string]scanner.Citation{evURL: c, "https://example.org/robots-unrelated": {File: c.File, RecordID: "urn:uuid:other"}}

	var buf bytes.Buffer
	if err := Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Accounts []struct {
			URL      string `json:"url"`
			Findings []struct {
				Evidence []struct {
					URL    string `json:"url"`
					Source string `json:"source"`
					Record *struct {
						File string `json:"file"`
						ID   string `json:"id"`
					} `json:"record"`
				} `json:"evidence"`
			} `json:"findings"`
			Records []struct{ URL, File, ID string } `json:"records"`
		} `json:"accounts"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	cited, uncited, listed := 0, 0, 0
	for _, a := range doc.Accounts {
		listed += len(a.Records)
		for _, f := range a.Findings {
			for _, e := range f.Evidence {
				switch {
				case e.Record != nil && (e.Source == evURL || e.Source == "" && e.URL == evURL):
					if e.Record.File != c.File || e.Record.ID != c.RecordID {
						t.Errorf("evidence %s cites %+v, want %+v", evURL, *e.Record, c)
					}
					cited++
				case e.Record != nil:
					t.Errorf("evidence %s / %s cites %+v, which holds another address", e.URL, e.Source, *e.Record)
				default:
					uncited++
				}
			}
		}
	}
	if cited == 0 || uncited == 0 {
		t.Errorf("%d pieces of evidence cite the record and %d none; want some of each", cited, uncited)
	}
	if listed != 2 {
		t.Errorf("%d records listed on accounts, want the 2 given", listed)
	}
}
