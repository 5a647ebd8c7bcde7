package audit

// Files are the report files the audit wrote, relative to Options.Out, in
// the order a person opens them: results.json, the overview, then each
// administration's in the report's order of administrations.
func (r *Result) Files() []string {
	files := append([]string{r.Written.Results}, r.Written.Overview...)
	for _, a := range r.Report.Administrations {
		files = append(files, r.Written.PerAdministration[a.Name]...)
	}
	return files
}
