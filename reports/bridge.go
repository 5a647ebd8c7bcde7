package reports

// This file bridges the move of the report model into reports/model: the
// commands and the audit package still name these through reports while
// they move to the model's own names. Remove it once nothing outside
// reports/ uses them.

import "github.com/stockholm-stad/smaudit/reports/model"

// AccountRef is model.AccountRef, until its callers name the model.
type AccountRef = model.AccountRef

// Build is model.Build, until its callers name the model.
var Build = model.Build

// ChangeFixed is model.ChangeFixed, until its callers name the model.
const ChangeFixed = model.ChangeFixed

// ChangeKind is model.ChangeKind, until its callers name the model.
type ChangeKind = model.ChangeKind

// ChangeLabel is model.ChangeLabel, until its callers name the model.
var ChangeLabel = model.ChangeLabel

// ChangeNew is model.ChangeNew, until its callers name the model.
const ChangeNew = model.ChangeNew

// ChangePersisting is model.ChangePersisting, until its callers name the model.
const ChangePersisting = model.ChangePersisting

// ChangeReopened is model.ChangeReopened, until its callers name the model.
const ChangeReopened = model.ChangeReopened

// Counts is model.Counts, until its callers name the model.
type Counts = model.Counts

// Expectation is model.Expectation, until its callers name the model.
type Expectation = model.Expectation

// ExpectedRow is model.ExpectedRow, until its callers name the model.
type ExpectedRow = model.ExpectedRow

// FetchReason is model.FetchReason, until its callers name the model.
var FetchReason = model.FetchReason

// FindingKey is model.FindingKey, until its callers name the model.
type FindingKey = model.FindingKey

// History is model.History, until its callers name the model.
type History = model.History

// L is model.L, until its callers name the model.
var L = model.L

// Meta is model.Meta, until its callers name the model.
type Meta = model.Meta

// PlatformName is model.PlatformName, until its callers name the model.
var PlatformName = model.PlatformName

// Problem is model.Problem, until its callers name the model.
type Problem = model.Problem

// Report is model.Report, until its callers name the model.
type Report = model.Report

// ReturnedAnswer is model.ReturnedAnswer, until its callers name the model.
type ReturnedAnswer = model.ReturnedAnswer

// RowNote is model.RowNote, until its callers name the model.
type RowNote = model.RowNote

// Slug is model.Slug, until its callers name the model.
var Slug = model.Slug

// Unregistered is model.Unregistered, until its callers name the model.
type Unregistered = model.Unregistered

// AccountKey is model.AccountKey, until its callers name the model.
var AccountKey = model.AccountKey

// Change is model.Change, until its callers name the model.
type Change = model.Change

// EvidenceLine is model.EvidenceLine, until its callers name the model.
var EvidenceLine = model.EvidenceLine

// Response is model.Response, until its callers name the model.
type Response = model.Response

// ResponseAnswers is model.ResponseAnswers, until its callers name the model.
var ResponseAnswers = model.ResponseAnswers

// TrendPoint is model.TrendPoint, until its callers name the model.
type TrendPoint = model.TrendPoint
