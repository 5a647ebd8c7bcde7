package jsonout

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stockholm-stad/smaudit/reports/model"
)

func TestWriteJSONGolden(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, sampleReport(lang)); err != nil {
				t.Fatal(err)
			}
			var parsed map[string]any
			if err := json.Unmarshal(buf.Bytes(), &parsed); err != nil {
				t.Fatalf("results.json is not JSON: %v", err)
			}
			for _, key := range []string{"asOf", "generatedBy", "accounts", "summary"} {
				if _, ok := parsed[key]; !ok {
					t.Errorf("results.json lacks %q", key)
				}
			}
			golden := filepath.Join("testdata", "results-"+lang+".golden.json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./reports/jsonout -update)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("results.json differs from %s; review and run go test ./reports/jsonout -update", golden)
			}
		})
	}
}

func TestWriteJSONWithHistory(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, xhReport("sv")); err != nil {
		t.Fatal(err)
	}
	var got struct {
		History struct {
			Previous string `json:"previous"`
			Added    []struct {
				Name string `json:"name"`
			} `json:"added"`
			Removed []struct {
				URL string `json:"url"`
			} `json:"removed"`
		} `json:"history"`
		Accounts []struct {
			URL      string `json:"url"`
			Findings []struct {
				Rule         string `json:"rule"`
				Change       string `json:"change"`
				FailingSince string `json:"failingSince"`
			} `json:"findings"`
		} `json:"accounts"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.History.Previous != model.Date(xhPrevious) || len(got.History.Added) != 1 || len(got.History.Removed) != 1 {
		t.Errorf("history block %+v", got.History)
	}
	changes := map[string]string{}
	for _, a := range got.Accounts {
		for _, f := range a.Findings {
			if f.Change != "" {
				changes[a.URL+" "+f.Rule] = f.Change + " " + f.FailingSince
			}
		}
	}
	want := map[string]string{
		xhOstermalmURL + " city-affiliation":   "reopened ",
		xhOstermalmURL + " inactive-account":   "persisting " + model.Date(xhFirst),
		xhKulturhusetURL + " city-affiliation": "fixed ",
		xhTeaternURL + " inactive-account":     "new ",
	}
	for k, v := range want {
		if changes[k] != v {
			t.Errorf("%s: change %q, want %q", k, changes[k], v)
		}
	}
}
