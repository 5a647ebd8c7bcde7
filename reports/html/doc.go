// Package html writes the audit as accessible web pages: oversikt.html
// and one page per administration, each a single self-contained file
// (inline CSS and a few lines of script, no external requests, no web
// fonts) that can be mailed or put on the intranet as it is. A page
// shows what the PDF shows, failures first, and is built for WCAG 2.1
// AA: the report's language, headings in order, tables with headers,
// status in words and icons as well as colour, and a layout that reflows
// at 200 % zoom and on a phone. It imports the report model and no other
// writer; html/template escapes every scraped text.
package html
