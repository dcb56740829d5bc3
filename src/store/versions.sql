-- Version 2: versions of their own. A unit's reports of one year, period and kind are numbered in
-- arrival order; re-sending earlier content is a new version that points to the stored content.
-- The report that counts for a unit, year, period and kind is its latest version
-- (`current_versions`); ARCHITECTURE.md, "Which report counts".

CREATE TABLE versions (
    unit             TEXT    NOT NULL,
    year             INTEGER NOT NULL,
    period           TEXT    NOT NULL,
    kind             TEXT    NOT NULL,     -- 'realisasi' | 'agreement'
    version          INTEGER NOT NULL,
    submission_id    INTEGER NOT NULL REFERENCES submissions (id),
    arrival_id       TEXT    NOT NULL UNIQUE, -- the arrival that made it the current version
    PRIMARY KEY (unit, year, period, kind, version)
);
CREATE INDEX versions_submission ON versions (submission_id);

INSERT INTO versions (unit, year, period, kind, version, submission_id, arrival_id)
SELECT unit, year, period, kind, version, id, arrival_id FROM submissions
 WHERE result = 'accepted' AND version IS NOT NULL;

CREATE VIEW current_versions AS
SELECT v.* FROM versions v
 WHERE v.version = (SELECT MAX(w.version) FROM versions w
                     WHERE w.unit = v.unit AND w.year = v.year AND w.period = v.period AND w.kind = v.kind);

-- Replaced by `versions`: the governing agreement is the current agreement version.
DROP TABLE agreements;
ALTER TABLE submissions DROP COLUMN superseded_by;
ALTER TABLE submissions DROP COLUMN version;
