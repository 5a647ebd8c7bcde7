package reports

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteJSONGolden(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteJSON(&buf, sampleReport(lang)); err != nil {
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
			golden := filepath.Join("testdata", "json", "results-"+lang+".golden.json")
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
				t.Fatalf("%v (run go test ./reports -update)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("results.json differs from %s; review and run go test ./reports -update", golden)
			}
		})
	}
}
