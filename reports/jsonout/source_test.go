package jsonout

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestEvidenceSource checks that results.json gives an evidence's Source,
// the API address fetched, beside its URL, the page a person opens, and
// leaves it out where there is none.
func TestEvidenceSource(t *testing.T) {
	t.Parallel()
	r := sampleReport("sv")
	const page, api = "https://social.example/@ostermalm/1", "https://social.example/api/v1/statuses/1"
	set := 0
	for _, j := range r.Accounts {
		for k := range j.Findings {
			for e := range j.Findings[k].Evidence {
				if ev := &j.Findings[k].Evidence[e]; ev.URL == page {
					ev.Source = api
					set++
				}
			}
		}
	}
	if set == 0 {
		t.Fatalf("the sample has no evidence linking %s", page)
	}
	var buf bytes.Buffer
	if err := Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Accounts []struct {
			Findings []struct {
				Evidence []map[string]string `json:"evidence"`
			} `json:"findings"`
		} `json:"accounts"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	withSource, without := 0, 0
	for _, a := range got.Accounts {
		for _, f := range a.Findings {
			for _, e := range f.Evidence {
				switch src, ok := e["source"]; {
				case !ok:
					without++
				case src != api || e["url"] != page:
					t.Errorf("evidence %v: source %q beside url %q, want %q beside %q", e, src, e["url"], api, page)
				default:
					withSource++
				}
			}
		}
	}
	if withSource != set || without == 0 {
		t.Errorf("%d evidence with a source (want %d), %d without (want some)", withSource, set, without)
	}
}
