package model

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSortAccountRefs checks the one order of added and removed accounts:
// Swedish collation (å, ä, ö after z; lower case before upper case when
// nothing else differs), byte order and link only to break ties.
func TestSortAccountRefs(t *testing.T) {
	refs := []AccountRef{
		{Administration: "Östermalm", Name: "b", URL: "2"},
		{Administration: "Älvsjö", Name: "a", URL: "1"},
		{Administration: "Zinkensdamm", Name: "Ö-nytt", URL: "1"},
		{Administration: "Zinkensdamm", Name: "ordet", URL: "1"},
		{Administration: "Zinkensdamm", Name: "Ordet", URL: "1"},
		{Administration: "Östermalm", Name: "b", URL: "1"},
		{Administration: "arbetsmarknad", Name: "x", URL: "1"},
	}
	SortAccountRefs(refs)
	var got []string
	for _, r := range refs {
		got = append(got, r.Administration+"/"+r.Name+"/"+r.URL)
	}
	want := []string{
		"arbetsmarknad/x/1",
		"Zinkensdamm/ordet/1",
		"Zinkensdamm/Ordet/1",
		"Zinkensdamm/Ö-nytt/1",
		"Älvsjö/a/1",
		"Östermalm/b/1",
		"Östermalm/b/2",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
}
