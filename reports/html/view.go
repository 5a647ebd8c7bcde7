package html

import (
	"github.com/stockholm-stad/smaudit/rules"
)

// page is everything one web page shows, already in words: the writers
// below fill it from the model and the template only lays it out.
type page struct {
	Lang      string
	Title     string // the document's title, for the tab and the top heading
	Subtitle  string // the administration's name on its page
	Author    string // who the report is from: the sender, else the city
	Generator string // the tool and its version
	Words     words
	Banner    *banner
	Facts     []field
	Sections  []*section
	// Home links back to the overview from an administration's page.
	Home string
}

// words are the page's fixed words the template needs.
type words struct {
	Skip, Contents, Facts, Home string
}

// banner is a warning every reader must see first, such as an
// interrupted audit.
type banner struct {
	Line, Explain string
}

// field is one "label: value" fact. A link follows the value in
// brackets, or stands alone when there is no value.
type field struct {
	Label, Value string
	Href         string
	Link         string // the link's text; the address itself when empty
}

// LinkText is what the field's link reads.
func (f field) LinkText() string {
	if f.Link != "" {
		return f.Link
	}
	return f.Href
}

// section is one part of the page under an h2, listed in the contents.
type section struct {
	ID      string
	Heading string
	Blocks  []block
}

// block is one piece of a section; exactly one field is set.
type block struct {
	Lead     string // the summary paragraph, set larger
	Para     string
	Note     string // a muted explanation under a table or a figure
	Sub      string // an h3 inside the section
	Fields   []field
	Bullets  []field // list items; Href links the value
	Tiles    *tiles
	Table    *table
	Filter   *filter
	Accounts []account
	Checks   []checkAccount
	Notices  []notice
	// Recommendations are numbered actions with their severity.
	Recommendations []recommendation
}

// tiles are the counts per status, each with its word and icon.
type tiles struct {
	Label string
	Items []tile
}

// tile is one status count.
type tile struct {
	Status rules.Status
	Count  string
	Label  string
}

// table is a data table with a caption and column headers; the first
// cell of each row heads its row.
type table struct {
	ID      string
	Caption string
	Head    []header
	Rows    []row
	Foot    []row // a total row
	// Hint tells a phone reader that a wide table scrolls sideways; the
	// style sheet shows it only when the script finds the table wider
	// than its frame.
	Hint string
}

// header is one column header; Num aligns numbers right.
type header struct {
	Text string
	Num  bool
}

// row is one table row; Status and Account let the filter pick it.
type row struct {
	Cells   []cell
	Status  rules.Status
	Account string // filter key of the account or administration
}

// cell is one table cell: text, optionally a link, a status badge or a
// bold number.
type cell struct {
	Text   string
	Href   string
	Status rules.Status // shows a badge: icon and word
	Links  []string     // addresses, each shown as its own link
	Spark  *spark       // a small line of a trend
	Num    bool
	Strong bool
}

// Label is the word a status cell's badge shows.
func (c cell) Label() string { return c.Text }

// filter is the form that narrows a section to some statuses and one
// account (or administration). It is hidden until the script shows it,
// so without script everything stays visible.
type filter struct {
	Legend       string
	Statuses     []tile // Count unused; Label is the status word
	SelectLabel  string
	SelectAll    string
	Options      []option
	Help         string
	ShownPattern string // "Visar %s av %s"
}

// option is one account or administration in a filter.
type option struct {
	Key, Label string
}

// account is one account's part of the findings: its facts, the
// findings a person must act on, and the passed ones collapsed.
type account struct {
	Key      string // filter key and anchor
	Name     string
	Facts    []field
	Unjudged *unjudged
	Open     []finding // fail, waived, error, manual: in the model's order
	Passed   []finding
	PassedOf string // "7 av 9 kontrollpunkter uppfyllda"
}

// unjudged are the findings a failed or unsupported fetch left open,
// shown once with their shared reason.
type unjudged struct {
	Status  rules.Status
	Label   string // the status word
	Lead    string
	Message string
	Items   []string
}

// finding is one verdict as a reader sees it.
type finding struct {
	Status    rules.Status
	Label     string // the status word
	Severity  string // "Allvarlighetsgrad: hög", for what is not passed
	Change    string // "Ny", "Kvarstår sedan …", with history
	Title     string
	Message   string
	Notes     []string // waiver and earlier answer
	EvidenceH string
	Evidence  []field
	FixH, Fix string
	PolicyH   string
	Quote     string
}

// checkAccount is one account's questions for the manual checklist.
type checkAccount struct {
	Key       string // anchor
	Name      string
	Facts     []field
	Questions []question
}

// question is one checklist item.
type question struct {
	Text, Where, Why string
}

// notice is the ready text to post on an account being closed.
type notice struct {
	Account, Label, Text string
}
