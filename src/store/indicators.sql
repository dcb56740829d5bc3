-- Version 3: the indicators of every reading as typed rows, so that later stages (the roll-up of
-- units' figures into BKN's own, the consolidated workbook) query values instead of parsing the
-- check's JSON. A value is an exact decimal, an opinion (`WTP`), `N/A`, or NULL when blank.

CREATE TABLE indicators (
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
);
CREATE INDEX indicators_code ON indicators (code);

-- Readings recorded before this version, from their JSON. Their capaian is the JSON's, rounded to
-- two decimals, and polarity was not recorded: every indicator of BKN's and the Kantor Regional's
-- trees is higher-is-better; `kinerja reprocess` re-reads a submission to record it exactly.
INSERT INTO indicators (submission_id, seq, code, name, goal, perspective, satuan, polarity, target, realisasi,
                        provisional, capaian, cell)
SELECT s.id, j.key,
       j.value ->> '$.code', j.value ->> '$.name', j.value ->> '$.goal', j.value ->> '$.perspective',
       j.value ->> '$.satuan', COALESCE(j.value ->> '$.polarity', 'higher'),
       CASE json_type(j.value, '$.target') WHEN 'null' THEN NULL WHEN 'text' THEN j.value ->> '$.target'
            ELSE j.value -> '$.target' END,
       CASE json_type(j.value, '$.realisasi') WHEN 'null' THEN NULL WHEN 'text' THEN j.value ->> '$.realisasi'
            ELSE j.value -> '$.realisasi' END,
       (j.value ->> '$.status') = 'provisional',
       CASE json_type(j.value, '$.capaian') WHEN 'null' THEN NULL ELSE j.value -> '$.capaian' END,
       j.value ->> '$.cell'
  FROM submissions s, json_each(s.report_json, '$.indicators') j
 WHERE s.report_json IS NOT NULL AND json_valid(s.report_json);
