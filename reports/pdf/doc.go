// Package pdf lays out the report model as PDFs for people: the
// city-wide overview and one document per administration. It reads the
// tables the model's Build computed and imports no other writer.
package pdf
