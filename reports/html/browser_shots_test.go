package html_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// screenshots takes each page at desktop and at phone width and checks
// each is a PNG that shows something: more than a few colours.
func screenshots(t *testing.T, browser context.Context, paths ...string) {
	for _, path := range paths {
		screenshot(t, browser, path)
	}
}

// screenshot takes one page at desktop and at phone width.
func screenshot(t *testing.T, browser context.Context, path string) {
	keep := os.Getenv("SMAUDIT_SCREENSHOTS")
	name := strings.TrimSuffix(filepath.Base(path), ".html")
	for _, size := range []struct {
		name          string
		width, height int64
	}{{"desktop", 1280, 900}, {"phone", 390, 844}} {
		ctx, _, _ := tab(t, browser)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(size.width, size.height), chromedp.Navigate("file://"+path)); err != nil {
			t.Fatal(err)
		}
		shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(shot))
		if err != nil {
			t.Fatalf("%s screenshot: %v", size.name, err)
		}
		if n := colours(img); n < 8 {
			t.Errorf("%s screenshot has %d colours: the page shows nothing", size.name, n)
		}
		if b := img.Bounds(); int64(b.Dx()) != size.width {
			t.Errorf("%s screenshot is %d px wide, want %d", size.name, b.Dx(), size.width)
		}
		if keep != "" {
			full, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(keep, name+"-"+size.name+".png"), full, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// colours counts an image's distinct colours, up to 1000.
func colours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y && len(seen) < 1000; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
		}
	}
	return len(seen)
}

// filterWorks picks one account in an administration's filter and then
// only failures, and checks what stays visible.
func filterWorks(t *testing.T, browser context.Context, path string) {
	ctx, _, _ := tab(t, browser)
	type result struct {
		Key      string   `json:"key"`
		Accounts []string `json:"accounts"`
		Statuses []string `json:"statuses"`
		Shown    string   `json:"shown"`
	}
	const pick = `(() => {
  const f = document.querySelector("#findings form[data-filter]");
  const sel = f.querySelector("select"), key = sel.options[1].value;
  sel.value = key; sel.dispatchEvent(new Event("change", {bubbles: true}));
  const accounts = [...document.querySelectorAll("#findings article.account")].filter(a => !a.hidden).map(a => a.id);
  sel.value = ""; f.querySelectorAll("input[name=status]").forEach(i => { i.checked = i.value === "fail"; });
  f.dispatchEvent(new Event("change"));
  const statuses = [...new Set([...document.querySelectorAll("#findings .finding")].filter(x => x.checkVisibility()).map(x => x.dataset.status))];
  return {key, accounts, statuses, shown: f.querySelector(".shown").textContent};
})()`
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+path)); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[result](pick))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Accounts) != 1 || got.Accounts[0] != got.Key {
		t.Errorf("choosing account %s shows %v", got.Key, got.Accounts)
	}
	if !slices.Equal(got.Statuses, []string{"fail"}) {
		t.Errorf("ticking only failures shows %v", got.Statuses)
	}
	if !strings.Contains(got.Shown, " av ") {
		t.Errorf("the filter says %q, want how many of how many", got.Shown)
	}
}
