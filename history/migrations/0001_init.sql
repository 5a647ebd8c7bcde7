-- 0001: scans, the registry snapshot of each, findings, and the
-- administrations' answers. Dates are written YYYY-MM-DD (the audit day in
-- Europe/Stockholm); instants are RFC 3339 in UTC; '' means none.

CREATE TABLE scans (
    id       INTEGER PRIMARY KEY,
    as_of    TEXT    NOT NULL CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    registry TEXT    NOT NULL,
    tool     TEXT    NOT NULL,
    lang     TEXT    NOT NULL
);
-- "the latest scan of a date" and "the scans before a date"
CREATE INDEX scans_as_of ON scans (as_of, id);

-- One registry row of a scan, with its fetch outcome. key is
-- reports.AccountKey: it follows an account across scans.
CREATE TABLE accounts (
    id               INTEGER PRIMARY KEY,
    scan_id          INTEGER NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
    key              TEXT    NOT NULL,
    row              INTEGER NOT NULL,
    administration   TEXT    NOT NULL,
    name             TEXT    NOT NULL,
    platform_name    TEXT    NOT NULL,
    platform         TEXT    NOT NULL,
    url              TEXT    NOT NULL,
    purpose          TEXT    NOT NULL,
    goals            TEXT    NOT NULL,
    audience         TEXT    NOT NULL,
    owner            TEXT    NOT NULL,
    website          TEXT    NOT NULL,
    fetch_status     TEXT    NOT NULL,
    fetch_error_kind TEXT    NOT NULL,
    fetch_error      TEXT    NOT NULL,
    unsupported      TEXT    NOT NULL,
    last_own_post    TEXT    NOT NULL,
    own_posts        INTEGER NOT NULL
);
CREATE INDEX accounts_scan_key ON accounts (scan_id, key);

-- One rule's verdict on one account. status is final (may be 'waived');
-- judged is the rule's own verdict before any waiver, which the change
-- since the previous scan is computed on.
CREATE TABLE findings (
    id                 INTEGER PRIMARY KEY,
    account_id         INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    rule               TEXT    NOT NULL,
    status             TEXT    NOT NULL CHECK (status IN ('pass', 'fail', 'manual', 'error', 'waived')),
    judged             TEXT    NOT NULL CHECK (judged IN ('pass', 'fail', 'manual', 'error')),
    message            TEXT    NOT NULL,
    evidence           TEXT    NOT NULL,
    waiver_reason      TEXT,
    waiver_approved_by TEXT,
    waiver_expires     TEXT,
    waiver_expired     INTEGER,
    waiver_source      TEXT,
    UNIQUE (account_id, rule),
    -- a waiver is all there or not at all
    CHECK ((waiver_expires IS NULL) = (waiver_reason IS NULL)
       AND (waiver_expires IS NULL) = (waiver_approved_by IS NULL)
       AND (waiver_expires IS NULL) = (waiver_expired IS NULL)
       AND (waiver_expires IS NULL) = (waiver_source IS NULL))
);

-- An administration's answer to a finding of a scan, imported from its
-- returned workbook; one per finding, the latest import wins.
CREATE TABLE responses (
    scan_id        INTEGER NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
    account_key    TEXT    NOT NULL,
    rule           TEXT    NOT NULL,
    administration TEXT    NOT NULL,
    answer         TEXT    NOT NULL,
    comment        TEXT    NOT NULL,
    source_file    TEXT    NOT NULL,
    sheet          TEXT    NOT NULL,
    row            INTEGER NOT NULL,
    PRIMARY KEY (scan_id, account_key, rule)
) WITHOUT ROWID;
