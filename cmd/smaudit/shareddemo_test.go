package main

import (
	"os"
	"sync"
	"testing"

	"github.com/stockholm-stad/smaudit/audit"
)

// sharedDemoRun is one demo run that several tests read and none change:
// each run costs seconds under the race detector, so the tests that only
// look at the same run's output share it. TestMain removes its folder.
type sharedDemoRun struct {
	once           sync.Once
	dir            string
	code           int
	stdout, stderr string
	err            error
}

// demoSecrets are the credentials tokenDemo runs with: distinctive
// enough that TestTokensNeverWritten finds any copy of them in the
// output, and any value lets the demo's platforms be read with them.
var demoSecrets = map[string]string{
	audit.EnvMetaToken:     "EAAmetaSECRET0123456789",
	audit.EnvXBearerToken:  "AAAAxSECRET0123456789",
	audit.EnvYouTubeAPIKey: "AIzaSECRET0123456789",
}

var plainRun, tokenRun sharedDemoRun

// get runs the demo with extra arguments and env the first time it is
// called in this test binary and returns that run ever after. The
// environment is set with t.Setenv only for the run, so a caller must
// not be parallel.
func (d *sharedDemoRun) get(t *testing.T, env map[string]string) (dir string, code int, stdout, stderr string) {
	t.Helper()
	d.once.Do(func() {
		if d.dir, d.err = os.MkdirTemp("", "smaudit-demo-test-"); d.err != nil {
			return
		}
		for k, v := range env {
			t.Setenv(k, v)
		}
		d.code, d.stdout, d.stderr = runDemoInto(t, d.dir)
	})
	if d.err != nil {
		t.Fatal(d.err)
	}
	return d.dir, d.code, d.stdout, d.stderr
}

// plainDemo is `smaudit demo`, run once per test binary, with no
// credentials. Callers must not change its folder.
func plainDemo(t *testing.T) (dir string, code int, stdout, stderr string) {
	t.Helper()
	return plainRun.get(t, nil)
}

// tokenDemo is `smaudit demo` with demoSecrets as the Meta token, the X
// bearer token and the YouTube API key, run once per test binary. Callers
// must not change its folder.
func tokenDemo(t *testing.T) (dir string, code int, stdout, stderr string) {
	t.Helper()
	return tokenRun.get(t, demoSecrets)
}

// removeSharedDemos removes the shared runs' folders; TestMain calls it
// after the tests.
func removeSharedDemos() {
	for _, d := range []*sharedDemoRun{&plainRun, &tokenRun} {
		if d.dir != "" {
			os.RemoveAll(d.dir)
		}
	}
}
