// Package sample holds the judged scans and report models that the tests
// of every writer (pdf, xlsx, the JSON writer), the returned-workbook
// reader and file output render, so that each writer's tests check the
// same reports. It is internal and imported only by tests.
package sample
