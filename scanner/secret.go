package scanner

// Secret is a credential such as an API token. It prints as "[redacted]"
// with every fmt verb, so a logged or dumped configuration never shows it;
// Reveal gives the value to the one place that sends it, a request header.
type Secret string

// String implements fmt.Stringer: "[redacted]", or "" when unset.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return "[redacted]"
}

// GoString implements fmt.GoStringer, so %#v redacts too.
func (s Secret) GoString() string { return s.String() }

// Reveal returns the secret's value.
func (s Secret) Reveal() string { return string(s) }
