-- Version 4: each reading's budget lines, and each perspective's NKP, as typed rows: the
-- consolidated workbook is built from typed rows only and parses no report's JSON. Values are
-- exact decimals; NULL where the line has none. Readings recorded before this version are filled
-- from their JSON (serapan and efisiensi as it rounded them, to two decimals).

CREATE TABLE budget_lines (
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
);

ALTER TABLE scores ADD COLUMN nkp TEXT;     -- perspective rows: score × weight

-- Each folder's latest arrival (`Ledger::latest_arrivals`) without scanning every arrival for each.
CREATE INDEX arrivals_folder ON arrivals (folder, id);

INSERT INTO budget_lines (submission_id, seq, scope, code, pagu, realisasi, sisa, serapan, efisiensi)
SELECT s.id, j.key, j.value ->> '$.scope', j.value ->> '$.code',
       CASE json_type(j.value, '$.pagu') WHEN 'null' THEN NULL ELSE j.value -> '$.pagu' END,
       CASE json_type(j.value, '$.realisasi') WHEN 'null' THEN NULL ELSE j.value -> '$.realisasi' END,
       CASE json_type(j.value, '$.sisa') WHEN 'null' THEN NULL ELSE j.value -> '$.sisa' END,
       CASE json_type(j.value, '$.serapan') WHEN 'null' THEN NULL ELSE j.value -> '$.serapan' END,
       CASE json_type(j.value, '$.efisiensi') WHEN 'null' THEN NULL ELSE j.value -> '$.efisiensi' END
  FROM submissions s, json_each(s.report_json, '$.budget') j
 WHERE s.report_json IS NOT NULL AND json_valid(s.report_json);

UPDATE scores SET nkp = (
    SELECT j.value -> '$.nkp'
      FROM submissions s, json_each(s.report_json, '$.perspectives') j
     WHERE s.id = scores.submission_id AND json_valid(s.report_json)
       AND j.value ->> '$.name' = scores.code AND json_type(j.value, '$.nkp') <> 'null')
 WHERE level = 'perspective';
