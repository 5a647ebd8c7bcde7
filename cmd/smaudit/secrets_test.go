package main

import (
	"archive/zip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestTokensNeverWritten runs the demo with a Meta token, an X bearer
// token and a YouTube API key set, and looks for them in everything a
// person or machine gets to see: stdout, stderr (progress and log),
// results.json, every workbook's XML and every PDF's text.
func TestTokensNeverWritten(t *testing.T) {
	dir, _, stdout, stderr := tokenDemo(t)
	secrets := demoSecrets
	texts := map[string]string{"stdout": stdout, "stderr": stderr}
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		p := filepath.Join(dir, f.Name())
		switch filepath.Ext(p) {
		case ".json":
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			texts[f.Name()] = string(data)
		case ".xlsx":
			texts[f.Name()] = zipText(t, p)
		case ".pdf":
			if !havePDFToText(t) {
				continue
			}
			out, err := exec.Command("pdftotext", p, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			texts[f.Name()] = string(out)
		}
	}
	if len(texts) < 6 {
		t.Fatalf("only %d outputs read", len(texts))
	}
	for where, text := range texts {
		for name, secret := range secrets {
			if strings.Contains(text, secret) || strings.Contains(text, secret[:12]) {
				t.Errorf("%s contains the secret from %s", where, name)
			}
		}
	}
}

// zipText returns every entry of a zip file (a workbook) as one string.
func zipText(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var b strings.Builder
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		_, err = io.Copy(&b, rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}
