package rules

import (
	"github.com/stockholm-stad/smaudit/scanner"
)

// proofHow says, per kind, how a link between account and city was proven.
var proofHow = map[scanner.ProofKind]Text{
	scanner.ProofVerifiedField: {SV: "plattformen har kontrollerat länken (rel=\"me\")", EN: "the platform checked the link (rel=\"me\")"},
	scanner.ProofRelMe:         {SV: "stadens sida länkar tillbaka till kontot (rel=\"me\")", EN: "the city's page links back to the account (rel=\"me\")"},
	scanner.ProofSameAs:        {SV: "stadens sida anger kontot i sina strukturerade data (JSON-LD sameAs)", EN: "the city's page names the account in its structured data (JSON-LD sameAs)"},
	scanner.ProofDomainHandle:  {SV: "kontots namn ligger på stadens domän, verifierat av plattformen", EN: "the account's handle is on the city's domain, verified by the platform"},
}

// proofEvidence turns the fetched proofs that involve one of domains into
// evidence such as "Verifierad länk till stockholm.se". They support the
// affiliation rule's finding; the profile must still say it in words.
func proofEvidence(proofs []scanner.Proof, domains []string) []Evidence {
	var ev []Evidence
	seen := map[string]bool{}
	for _, p := range proofs {
		for _, end := range []string{p.To, p.From} {
			h := hostOf(end)
			d := ""
			for _, dom := range domains {
				if h != "" && hostWithin(h, dom) {
					d = dom
					break
				}
			}
			if d == "" || seen[string(p.Kind)+end] {
				continue
			}
			seen[string(p.Kind)+end] = true
			how := proofHow[p.Kind]
			ev = append(ev, Evidence{
				Label: Text{SV: "Verifierad länk till " + d + ": " + how.SV, EN: "Verified link to " + d + ": " + how.EN},
				Value: end,
				URL:   end,
			})
			break
		}
	}
	return ev
}
