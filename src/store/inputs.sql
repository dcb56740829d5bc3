-- Version 11: the indicators' targets and realisasi as each workbook printed them, before an
-- agreement governed them (an indicator the agreement does not have included): what the next
-- version of the report is compared with. `indicators` keeps what was scored. For submissions
-- recorded before, what was scored is the closest there is.

CREATE TABLE inputs (
    submission_id    INTEGER NOT NULL REFERENCES submissions (id),
    seq              INTEGER NOT NULL,
    code             TEXT    NOT NULL,
    target           TEXT,                 -- model::Value::stored
    realisasi        TEXT,
    PRIMARY KEY (submission_id, seq)
);

INSERT INTO inputs (submission_id, seq, code, target, realisasi)
SELECT submission_id, seq, code, target, realisasi FROM indicators;
