-- Version 6: a plan's own rows (kind 'plan': a Rencana Kerja). Each IKU's target for a year from
-- each source that prints it, the earlier years its evaluation prints (one row per IKU and year),
-- and the budget lines by kegiatan, KRO, RO and komponen: what a
-- plan's receipt summarises and what the planners' workbook shows beside what was achieved. Its
-- binding indicators (the PK's, else the Renja's) and goals are kept in `indicators` and `goals`
-- like an agreement's: a realisasi report of a year without a PK is scored against them.

CREATE TABLE plan_targets (
    submission_id    INTEGER NOT NULL REFERENCES submissions (id),
    seq              INTEGER NOT NULL,
    code             TEXT    NOT NULL,     -- IKU.<n>
    name             TEXT    NOT NULL,
    year             INTEGER NOT NULL,
    source           TEXT    NOT NULL CHECK (source IN ('renstra', 'renja', 'pk')),
    value            TEXT,                 -- exact decimal, opinion, 'N/A'; NULL when not in force
    cell             TEXT    NOT NULL,
    PRIMARY KEY (submission_id, seq)
) WITHOUT ROWID;

CREATE TABLE plan_budget (
    submission_id    INTEGER NOT NULL REFERENCES submissions (id),
    seq              INTEGER NOT NULL,
    level            TEXT    NOT NULL CHECK (level IN ('program', 'kegiatan', 'kro', 'ro', 'komponen')),
    code             TEXT    NOT NULL,
    name             TEXT    NOT NULL,
    volume           TEXT,                 -- exact decimal
    satuan           TEXT,
    pagu             TEXT,                 -- whole rupiah, exact
    parent           TEXT,                 -- the code of the line above of a higher level
    source           TEXT    NOT NULL CHECK (source IN ('renja', 'pk')),
    cell             TEXT    NOT NULL,
    PRIMARY KEY (submission_id, seq)
) WITHOUT ROWID;

CREATE TABLE plan_history (
    submission_id    INTEGER NOT NULL REFERENCES submissions (id),
    seq              INTEGER NOT NULL,
    code             TEXT    NOT NULL,     -- IKU.<n>; '' where the plan knows the row by name only
    name             TEXT    NOT NULL,
    year             INTEGER NOT NULL,
    target           TEXT,
    realisasi        TEXT,
    cell             TEXT    NOT NULL,
    PRIMARY KEY (submission_id, seq)
) WITHOUT ROWID;
