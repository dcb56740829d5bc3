-- The ledger of kinerja, version 1. Every dropped file has one arrival; every distinct content
-- (SHA-256) that was read has one submission. Nothing is ever deleted.

CREATE TABLE submissions (
    id               INTEGER PRIMARY KEY,
    sha256           TEXT    NOT NULL UNIQUE,
    arrival_id       TEXT    NOT NULL,     -- the first arrival of this content: orders versions
    unit             TEXT,
    year             INTEGER,
    period           TEXT,
    kind             TEXT,                 -- 'realisasi' | 'agreement'
    file_name        TEXT    NOT NULL,
    received_ms      INTEGER NOT NULL,     -- Unix milliseconds
    processed_ms     INTEGER NOT NULL,
    result           TEXT    NOT NULL CHECK (result IN ('accepted', 'rejected')),
    reason           TEXT,                 -- why it was rejected
    version          INTEGER,              -- 1, 2, … per (unit, year, period, kind) in arrival order, accepted only
    superseded_by    INTEGER REFERENCES submissions (id),
    errors           INTEGER NOT NULL DEFAULT 0,
    warnings         INTEGER NOT NULL DEFAULT 0,
    infos            INTEGER NOT NULL DEFAULT 0,
    npss             TEXT,                 -- exact decimal
    provisional      INTEGER NOT NULL DEFAULT 0,
    stored_path      TEXT    NOT NULL,     -- relative to the state directory
    report_json      TEXT                  -- the check's JSON object
);
CREATE INDEX submissions_identity ON submissions (unit, year, period, kind, arrival_id);

CREATE TABLE arrivals (
    id               TEXT    PRIMARY KEY,  -- taken-in order, unique
    folder           TEXT    NOT NULL,     -- inbox subfolder, '' for the inbox itself
    file_name        TEXT    NOT NULL,
    sha256           TEXT    NOT NULL,
    received_ms      INTEGER NOT NULL,
    outcome          TEXT    NOT NULL CHECK (outcome IN ('new', 'duplicate', 'rejected')),
    reason           TEXT,
    submission_id    INTEGER REFERENCES submissions (id),
    stored_path      TEXT    NOT NULL      -- relative to the state directory; '' when left in the inbox (a link, a FIFO)
);
CREATE INDEX arrivals_submission ON arrivals (submission_id);

CREATE TABLE findings (
    submission_id    INTEGER NOT NULL REFERENCES submissions (id),
    seq              INTEGER NOT NULL,
    code             TEXT    NOT NULL,
    severity         TEXT    NOT NULL,
    sheet            TEXT,
    cell             TEXT,
    subject          TEXT    NOT NULL,
    found            TEXT    NOT NULL,
    expected         TEXT    NOT NULL,
    message          TEXT    NOT NULL,
    PRIMARY KEY (submission_id, seq)
);

CREATE TABLE scores (
    submission_id    INTEGER NOT NULL REFERENCES submissions (id),
    seq              INTEGER NOT NULL,
    level            TEXT    NOT NULL CHECK (level IN ('npss', 'perspective', 'goal', 'indicator')),
    code             TEXT    NOT NULL,     -- perspective name, SS code, IKU code, 'NPSS'
    parent           TEXT,                 -- perspective of a goal, goal of an indicator
    value            TEXT,                 -- exact decimal; NULL when N/A
    status           TEXT    NOT NULL,     -- 'final' | 'provisional' | 'na'
    band             TEXT    NOT NULL,
    PRIMARY KEY (submission_id, seq)
);

CREATE TABLE agreements (
    submission_id    INTEGER PRIMARY KEY REFERENCES submissions (id),
    unit             TEXT    NOT NULL,
    year             INTEGER NOT NULL,
    version          INTEGER NOT NULL,
    effective_ms     INTEGER NOT NULL
);

CREATE TABLE mail_queue (
    id               INTEGER PRIMARY KEY,
    arrival_id       TEXT    NOT NULL,     -- the arrival it answers, or 'rekap:…' / 'reminder:…'
    kind             TEXT    NOT NULL,     -- receipt, discrepancy, duplicate, rejection, rekap, reminder
    recipient        TEXT    NOT NULL,
    subject          TEXT    NOT NULL,
    body_text        TEXT    NOT NULL,
    body_html        TEXT,
    attachments      TEXT    NOT NULL DEFAULT '[]', -- JSON: [{name, path | text}]
    status           TEXT    NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_ms  INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT,
    created_ms       INTEGER NOT NULL,
    sent_ms          INTEGER,
    UNIQUE (arrival_id, kind, recipient)
);
