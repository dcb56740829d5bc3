-- Version 5: what a later stage needs of a reading, as typed rows it reads back without parsing
-- the check's JSON: the goals (SS) of its tree with their perspective, and the values the unit
-- computed itself (its claims: capaian, NSS, NKP, perspective score, NPSS, serapan, sisa,
-- efisiensi), by the subject a finding names. An agreement's tree and targets (goals and
-- indicators) govern the reports of its year; a report's inputs and claims are what its next
-- version is compared with. The row tables are keyed by (submission, seq) alone, so they are
-- kept WITHOUT ROWID: one B-tree per table instead of a table and its key's index.

CREATE TABLE findings_keyed (
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
) WITHOUT ROWID;
INSERT INTO findings_keyed (submission_id, seq, code, severity, sheet, cell, subject, found, expected, message)
SELECT submission_id, seq, code, severity, sheet, cell, subject, found, expected, message FROM findings;
DROP TABLE findings;
ALTER TABLE findings_keyed RENAME TO findings;

CREATE TABLE scores_keyed (
    submission_id    INTEGER NOT NULL REFERENCES submissions (id),
    seq              INTEGER NOT NULL,
    level            TEXT    NOT NULL CHECK (level IN ('npss', 'perspective', 'goal', 'indicator')),
    code             TEXT    NOT NULL,     -- perspective name, SS code, IKU code, 'NPSS'
    parent           TEXT,                 -- perspective of a goal, goal of an indicator
    value            TEXT,                 -- exact decimal; NULL when N/A
    status           TEXT    NOT NULL,     -- 'final' | 'provisional' | 'na'
    band             TEXT    NOT NULL,
    nkp              TEXT,                 -- perspective rows: score × weight
    PRIMARY KEY (submission_id, seq)
) WITHOUT ROWID;
INSERT INTO scores_keyed (submission_id, seq, level, code, parent, value, status, band, nkp)
SELECT submission_id, seq, level, code, parent, value, status, band, nkp FROM scores;
DROP TABLE scores;
ALTER TABLE scores_keyed RENAME TO scores;

CREATE TABLE indicators_keyed (
    submission_id    INTEGER NOT NULL REFERENCES submissions (id),
    seq              INTEGER NOT NULL,
    code             TEXT    NOT NULL,     -- IKU.<n>
    name             TEXT    NOT NULL,
    goal             TEXT    NOT NULL,     -- SS.<n>
    perspective      TEXT    NOT NULL,
    satuan           TEXT    NOT NULL,     -- %, indeks, nilai, jumlah, Rp, opini or ''
    polarity         TEXT    NOT NULL CHECK (polarity IN ('higher', 'lower')),
    target           TEXT,
    realisasi        TEXT,
    provisional      INTEGER NOT NULL,     -- target or realisasi marked provisional
    capaian          TEXT,                 -- exact decimal; NULL when N/A
    cell             TEXT    NOT NULL,     -- Sheet!A1 of the indicator's row
    PRIMARY KEY (submission_id, seq)
) WITHOUT ROWID;
INSERT INTO indicators_keyed (submission_id, seq, code, name, goal, perspective, satuan, polarity, target, realisasi,
                              provisional, capaian, cell)
SELECT submission_id, seq, code, name, goal, perspective, satuan, polarity, target, realisasi, provisional, capaian, cell
  FROM indicators;
DROP TABLE indicators;
ALTER TABLE indicators_keyed RENAME TO indicators;
CREATE INDEX indicators_code ON indicators (code);

CREATE TABLE budget_keyed (
    submission_id    INTEGER NOT NULL REFERENCES submissions (id),
    seq              INTEGER NOT NULL,
    scope            TEXT    NOT NULL,     -- iku | ss | akun | total
    code             TEXT    NOT NULL,
    pagu             TEXT,
    realisasi        TEXT,
    sisa             TEXT,
    serapan          TEXT,
    efisiensi        TEXT,
    PRIMARY KEY (submission_id, seq)
) WITHOUT ROWID;
INSERT INTO budget_keyed (submission_id, seq, scope, code, pagu, realisasi, sisa, serapan, efisiensi)
SELECT submission_id, seq, scope, code, pagu, realisasi, sisa, serapan, efisiensi FROM budget_lines;
DROP TABLE budget_lines;
ALTER TABLE budget_keyed RENAME TO budget_lines;

CREATE TABLE goals (
    submission_id    INTEGER NOT NULL REFERENCES submissions (id),
    seq              INTEGER NOT NULL,
    code             TEXT    NOT NULL,     -- SS.<n>
    name             TEXT    NOT NULL,
    perspective      TEXT    NOT NULL,
    cell             TEXT    NOT NULL,     -- Sheet!A1 of the goal's row
    PRIMARY KEY (submission_id, seq)
) WITHOUT ROWID;

CREATE TABLE claims (
    submission_id    INTEGER NOT NULL REFERENCES submissions (id),
    subject          TEXT    NOT NULL,     -- IKU or SS code, 'NKP <perspective>', 'Skor <perspective>', 'NPSS',
                                           -- 'Serapan <code>', 'Sisa <code>', 'Efisiensi <code>'
    value            TEXT    NOT NULL,     -- exact decimal, as printed
    PRIMARY KEY (submission_id, subject)
) WITHOUT ROWID;

-- Readings recorded before this version, from their JSON. The JSON kept no goal's cell: a goal
-- takes its first indicator's (the goal's own row is the one above it in every layout read).
INSERT INTO goals (submission_id, seq, code, name, perspective, cell)
SELECT s.id, j.key, j.value ->> '$.code', j.value ->> '$.name', j.value ->> '$.perspective',
       COALESCE((SELECT i.cell FROM indicators i WHERE i.submission_id = s.id AND i.goal = j.value ->> '$.code'
                  ORDER BY i.seq LIMIT 1), '')
  FROM submissions s, json_each(s.report_json, '$.goals') j
 WHERE s.report_json IS NOT NULL AND json_valid(s.report_json);

WITH r AS (SELECT id, report_json FROM submissions WHERE report_json IS NOT NULL AND json_valid(report_json))
INSERT OR IGNORE INTO claims (submission_id, subject, value)
SELECT id, subject, value FROM (
    SELECT r.id AS id, j.value ->> '$.code' AS subject, j.value -> '$.claimed_capaian' AS value
      FROM r, json_each(r.report_json, '$.indicators') j
    UNION ALL
    SELECT r.id, j.value ->> '$.code', j.value -> '$.claimed_nss' FROM r, json_each(r.report_json, '$.goals') j
    UNION ALL
    SELECT r.id, 'NKP ' || (j.value ->> '$.name'), j.value -> '$.claimed_nkp'
      FROM r, json_each(r.report_json, '$.perspectives') j
    UNION ALL
    SELECT r.id, 'Skor ' || (j.value ->> '$.name'), j.value -> '$.claimed_score'
      FROM r, json_each(r.report_json, '$.perspectives') j
    UNION ALL
    SELECT r.id, 'NPSS', r.report_json -> '$.claimed_npss' FROM r
    UNION ALL
    SELECT r.id, 'Serapan ' || (j.value ->> '$.code'), j.value -> '$.claimed_serapan'
      FROM r, json_each(r.report_json, '$.budget') j
    UNION ALL
    SELECT r.id, 'Sisa ' || (j.value ->> '$.code'), j.value -> '$.claimed_sisa'
      FROM r, json_each(r.report_json, '$.budget') j
    UNION ALL
    SELECT r.id, 'Efisiensi ' || (j.value ->> '$.code'), j.value -> '$.claimed_efisiensi'
      FROM r, json_each(r.report_json, '$.budget') j)
 WHERE value IS NOT NULL AND value <> 'null';
