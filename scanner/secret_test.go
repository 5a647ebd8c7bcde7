package scanner

import (
	"fmt"
	"strings"
	"testing"
)

func TestSecretNeverPrints(t *testing.T) {
	type config struct {
		Name  string
		Token Secret
	}
	c := config{Name: "x", Token: "EAAsecret"}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
		if out := fmt.Sprintf(verb, c); strings.Contains(out, "EAAsecret") || strings.Contains(out, fmt.Sprintf("%x", "EAAsecret")) {
			t.Errorf("%s printed the secret: %s", verb, out)
		}
	}
	if c.Token.Reveal() != "EAAsecret" {
		t.Error("Reveal lost the value")
	}
	if Secret("").String() != "" {
		t.Error("an unset secret should print empty")
	}
}
